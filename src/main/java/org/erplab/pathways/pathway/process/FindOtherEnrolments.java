package org.erplab.pathways.pathway.process;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.erplab.pathways.pathway.domain.OtherEnrolments;
import org.erplab.pathways.pathway.domain.OtherEnrolments.OtherEnrolment;
import org.erplab.pathways.pathway.process.EligibilityProcess.Variables;
import org.erplab.pathways.security.Partitions;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_FindOtherEnrolments, before the eligibility decision: looks across every project for the person's other
 * open or recently closed pathways, files them (table {@code enrolment_match}) and hands the decision
 * {@code otherEnrolment} and the CPI {@code otherEnrolments} (project and stage of each, nothing personal).
 */
@Component("findOtherEnrolments")
public class FindOtherEnrolments implements JavaDelegate {

  private final OtherEnrolments otherEnrolments;

  public FindOtherEnrolments(OtherEnrolments otherEnrolments) {
    this.otherEnrolments = otherEnrolments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<OtherEnrolment> found = otherEnrolments.findAndRecord(PathwayLifecycle.pathwayId(execution),
        Partitions.projectOf(execution.getTenantId()));
    Variables.OTHER_ENROLMENT.set(execution, !found.isEmpty());
    Variables.OTHER_ENROLMENTS.set(execution, OtherEnrolments.summary(found));
  }
}
