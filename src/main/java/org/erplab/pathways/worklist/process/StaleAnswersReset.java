package org.erplab.pathways.worklist.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.erplab.pathways.worklist.domain.FormField;
import org.springframework.stereotype.Component;

/**
 * Built-in {@code create} listener of every user task: the answers a task's form asks for are asked afresh each time
 * the task comes up. A previous answer to the same question (the last call-back's "not reached", a verification
 * that found documents missing) is removed from the process before anybody sees the form, so Tasklist cannot
 * pre-select it and a completion cannot pass on an old answer; history keeps it.
 */
@Component
class StaleAnswersReset implements TaskListener {

  private final TaskFormReader forms;

  StaleAnswersReset(TaskFormReader forms) {
    this.forms = forms;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    if (execution == null) {
      return;
    }
    for (FormField field : forms.fields(Context.getCommandContext(), (TaskEntity) task)) {
      if (execution.hasVariable(field.key())) {
        execution.removeVariable(field.key());
      }
    }
  }
}
