package org.erplab.pathways.pathway.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.pathway.infrastructure.SelfEmploymentRecords;
import org.erplab.pathways.pathway.infrastructure.SelfEmploymentRecords.Accompaniment;
import org.erplab.pathways.pathway.infrastructure.SelfEmploymentRecords.CheckIn;
import org.erplab.pathways.project.domain.ProgrammeParameters;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accompaniment to self-employment (route SELF_EMPLOYMENT): it lasts the project's {@code selfEmploymentMonths}
 * from the day the operator starts it, with a check-in each month from that day (check-in n falls n months after it),
 * and ends with the outcome: the business started (on a date: the pathway is PLACED) or not.
 */
@Component
public class SelfEmployment {

  /** Stage of a pathway in the accompaniment. */
  public static final String STAGE = "SELF_EMPLOYMENT";
  /** Months of accompaniment, one check-in each (programme parameter, default 12). */
  public static final String MONTHS = "selfEmploymentMonths";

  private final SelfEmploymentRecords records;
  private final ProgrammeParameters parameters;

  public SelfEmployment(SelfEmploymentRecords records, ProgrammeParameters parameters) {
    this.records = records;
    this.parameters = parameters;
  }

  /** Starts the accompaniment today, for the project's {@code selfEmploymentMonths}. */
  @Transactional
  public Accompaniment start(UUID pathwayId, String projectCode, String operatorOrganisation, String businessSector,
      LocalDate plannedStart, String user) {
    int months = parameters.intValue(projectCode, MONTHS);
    LocalDate today = EngineClock.today();
    Accompaniment a = new Accompaniment(pathwayId, projectCode, operatorOrganisation, businessSector, plannedStart,
        today, months, today.plusMonths(months), user, null, null, null);
    records.insert(a);
    return a;
  }

  public Optional<Accompaniment> of(UUID pathwayId) {
    return records.find(pathwayId);
  }

  public List<CheckIn> checkIns(UUID pathwayId) {
    return records.checkIns(pathwayId);
  }

  /** The next check-in's number, or empty when every month has had its own. */
  public Optional<Integer> nextCheckIn(UUID pathwayId) {
    Accompaniment a = records.find(pathwayId).orElseThrow(() -> new IllegalStateException("No accompaniment"));
    int next = records.checkIns(pathwayId).size() + 1;
    return next > a.months() ? Optional.empty() : Optional.of(next);
  }

  /** The day check-in {@code number} falls on: that many months after the accompaniment's first day. */
  public LocalDate checkInDay(UUID pathwayId, int number) {
    return records.find(pathwayId).orElseThrow().startedOn().plusMonths(number);
  }

  /** Files check-in {@code number}: DONE with the progress found, or MISSED (its deadline passed). */
  @Transactional
  public void checkIn(UUID pathwayId, int number, String progress, String user) {
    records.insertCheckIn(new CheckIn(pathwayId, number, checkInDay(pathwayId, number),
        progress == null ? "MISSED" : "DONE", progress, user, EngineClock.now()));
  }

  /** Files the outcome: the business started on {@code businessStartDate}, or not (no date). */
  @Transactional
  public void outcome(UUID pathwayId, boolean businessStarted, LocalDate businessStartDate) {
    records.recordOutcome(pathwayId, businessStarted, businessStarted ? businessStartDate : null, EngineClock.today());
  }
}
