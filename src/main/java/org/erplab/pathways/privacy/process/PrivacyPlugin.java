package org.erplab.pathways.privacy.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.erplab.pathways.pathway.process.ProcessCatalogue;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine to the variables the processes declare, and personal and special-category values out of it,
 * whatever door a task is completed or a variable written through (our API, engine REST, Tasklist, Cockpit):
 * <ol>
 *   <li>every variable the engine stores is checked against the allow-list of its process ({@link VariableAllowList});
 *   <li>every user task gets a built-in {@code complete} listener, running before any model listener, that moves the
 *       values of the variables declared sensitive into the registry and removes them from the process, in the same
 *       transaction ({@link SensitiveFieldCapture});
 *   <li>the engine's final history event handler is wrapped by a filter that drops variable and form-property events
 *       about sensitive names, so not even the short-lived values reach {@code ACT_HI_*}.
 * </ol>
 */
@Component
public class PrivacyPlugin extends AbstractProcessEnginePlugin {

  private final SensitiveFieldCapture capture;

  public PrivacyPlugin(SensitiveFieldCapture capture) {
    this.capture = capture;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventProducer(new VariableAllowList());
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        UserTaskActivityBehavior behavior = (UserTaskActivityBehavior) activity.getActivityBehavior();
        behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, capture);
      }
    });
    configuration.setCustomPreBPMNParseListeners(listeners);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    HistoryLevel level = configuration.getHistoryLevel();
    if (level == null || !level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_CREATE, null)) {
      throw new IllegalStateException("History level " + (level == null ? null : level.getName()) + " produces no "
          + "variable events, so the variable allow-list could not be enforced: use history level audit or full");
    }
    configuration.setHistoryEventHandler(
        new SensitiveHistoryEventFilter(configuration.getHistoryEventHandler(), ProcessCatalogue.sensitiveNames()));
  }
}
