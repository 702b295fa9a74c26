package org.erplab.pathways.pathway.domain;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.erplab.pathways.pathway.infrastructure.ClosureRecords;
import org.erplab.pathways.pathway.infrastructure.ClosureRecords.Closure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The closure record of a pathway (table {@code pathway_closure}): written by every closing path (the model's closing
 * ends through {@code PathwayLifecycle}, withdrawal and the programme's end through {@link PathwayExits}) in the same
 * transaction as the closure, once: its one outcome, the stage it had reached, the training hours planned by the signed
 * plan and attended (register, corrections applied) and the indemnity with its arrears share, as
 * {@link Training#summary} computes them. Pathways closed before the table existed get theirs at start-up.
 */
@Service
public class PathwayClosures {

  private static final Logger LOG = LoggerFactory.getLogger(PathwayClosures.class);

  /** Stage a pathway closed by the model had, for rows rebuilt at start-up (the record says only CLOSED then). */
  private static final Map<String, String> STAGE_OF_OUTCOME = Map.of(
      "UNREACHABLE", "INTAKE", "NO_CONSENT", "INTAKE", "INELIGIBLE", "ELIGIBILITY", "PLAN_NOT_SIGNED", "PLAN",
      "COMPLETED_NOT_PLACED", "TRAINING", "SOCIAL_REFERRAL", "SOCIAL_INCLUSION", "PLACED", "PLACEMENT");

  private final ClosureRecords records;
  private final PathwayRecords pathways;
  private final Training training;

  public PathwayClosures(ClosureRecords records, PathwayRecords pathways, Training training) {
    this.records = records;
    this.pathways = pathways;
    this.training = training;
  }

  /**
   * Files the closure of {@code pathwayId}, which reached {@code stage} and closes now with {@code outcome}. Does
   * nothing when the pathway has a closure already.
   */
  @Transactional
  public void record(UUID pathwayId, String outcome, String stage, OffsetDateTime closedAt) {
    Pathway pathway = pathways.find(pathwayId).orElseThrow(() -> new IllegalStateException("No pathway " + pathwayId));
    records.insert(closure(pathway, outcome, stage, closedAt));
  }

  public Optional<Closure> of(UUID pathwayId) {
    return records.find(pathwayId);
  }

  /** Start-up: a closure row for every pathway closed before the table existed (idempotent). */
  @EventListener(ApplicationReadyEvent.class)
  @Order(6)
  public void backfill() {
    int filed = 0;
    for (UUID id : records.closedWithoutRow()) {
      Pathway p = pathways.find(id).orElseThrow();
      String stage = "CLOSED".equals(p.stage()) ? STAGE_OF_OUTCOME.getOrDefault(p.outcome(), "CLOSED") : p.stage();
      if (p.outcome() != null && p.closedAt() != null && records.insert(closure(p, p.outcome(), stage, p.closedAt()))) {
        filed++;
      }
    }
    if (filed > 0) {
      LOG.info("Closure records filed for pathways closed earlier: {}", filed);
    }
  }

  private Closure closure(Pathway pathway, String outcome, String stage, OffsetDateTime closedAt) {
    Training.Summary summary = training.summary(pathway);
    return new Closure(pathway.id(), pathway.projectCode(), outcome, stage == null ? "CLOSED" : stage, closedAt,
        summary.plannedHours(), summary.indemnity().attendedHours(), summary.indemnity().payable(),
        summary.indemnity().arrearsShare());
  }
}
