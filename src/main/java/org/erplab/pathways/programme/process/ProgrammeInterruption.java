package org.erplab.pathways.programme.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.erplab.pathways.programme.domain.ProjectOperations;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_InterruptPathways}: starts the operation that closes every open pathway of the project. */
@Component("programmeInterruption")
public class ProgrammeInterruption implements JavaDelegate {

  private final ProjectOperations operations;

  public ProgrammeInterruption(ProjectOperations operations) {
    this.operations = operations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    operations.interruptAll(execution.getTenantId(), ProjectOperations.PROGRAMME_END_USER);
  }
}
