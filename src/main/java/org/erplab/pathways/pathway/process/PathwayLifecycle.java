package org.erplab.pathways.pathway.process;

import org.erplab.pathways.common.domain.EngineClock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.erplab.pathways.common.infrastructure.PathwayEvents;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.erplab.pathways.pathway.domain.PathwayRecords;
import org.erplab.pathways.pathway.infrastructure.PlanRecords;
import org.springframework.stereotype.Component;

/**
 * Keeps the pathway record in step with the models: {@code ${pathwayLifecycle.stage(execution, 'VERIFICATION')}} as a
 * start listener, {@code ${pathwayLifecycle.close(execution, 'INELIGIBLE')}} on closing end events.
 */
@Component("pathwayLifecycle")
public class PathwayLifecycle {

  private final PathwayRecords pathways;
  private final PathwayEvents events;
  private final PlanRecords plans;

  public PathwayLifecycle(PathwayRecords pathways, PathwayEvents events, PlanRecords plans) {
    this.pathways = pathways;
    this.events = events;
    this.plans = plans;
  }

  /**
   * Taken when the CPI hands the pathway to another accredited operator: the pathway's operator becomes the new one
   * (record and variable), so the next hand-over runs in its part of the project; the change is in the event log.
   */
  public void reassign(DelegateExecution execution) {
    String from = PathwayProcess.Variables.OPERATOR_ORGANISATION.get(execution);
    String to = HandoverProcess.Variables.NEW_OPERATOR_ORGANISATION.get(execution);
    PathwayProcess.Variables.OPERATOR_ORGANISATION.set(execution, to);
    pathways.recordOperator(pathwayId(execution), to);
    Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    events.record(pathwayId(execution), "OPERATOR_REASSIGNED", current == null ? null : current.getUserId(), null,
        Map.of("from", from, "to", to));
  }

  /** Start listener of the hand-over's end: the first appointment's date goes on the pathway. */
  public void firstAppointment(DelegateExecution execution) {
    pathways.recordFirstAppointment(pathwayId(execution),
        LocalDate.parse(HandoverProcess.Variables.APPOINTMENT_DATE.get(execution)));
  }

  public void stage(DelegateExecution execution, String stage) {
    pathways.updateStage(pathwayId(execution), stage);
  }

  /**
   * Closes the pathway with {@code outcome}. An amendment of the plan under way is CANCELLED (a closing end event after
   * the signature terminates the pathway's instance, the amendment's event subprocess with it).
   */
  public void close(DelegateExecution execution, String outcome) {
    pathways.close(pathwayId(execution), outcome,
        PathwayProcess.Variables.ELIGIBILITY_REASONS.get(execution),
        EligibilityProcess.Variables.REFERRAL.get(execution),
        EngineClock.now());
    plans.cancelPendingAmendments(pathwayId(execution));
  }

  /**
   * Closes the pathway with {@code outcome} where it stands (withdrawal, the programme's end): the stage it reached is
   * kept, reasons are recorded by whoever ended it.
   */
  public void closeOnly(DelegateExecution execution, String outcome) {
    pathways.closeKeepingStage(pathwayId(execution), outcome, EngineClock.now());
  }

  /** Start listener of the intake's completed end: the person consented to data processing at the interview. */
  public void consentGiven(DelegateExecution execution) {
    pathways.recordConsent(pathwayId(execution), EngineClock.now());
  }

  static UUID pathwayId(DelegateExecution execution) {
    return UUID.fromString(PathwayProcess.Variables.PATHWAY_ID.get(execution));
  }
}
