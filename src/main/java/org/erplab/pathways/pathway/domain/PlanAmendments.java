package org.erplab.pathways.pathway.domain;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.common.domain.FieldError;
import org.erplab.pathways.pathway.infrastructure.PlanRecords;
import org.erplab.pathways.pathway.infrastructure.PlanRecords.Version;
import org.erplab.pathways.pathway.infrastructure.TrainingRecords;
import org.erplab.pathways.pathway.process.PathwayInstances;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Amendments of a signed plan: "a signed plan can be amended: a new version, approved again; every version kept and
 * readable". While the pathway is active past the signature (training, internship, placement) the operator writes an
 * amendment, checked against the project's caps like a draft; it is saved as a new version sent to the CPI and the
 * pathway's event subprocess {@code SubProcess_PlanAmendment} calls {@code plan-amendment}. The signed version stays
 * current until the amendment is signed; the running stage is not interrupted.
 */
@Service
public class PlanAmendments {

  /** The stages a signed plan is amended in. */
  public static final Set<String> STAGES = Set.of("TRAINING", "INTERNSHIP", "PLACEMENT");

  private final PathwayRecords pathways;
  private final PlanRecords records;
  private final TrainingRecords trainingRecords;
  private final Plans plans;
  private final PathwayInstances instances;

  public PlanAmendments(PathwayRecords pathways, PlanRecords records, TrainingRecords trainingRecords, Plans plans,
      PathwayInstances instances) {
    this.pathways = pathways;
    this.records = records;
    this.trainingRecords = trainingRecords;
    this.plans = plans;
    this.instances = instances;
  }

  /**
   * Writes and sends an amendment of the pathway's signed plan.
   *
   * @throws ApiException 409 when the pathway is closed, suspended, not past its plan's signature, already amending
   *     its plan, or runs on a model without amendments; 400 naming each field and line that breaks a rule or a cap
   */
  @Transactional
  public Version request(UUID pathwayId, Plans.Draft draft, String user) {
    Pathway pathway = pathways.lock(pathwayId).orElseThrow(() -> ApiException.notFound("No such pathway"));
    if (Pathway.Status.CLOSED.name().equals(pathway.status())) {
      throw ApiException.conflict("The pathway is closed: its plan can no longer be amended");
    }
    if (Pathway.Status.SUSPENDED.name().equals(pathway.status())) {
      throw ApiException.conflict("The pathway is suspended: resume it before amending its plan");
    }
    Version signed = trainingRecords.signedPlan(pathwayId).orElse(null);
    if (signed == null || !STAGES.contains(pathway.stage())) {
      throw ApiException.conflict("A plan can be amended only after its signature (stages " + STAGES.stream().sorted()
          .toList() + "); before it, write the draft (PUT /api/pathways/" + pathwayId + "/plan)");
    }
    if (records.amendmentPending(pathwayId)) {
      throw ApiException.conflict("An amendment of the plan is already under way: wait for its decision and signature");
    }
    List<FieldError> errors = plans.check(pathway.projectCode(), draft);
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(errors);
    }
    Version saved = plans.saveAmendment(pathwayId, pathway.projectCode(), draft, user, signed.version());
    if (!instances.requestAmendment(pathway.processInstanceId())) {
      throw ApiException.conflict("The pathway runs on a model that takes no amendments");
    }
    return saved;
  }
}
