package org.erplab.pathways.privacy.process;

import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.erplab.pathways.common.domain.FieldError;
import org.erplab.pathways.common.process.DeclaredProcess;
import org.erplab.pathways.common.process.InvalidFieldsException;
import org.erplab.pathways.common.process.ProcessVariable;
import org.erplab.pathways.pathway.process.ProcessCatalogue;

/**
 * The allow-list of variables, enforced where every stored variable passes: the engine asks this producer for the
 * history event of each variable it creates or changes, at history level audit or full, whichever door wrote it
 * (engine REST variables, start variables, a form's extra keys, Cockpit, our own code). A variable must be declared
 * by its process's descriptor ({@link ProcessCatalogue}), hold a value of its declared kind that fits the engine's
 * columns (text of up to {@value #MAX_TEXT} characters), and, if sensitive, exist only while a task's form is completed
 * (the registry takes it then). Anything else is refused with {@link InvalidFieldsException}, before it is stored (a
 * text too long would otherwise fail in the database, logged with its value); a name is repeated only when it is a
 * plain name.
 *
 * <p>Transient values are never stored and do not pass here; a task's form values are checked in full by the
 * completion guard.
 */
class VariableAllowList extends CacheAwareHistoryEventProducer {

  /** The length of Camunda's text columns (TEXT_, TEXT2_ of ACT_RU_VARIABLE and ACT_HI_VARINST). */
  static final int MAX_TEXT = 4000;

  @Override
  public HistoryEvent createHistoricVariableCreateEvt(VariableInstanceEntity variable, VariableScope source) {
    check(variable);
    return super.createHistoricVariableCreateEvt(variable, source);
  }

  @Override
  public HistoryEvent createHistoricVariableUpdateEvt(VariableInstanceEntity variable, VariableScope source) {
    check(variable);
    return super.createHistoricVariableUpdateEvt(variable, source);
  }

  static void check(VariableInstanceEntity variable) {
    ExecutionEntity execution = variable.getExecution();
    String processKey = execution == null ? null : execution.getProcessDefinition().getKey();
    DeclaredProcess process = ProcessCatalogue.find(processKey).orElse(null);
    String name = variable.getName();
    if (process == null) {
      throw refused(name, "cannot be stored: variables exist only in the pathway's own processes");
    }
    ProcessVariable<?> declared = process.variable(name).orElse(null);
    if (declared == null) {
      throw refused(name, "is not a variable of process " + processKey);
    }
    if (!declared.kind().accepts(variable.getSerializerName())) {
      throw refused(name, "must be " + declared.kind().name().toLowerCase());
    }
    if (tooLong(variable.getTextValue()) || tooLong(variable.getTextValue2())) {
      throw refused(name, "must be at most " + MAX_TEXT + " characters");
    }
    if (declared.isSensitive() && !isTaskCompletion()) {
      throw refused(name, "is personal data: it is given only in the form of its task, which files it in the registry");
    }
  }

  private static boolean tooLong(String text) {
    return text != null && text.length() > MAX_TEXT;
  }

  private static boolean isTaskCompletion() {
    CommandInvocationContext invocation = Context.getCommandInvocationContext();
    Command<?> command = invocation == null ? null : invocation.getCommand();
    return command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd;
  }

  private static InvalidFieldsException refused(String name, String message) {
    return new InvalidFieldsException("Variable refused", List.of(FieldError.ofSentName(name, message)));
  }
}
