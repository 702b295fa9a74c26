package org.erplab.pathways.pathway.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.common.infrastructure.PathwayEvents;
import org.erplab.pathways.deadline.domain.Deadline;
import org.erplab.pathways.deadline.domain.DeadlineRecords;
import org.erplab.pathways.pathway.domain.SuspensionRecords.ReasonList;
import org.erplab.pathways.pathway.infrastructure.ArrearsReductionRecords;
import org.erplab.pathways.pathway.infrastructure.PlanRecords;
import org.erplab.pathways.pathway.process.PathwayInstances;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A pathway ends before its course: the participant withdraws ({@code WITHDRAWN}), or the programme ends
 * ({@code INTERRUPTED}). Both go through the model (message event subprocesses of the root {@code pathway} process, so
 * every stage has them): every task and timer of every stage is cancelled, their deadlines with them, and the pathway
 * closes keeping the stage it reached. Also while suspended: the suspensions end with it, nothing is shifted. ALER's
 * registration of an arrears reduction, an instance of its own, is cancelled too, and so is the reduction's record; an
 * amendment of the plan under way is CANCELLED.
 */
@Service
public class PathwayExits {

  static final String WITHDRAWN = "PATHWAY_WITHDRAWN";
  static final String INTERRUPTED = "PATHWAY_INTERRUPTED";

  private final PathwayRecords pathways;
  private final PathwayClocks clocks;
  private final SuspensionRecords suspensions;
  private final DeadlineRecords deadlines;
  private final PathwayInstances instances;
  private final PathwayEvents events;
  private final ArrearsReductionRecords arrears;
  private final PlanRecords plans;

  public PathwayExits(PathwayRecords pathways, PathwayClocks clocks, SuspensionRecords suspensions,
      DeadlineRecords deadlines, PathwayInstances instances, PathwayEvents events, ArrearsReductionRecords arrears,
      PlanRecords plans) {
    this.arrears = arrears;
    this.plans = plans;
    this.pathways = pathways;
    this.clocks = clocks;
    this.suspensions = suspensions;
    this.deadlines = deadlines;
    this.instances = instances;
    this.events = events;
  }

  /**
   * The participant withdraws on {@code date}.
   *
   * @throws ApiException 400 for an unknown reason or a date in the future or before the pathway began; 404 for an
   *     unknown pathway; 409 when it is closed already
   */
  @Transactional
  public void withdraw(UUID pathwayId, String reason, LocalDate date, String user) {
    Pathway pathway = pathways.lock(pathwayId).orElseThrow(() -> ApiException.notFound("No such pathway"));
    if (!suspensions.reasonExists(ReasonList.WITHDRAWAL, reason)) {
      throw ApiException.badRequest("reason", "unknown withdrawal reason (GET /api/reasons/WITHDRAWAL lists them)");
    }
    OffsetDateTime now = EngineClock.now();
    if (date.isAfter(now.toLocalDate())) {
      throw ApiException.badRequest("date", "must not be in the future");
    }
    if (date.isBefore(pathway.createdAt().atZoneSameInstant(EngineClock.ZONE).toLocalDate())) {
      throw ApiException.badRequest("date", "must not be before the pathway began");
    }
    PathwayClocks.requireOpen(pathway);
    exit(pathway, PathwayInstances.WITHDRAWAL, "WITHDRAWN", user);
    pathways.recordWithdrawal(pathwayId, reason, date);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("reason", reason);
    details.put("date", date);
    details.put("stage", pathway.stage());
    events.record(pathwayId, WITHDRAWN, user, null, details);
  }

  /**
   * The programme ended: the open pathway closes as {@code INTERRUPTED}, keeping what it achieved. Does nothing for a
   * pathway closed already (an interruption over a whole project may meet pathways that closed meanwhile).
   *
   * @return false when the pathway was closed already
   */
  @Transactional
  public boolean interrupt(UUID pathwayId, String user) {
    Pathway pathway = pathways.lock(pathwayId).orElseThrow(() -> ApiException.notFound("No such pathway"));
    if (Pathway.Status.CLOSED.name().equals(pathway.status())) {
      return false;
    }
    exit(pathway, PathwayInstances.PROGRAMME_ENDED, "INTERRUPTED", user);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("stage", pathway.stage());
    events.record(pathwayId, INTERRUPTED, user, null, details);
    return true;
  }

  private void exit(Pathway pathway, String message, String outcome, String user) {
    clocks.endAllForExit(pathway.id(), user, outcome);
    instances.activate(pathway.id());
    if (!instances.exit(pathway.processInstanceId(), message)) {
      pathways.closeKeepingStage(pathway.id(), outcome, EngineClock.now());
    }
    // ALER's registration of an arrears reduction runs on its own: it ends with the pathway, the reduction cancelled
    instances.cancelDetached(pathway.id(), outcome);
    OffsetDateTime now = EngineClock.now();
    arrears.cancelOpen(pathway.id(), now);
    // an amendment of the plan under way ended with the pathway's event subprocesses: the signed version stays
    plans.cancelPendingAmendments(pathway.id());
    for (Deadline d : deadlines.openOfPathway(pathway.id())) {
      if (deadlines.close(d.id(), Deadline.State.CANCELLED, now)) {
        events.record(pathway.id(), "DEADLINE_CANCELLED", user, d.id(), Map.of("kind", d.kind(), "cause", outcome));
      }
    }
  }
}
