package org.erplab.pathways.pathway.process;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.erplab.pathways.deadline.domain.DeadlineKind;
import org.erplab.pathways.deadline.process.Deadlines;
import org.erplab.pathways.pathway.domain.Internship;
import org.erplab.pathways.pathway.infrastructure.InternshipRecords.Agreement;
import org.erplab.pathways.security.Partitions;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code internship} model in step with table {@code internship}: {@code traineeFacts} derives the cap
 * decision's inputs (transient), {@code cap} files its result, {@code agreed} starts the internship, {@code endsAt} is
 * its end deadline (INTERNSHIP_END), {@code approveExtension} / {@code rejectExtension} file the CPI's decision,
 * {@code completed} / {@code terminated} at the ends set {@code internshipOutcome}.
 */
@Component("internshipFacts")
public class InternshipFacts {

  private final Internship internship;
  private final Deadlines deadlines;

  public InternshipFacts(Internship internship, Deadlines deadlines) {
    this.internship = internship;
    this.deadlines = deadlines;
  }

  /** Service task Task_TraineeFacts: {@code disabled} and {@code disadvantaged}, transient (never stored). */
  public void traineeFacts(DelegateExecution execution) {
    Internship.TraineeFacts facts = internship.traineeFacts(PathwayLifecycle.pathwayId(execution),
        Partitions.projectOf(execution.getTenantId()));
    execution.setVariable(InternshipProcess.Variables.DISABLED.name(), Variables.booleanValue(facts.disabled(), true));
    execution.setVariable(InternshipProcess.Variables.DISADVANTAGED.name(),
        Variables.booleanValue(facts.disadvantaged(), true));
  }

  /** End listener of Task_InternshipCap: the decision's months on record, its result list removed. */
  public void cap(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> result = (List<Map<String, Object>>) InternshipProcess.Variables.INTERNSHIP_CAP.get(execution);
    if (result == null || result.isEmpty()) {
      throw new IllegalStateException("Decision internship-cap gave no result");
    }
    Map<String, Object> row = result.get(0);
    internship.start(PathwayLifecycle.pathwayId(execution), Partitions.projectOf(execution.getTenantId()),
        ((Number) row.get("maxMonths")).intValue(), ((Number) row.get("minMonths")).intValue());
    InternshipProcess.Variables.INTERNSHIP_CAP.remove(execution);
  }

  /** Complete listener of Task_InternshipAgreement: the internship runs. */
  public void agreed(DelegateTask task) {
    internship.agree(UUID.fromString(PathwayProcess.Variables.PATHWAY_ID.get(task)));
  }

  /** The end of the internship's last day: its deadline record, created once from the agreement, then read. */
  public Date endsAt(DelegateExecution execution) {
    Agreement agreement = internship.agreement(PathwayLifecycle.pathwayId(execution)).orElseThrow();
    return deadlines.dueOn(execution, DeadlineKind.INTERNSHIP_END.name(), agreement.startDate(),
        agreement.plannedMonths(), agreement.endDate());
  }

  /** Taken on the CPI's approval: the end moves by the request's months. */
  public void approveExtension(DelegateExecution execution) {
    internship.approveExtension(PathwayLifecycle.pathwayId(execution), PlanFacts.currentUser(execution));
    InternshipProcess.Variables.EXTENSION_APPROVED.remove(execution);
  }

  /** Taken on the CPI's rejection: nothing moves; the reason is in the case notes. */
  public void rejectExtension(DelegateExecution execution) {
    internship.rejectExtension(PathwayLifecycle.pathwayId(execution), PlanFacts.currentUser(execution));
    InternshipProcess.Variables.EXTENSION_APPROVED.remove(execution);
  }

  /** Start listener of EndEvent_InternshipCompleted: the end timer fired. */
  public void completed(DelegateExecution execution) {
    internship.end(PathwayLifecycle.pathwayId(execution), InternshipProcess.Outcome.COMPLETED);
    InternshipProcess.Variables.INTERNSHIP_OUTCOME.set(execution, InternshipProcess.Outcome.COMPLETED.name());
  }

  /**
   * Start listener of EndEvent_InternshipTerminated: an early termination (the end deadline was cancelled when its scope
   * ended before its term).
   */
  public void terminated(DelegateExecution execution) {
    UUID pathwayId = PathwayLifecycle.pathwayId(execution);
    internship.end(pathwayId, InternshipProcess.Outcome.TERMINATED);
    InternshipProcess.Variables.INTERNSHIP_OUTCOME.set(execution, InternshipProcess.Outcome.TERMINATED.name());
  }

  /** End listener of the process: a stage the pathway's exit cancelled is CANCELLED (no-op after its own ends). */
  public void ended(DelegateExecution execution) {
    internship.endedWithThePathway(PathwayLifecycle.pathwayId(execution));
  }
}
