package org.erplab.pathways.pathway.infrastructure;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code self_employment} (the accompaniment and its outcome) and {@code self_employment_check_in}. */
@Repository
public class SelfEmploymentRecords {

  private final JdbcClient jdbc;

  public SelfEmploymentRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Accompaniment a) {
    jdbc.sql("""
            insert into self_employment (pathway_id, project_code, operator_organisation, business_sector, planned_start,
            started_on, months, ends_on, started_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(a.pathwayId(), a.projectCode(), a.operatorOrganisation(), a.businessSector(), a.plannedStart(),
            a.startedOn(), a.months(), a.endsOn(), a.startedBy())
        .update();
  }

  public Optional<Accompaniment> find(UUID pathwayId) {
    return jdbc.sql("select * from self_employment where pathway_id = ?").param(pathwayId)
        .query(Accompaniment.class).optional();
  }

  public void recordOutcome(UUID pathwayId, boolean businessStarted, LocalDate businessStartDate, LocalDate on) {
    jdbc.sql("""
            update self_employment set business_started = ?, business_start_date = ?, outcome_recorded_on = ?
            where pathway_id = ?""")
        .params(businessStarted, businessStartDate, on, pathwayId).update();
  }

  public void insertCheckIn(CheckIn c) {
    jdbc.sql("""
            insert into self_employment_check_in (pathway_id, month_number, scheduled_on, status, progress, recorded_by,
            recorded_at) values (?, ?, ?, ?, ?, ?, ?)""")
        .params(c.pathwayId(), c.monthNumber(), c.scheduledOn(), c.status(), c.progress(), c.recordedBy(),
            c.recordedAt())
        .update();
  }

  public List<CheckIn> checkIns(UUID pathwayId) {
    return jdbc.sql("select * from self_employment_check_in where pathway_id = ? order by month_number")
        .param(pathwayId).query(CheckIn.class).list();
  }

  /** An accompaniment: {@code businessStarted} and {@code businessStartDate} once its outcome is recorded. */
  public record Accompaniment(UUID pathwayId, String projectCode, String operatorOrganisation, String businessSector,
      LocalDate plannedStart, LocalDate startedOn, int months, LocalDate endsOn, String startedBy,
      Boolean businessStarted, LocalDate businessStartDate, LocalDate outcomeRecordedOn) {}

  /** A monthly check-in: DONE with the progress found, or MISSED. */
  public record CheckIn(UUID pathwayId, int monthNumber, LocalDate scheduledOn, String status, String progress,
      String recordedBy, OffsetDateTime recordedAt) {}
}
