package org.erplab.pathways.pathway.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.indemnity.domain.IndemnityCalculator.Indemnity;
import org.erplab.pathways.pathway.infrastructure.IndemnityAccrualRecords;
import org.erplab.pathways.pathway.infrastructure.IndemnityAccrualRecords.Accrual;
import org.erplab.pathways.pathway.infrastructure.TrainingRecords;
import org.erplab.pathways.pathway.infrastructure.TrainingRecords.Result;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The participation indemnity each course's result accrues (table {@code indemnity_accrual}, ADR 0032): when a course's
 * result is decided, the pathway's payable indemnity is computed by {@code IndemnityCalculator} on the whole register
 * (the project's {@code indemnityHourlyRate}, corrections applied, up to the signed plan's cap) and recorded with what
 * it grew by since the previous accrual, so a pathway's accruals always add up to its payable indemnity.
 */
@Component
public class IndemnityAccruals {

  private final IndemnityAccrualRecords records;
  private final TrainingRecords trainingRecords;
  private final Training training;

  public IndemnityAccruals(IndemnityAccrualRecords records, TrainingRecords trainingRecords, Training training) {
    this.records = records;
    this.trainingRecords = trainingRecords;
    this.training = training;
  }

  /**
   * After a course's result: records the indemnity it accrued, once per course and attempt (a second call finds the
   * row). Empty when the course is no longer in the signed plan (an amendment removed it while it ran: no result).
   */
  @Transactional
  public Optional<Accrual> afterCourseResult(UUID pathwayId, String projectCode, String courseCode) {
    Optional<Result> result = latestResult(pathwayId, courseCode);
    if (result.isEmpty()) {
      return Optional.empty();
    }
    Optional<Accrual> recorded = records.find(pathwayId, courseCode, result.get().attempt());
    if (recorded.isPresent()) {
      return recorded;
    }
    BigDecimal cap = trainingRecords.signedPlan(pathwayId).map(v -> v.indemnityCap()).orElse(BigDecimal.ZERO);
    Indemnity now = training.indemnity(projectCode, training.register(pathwayId), cap);
    Accrual accrual = new Accrual(UUID.randomUUID(), pathwayId, projectCode, courseCode, result.get().attempt(),
        now.payable().subtract(records.total(pathwayId)), now.payable(), EngineClock.now());
    records.insert(accrual);
    return Optional.of(accrual);
  }

  /** The accrual of the course's latest result; empty before it is recorded, or when the course left the plan. */
  public Optional<Accrual> ofLatestResult(UUID pathwayId, String courseCode) {
    return latestResult(pathwayId, courseCode)
        .flatMap(result -> records.find(pathwayId, courseCode, result.attempt()));
  }

  public List<Accrual> ofPathway(UUID pathwayId) {
    return records.ofPathway(pathwayId);
  }

  private Optional<Result> latestResult(UUID pathwayId, String courseCode) {
    if (courseCode == null || training.course(pathwayId, courseCode).isEmpty()) {
      return Optional.empty();
    }
    return training.latestResult(pathwayId, courseCode);
  }
}
