package org.erplab.pathways.privacy.process;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/** Drops history events that would store a sensitive variable or form property; passes everything else on. */
class SensitiveHistoryEventFilter implements HistoryEventHandler {

  private final HistoryEventHandler delegate;
  private final Set<String> sensitive;

  SensitiveHistoryEventFilter(HistoryEventHandler delegate, Set<String> sensitive) {
    this.delegate = delegate;
    this.sensitive = Set.copyOf(sensitive);
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!isSensitive(event)) {
      delegate.handleEvent(event);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    delegate.handleEvents(events.stream().filter(e -> !isSensitive(e)).toList());
  }

  private boolean isSensitive(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      return sensitive.contains(variable.getVariableName());
    }
    if (event instanceof HistoricFormPropertyEventEntity property) {
      return sensitive.contains(property.getPropertyId());
    }
    return false;
  }
}
