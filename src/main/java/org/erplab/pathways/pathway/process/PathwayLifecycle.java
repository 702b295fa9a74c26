package org.erplab.pathways.pathway.process;

import org.erplab.pathways.common.domain.EngineClock;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.erplab.pathways.pathway.domain.PathwayRecords;
import org.springframework.stereotype.Component;

/**
 * Keeps the pathway record in step with the models: {@code ${pathwayLifecycle.stage(execution, 'VERIFICATION')}} as a
 * start listener, {@code ${pathwayLifecycle.close(execution, 'INELIGIBLE')}} on closing end events.
 */
@Component("pathwayLifecycle")
public class PathwayLifecycle {

  private final PathwayRecords pathways;

  public PathwayLifecycle(PathwayRecords pathways) {
    this.pathways = pathways;
  }

  public void stage(DelegateExecution execution, String stage) {
    pathways.updateStage(pathwayId(execution), stage);
  }

  public void close(DelegateExecution execution, String outcome) {
    pathways.close(pathwayId(execution), outcome,
        PathwayProcess.Variables.ELIGIBILITY_REASONS.get(execution),
        EligibilityProcess.Variables.REFERRAL.get(execution),
        EngineClock.now());
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
