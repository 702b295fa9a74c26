package org.erplab.pathways.pathway.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.erplab.pathways.project.domain.ProgrammeParameters;
import org.erplab.pathways.security.Partitions;
import org.springframework.stereotype.Component;

/** Counts a call-back attempt and says whether the project's maximum (parameter maxContactAttempts) is reached. */
@Component("recordContactAttempt")
public class RecordContactAttempt implements JavaDelegate {

  static final String MAX_CONTACT_ATTEMPTS = "maxContactAttempts";

  private final ProgrammeParameters parameters;

  public RecordContactAttempt(ProgrammeParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Integer previous = IntakeProcess.Variables.CONTACT_ATTEMPTS.get(execution);
    int attempts = previous == null ? 1 : previous + 1;
    int max = parameters.intValue(Partitions.projectOf(execution.getTenantId()), MAX_CONTACT_ATTEMPTS);
    IntakeProcess.Variables.CONTACT_ATTEMPTS.set(execution, attempts);
    IntakeProcess.Variables.CONTACT_ATTEMPTS_EXHAUSTED.set(execution, attempts >= max);
  }
}
