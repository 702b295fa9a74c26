package org.erplab.pathways.pathway.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.erplab.pathways.pathway.domain.IndemnityAccruals;
import org.erplab.pathways.security.Partitions;
import org.springframework.stereotype.Component;

/**
 * Service task Task_CourseIndemnity of {@code training} (element template "Calcola indennità"): after the course's
 * result, the participation indemnity it accrued (the register with its corrections, at the project's
 * {@code indemnityHourlyRate}, up to the signed plan's cap) is recorded in {@code indemnity_accrual}, once per course
 * and attempt. Reads {@code pathwayId} and {@code courseCode}; sets no variable.
 */
@Component("courseIndemnity")
public class CourseIndemnity implements JavaDelegate {

  private final IndemnityAccruals accruals;

  public CourseIndemnity(IndemnityAccruals accruals) {
    this.accruals = accruals;
  }

  @Override
  public void execute(DelegateExecution execution) {
    accruals.afterCourseResult(PathwayLifecycle.pathwayId(execution), Partitions.projectOf(execution.getTenantId()),
        TrainingProcess.Variables.COURSE_CODE.get(execution));
  }
}
