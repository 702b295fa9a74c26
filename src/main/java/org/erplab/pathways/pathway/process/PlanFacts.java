package org.erplab.pathways.pathway.process;

import java.time.LocalDate;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.pathway.infrastructure.PlanRecords;
import org.erplab.pathways.project.domain.ProgrammeParameters;
import org.erplab.pathways.security.Partitions;
import org.springframework.stereotype.Component;

/**
 * Keeps the plan's versions in step with the {@code plan} model: {@code ${planFacts.submit(task)}} when the operator
 * sends the draft, {@code approve} / {@code reject} on the CPI's decision, {@code signed} / {@code notSigned} at the
 * ends (they also set {@code planOutcome}); {@code reminderAt(execution)} is when the operator is reminded of the
 * missing signature.
 */
@Component("planFacts")
public class PlanFacts {

  /** Calendar days after the approval when the operator is reminded of the signature (programme parameter). */
  static final String SIGNATURE_REMINDER_DAYS = "planSignatureReminderDays";

  private final PlanRecords records;
  private final ProgrammeParameters parameters;

  public PlanFacts(PlanRecords records, ProgrammeParameters parameters) {
    this.records = records;
    this.parameters = parameters;
  }

  /** Complete listener of Task_DraftPlan: the draft goes to the CPI. */
  public void submit(DelegateTask task) {
    UUID pathwayId = UUID.fromString(PathwayProcess.Variables.PATHWAY_ID.get(task));
    if (!records.submit(pathwayId, EngineClock.now())) {
      throw new IllegalStateException("Pathway " + pathwayId + " has no draft plan to submit");
    }
  }

  /** Taken on approval: the version is approved today. */
  public void approve(DelegateExecution execution) {
    records.decide(PathwayLifecycle.pathwayId(execution), true, currentUser(execution), EngineClock.now(),
        EngineClock.today());
  }

  /** Taken on rejection: the version is rejected, the operator drafts a new one. */
  public void reject(DelegateExecution execution) {
    records.decide(PathwayLifecycle.pathwayId(execution), false, currentUser(execution), EngineClock.now(), null);
  }

  /** Start of the signature reminder's day: {@code planSignatureReminderDays} calendar days after the approval. */
  public Date reminderAt(DelegateExecution execution) {
    UUID pathwayId = PathwayLifecycle.pathwayId(execution);
    LocalDate approved = records.approvedOn(pathwayId).orElseGet(EngineClock::today);
    int days = parameters.intValue(Partitions.projectOf(execution.getTenantId()), SIGNATURE_REMINDER_DAYS);
    return Date.from(approved.plusDays(days).atStartOfDay(EngineClock.ZONE).toInstant());
  }

  /** Start listener of EndEvent_PlanSigned. */
  public void signed(DelegateExecution execution) {
    records.sign(PathwayLifecycle.pathwayId(execution), LocalDate.parse(PlanProcess.Variables.SIGNED_ON.get(execution)));
    PlanProcess.Variables.PLAN_OUTCOME.set(execution, PlanProcess.Outcome.SIGNED.name());
  }

  /** Start listener of EndEvent_PlanNotSigned: the signature deadline passed. */
  public void notSigned(DelegateExecution execution) {
    PlanProcess.Variables.PLAN_OUTCOME.set(execution, PlanProcess.Outcome.NOT_SIGNED.name());
  }

  /** Start listener of plan-amendment's EndEvent_AmendmentSigned: the amendment is signed, the current version. */
  public void amendmentSigned(DelegateExecution execution) {
    records.sign(PathwayLifecycle.pathwayId(execution), LocalDate.parse(PlanProcess.Variables.SIGNED_ON.get(execution)));
  }

  /** Start listener of plan-amendment's EndEvent_AmendmentLapsed: not signed in time, the signed version stays. */
  public void amendmentLapsed(DelegateExecution execution) {
    records.lapse(PathwayLifecycle.pathwayId(execution));
  }

  /** Who is completing the task that moved the execution (null when the engine moves it alone). */
  static String currentUser(DelegateExecution execution) {
    Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return current == null ? null : current.getUserId();
  }
}
