package org.erplab.pathways.pathway.infrastructure;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code placement} (each hire recorded, verified and decided) and {@code follow_up}. */
@Repository
public class PlacementRecords {

  private final JdbcClient jdbc;

  public PlacementRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A new hire, attempt after the pathway's last one. */
  public Hire insert(UUID pathwayId, String projectCode, String employerName, String contractType, LocalDate startDate,
      LocalDate plannedEndDate, int weeklyHours, Integer plannedDurationDays, String recordedBy, OffsetDateTime at) {
    int attempt = jdbc.sql("select coalesce(max(attempt), 0) + 1 from placement where pathway_id = ?")
        .param(pathwayId).query(Integer.class).single();
    UUID id = UUID.randomUUID();
    jdbc.sql("""
            insert into placement (id, pathway_id, project_code, attempt, employer_name, contract_type, start_date,
              planned_end_date, weekly_hours, planned_duration_days, recorded_by, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, pathwayId, projectCode, attempt, employerName, contractType, startDate, plannedEndDate,
            weeklyHours, plannedDurationDays, recordedBy, at)
        .update();
    return latest(pathwayId).orElseThrow();
  }

  /** The pathway's last hire. */
  public Optional<Hire> latest(UUID pathwayId) {
    return jdbc.sql("select * from placement where pathway_id = ? order by attempt desc limit 1")
        .param(pathwayId).query(Hire.class).optional();
  }

  public List<Hire> ofPathway(UUID pathwayId) {
    return jdbc.sql("select * from placement where pathway_id = ? order by attempt")
        .param(pathwayId).query(Hire.class).list();
  }

  public void verify(UUID id, boolean confirmed, String by, OffsetDateTime at) {
    jdbc.sql("update placement set confirmed = ?, verified_by = ?, verified_at = ? where id = ?")
        .params(confirmed, by, at, id).update();
  }

  public void decide(UUID id, boolean counts, OffsetDateTime at) {
    jdbc.sql("update placement set counts = ?, decided_at = ? where id = ?").params(counts, at, id).update();
  }

  public void insertFollowUp(UUID pathwayId, UUID placementId, int month, LocalDate dueOn) {
    jdbc.sql("""
            insert into follow_up (id, pathway_id, placement_id, due_month, due_on, state)
            values (?, ?, ?, ?, ?, 'PENDING')""")
        .params(UUID.randomUUID(), pathwayId, placementId, month, dueOn).update();
  }

  public List<FollowUp> followUps(UUID pathwayId) {
    return jdbc.sql("select * from follow_up where pathway_id = ? order by due_on, due_month")
        .param(pathwayId).query(FollowUp.class).list();
  }

  /** The first follow-up still pending. */
  public Optional<FollowUp> nextFollowUp(UUID pathwayId) {
    return jdbc.sql("select * from follow_up where pathway_id = ? and state = 'PENDING' order by due_on limit 1")
        .param(pathwayId).query(FollowUp.class).optional();
  }

  /** Closes the pending follow-up of that month: ANSWERED with the answer, or MISSED (answer null). */
  public void closeFollowUp(UUID pathwayId, int month, String state, Boolean stillEmployed, LocalDate on, String by) {
    jdbc.sql("""
            update follow_up set state = ?, still_employed = ?, answered_on = ?, answered_by = ?
            where pathway_id = ? and due_month = ? and state = 'PENDING'""")
        .params(state, stillEmployed, on, by, pathwayId, month).update();
  }

  public record Hire(UUID id, UUID pathwayId, String projectCode, int attempt, String employerName,
      String contractType, LocalDate startDate, LocalDate plannedEndDate, int weeklyHours,
      Integer plannedDurationDays, String recordedBy, OffsetDateTime recordedAt, String verifiedBy,
      OffsetDateTime verifiedAt, Boolean confirmed, Boolean counts, OffsetDateTime decidedAt) {}

  public record FollowUp(UUID id, UUID pathwayId, UUID placementId, int dueMonth, LocalDate dueOn, String state,
      LocalDate answeredOn, String answeredBy, Boolean stillEmployed) {}
}
