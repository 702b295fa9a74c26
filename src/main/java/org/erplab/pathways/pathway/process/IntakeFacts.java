package org.erplab.pathways.pathway.process;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.pathway.domain.PathwayRecords;
import org.erplab.pathways.pathway.process.IntakeProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * The intake interview's facts the monitoring committee's indicators count by (ADR 0040):
 * {@code ${intakeFacts.interviewed(task)}} keeps the education and the employment status at intake with the pathway
 * (table {@code pathway_profile}); the disadvantages are kept by the registry as it files them.
 */
@Component("intakeFacts")
public class IntakeFacts {

  private final PathwayRecords pathways;

  public IntakeFacts(PathwayRecords pathways) {
    this.pathways = pathways;
  }

  /** Complete listener of Task_IntakeInterview: the latest interview's answers count; none without consent. */
  public void interviewed(DelegateTask task) {
    if (!Boolean.TRUE.equals(Variables.CONSENT_GIVEN.get(task))) {
      return;
    }
    UUID pathwayId = UUID.fromString(PathwayProcess.Variables.PATHWAY_ID.get(task));
    pathways.recordIntakeFacts(pathwayId, Variables.EDUCATION.get(task), Variables.EMPLOYMENT_STATUS.get(task),
        EngineClock.now());
  }
}
