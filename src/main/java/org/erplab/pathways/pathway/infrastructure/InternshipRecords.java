package org.erplab.pathways.pathway.infrastructure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code internship} (the agreement, its cap and how it ended), {@code internship_extension} (extension requests
 * and the CPI's decisions) and {@code internship_attendance} (monthly attendance and the indemnity due).
 */
@Repository
public class InternshipRecords {

  private final JdbcClient jdbc;

  public InternshipRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Agreement> find(UUID pathwayId) {
    return jdbc.sql("select * from internship where pathway_id = ?").param(pathwayId).query(Agreement.class).optional();
  }

  /** The stage starts: its cap on record, the agreement to write (a stage started again keeps nothing of before). */
  public void start(UUID pathwayId, String projectCode, int maxMonths, int minMonths, OffsetDateTime at) {
    jdbc.sql("delete from internship where pathway_id = ?").param(pathwayId).update();
    jdbc.sql("""
            insert into internship (pathway_id, project_code, max_months, min_months, state, started_at)
            values (?, ?, ?, ?, 'AGREEMENT', ?)""")
        .params(pathwayId, projectCode, maxMonths, minMonths, at).update();
  }

  public void writeAgreement(UUID pathwayId, String host, String promoter, String tutor, LocalDate startDate,
      int plannedMonths, BigDecimal weeklyHours, LocalDate plannedEndDate, String user, OffsetDateTime at) {
    jdbc.sql("""
            update internship set host = ?, promoter = ?, tutor = ?, start_date = ?, planned_months = ?, weekly_hours = ?,
            planned_end_date = ?, end_date = ?, written_by = ?, written_at = ? where pathway_id = ?""")
        .params(host, promoter, tutor, startDate, plannedMonths, weeklyHours, plannedEndDate, plannedEndDate, user, at,
            pathwayId)
        .update();
  }

  public void markRunning(UUID pathwayId, OffsetDateTime at) {
    jdbc.sql("update internship set state = 'RUNNING', agreed_at = ? where pathway_id = ?").params(at, pathwayId).update();
  }

  public void moveEnd(UUID pathwayId, LocalDate endDate) {
    jdbc.sql("update internship set end_date = ? where pathway_id = ?").params(endDate, pathwayId).update();
  }

  public void recordTermination(UUID pathwayId, String reason, LocalDate date) {
    jdbc.sql("update internship set termination_reason = ?, termination_date = ? where pathway_id = ?")
        .params(reason, date, pathwayId).update();
  }

  /** The stage ended: COMPLETED or TERMINATED, on its last day. */
  public void end(UUID pathwayId, String state, LocalDate endDate, OffsetDateTime at) {
    jdbc.sql("update internship set state = ?, end_date = ?, ended_at = ? where pathway_id = ?")
        .params(state, endDate, at, pathwayId).update();
  }

  // ---- extensions

  public void insertExtension(Extension e) {
    jdbc.sql("""
            insert into internship_extension (id, pathway_id, months, reason, requested_by, requested_at)
            values (?, ?, ?, ?, ?, ?)""")
        .params(e.id(), e.pathwayId(), e.months(), e.reason(), e.requestedBy(), e.requestedAt()).update();
  }

  public Optional<Extension> pendingExtension(UUID pathwayId) {
    return jdbc.sql("select * from internship_extension where pathway_id = ? and decision is null")
        .param(pathwayId).query(Extension.class).optional();
  }

  public List<Extension> extensions(UUID pathwayId) {
    return jdbc.sql("select * from internship_extension where pathway_id = ? order by requested_at, id")
        .param(pathwayId).query(Extension.class).list();
  }

  public void decideExtension(UUID id, String decision, String user, OffsetDateTime at, LocalDate endBefore,
      LocalDate endAfter) {
    jdbc.sql("""
            update internship_extension set decision = ?, decided_by = ?, decided_at = ?, end_before = ?, end_after = ?
            where id = ? and decision is null""")
        .params(decision, user, at, endBefore, endAfter, id).update();
  }

  // ---- monthly attendance

  /** False when the month was recorded already (the pathway is locked by the caller). */
  public boolean insertAttendance(Attendance a) {
    if (jdbc.sql("select count(*) from internship_attendance where pathway_id = ? and attendance_month = ?")
        .params(a.pathwayId(), a.attendanceMonth()).query(Integer.class).single() > 0) {
      return false;
    }
    jdbc.sql("""
            insert into internship_attendance (pathway_id, project_code, attendance_month, planned_hours, attended_hours,
            attendance_rate, indemnity_due, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(a.pathwayId(), a.projectCode(), a.attendanceMonth(), a.plannedHours(), a.attendedHours(),
            a.attendanceRate(), a.indemnityDue(), a.recordedBy(), a.recordedAt())
        .update();
    return true;
  }

  public List<Attendance> attendance(UUID pathwayId) {
    return jdbc.sql("select * from internship_attendance where pathway_id = ? order by attendance_month")
        .param(pathwayId).query(Attendance.class).list();
  }

  /** A row of {@code internship}. */
  public record Agreement(UUID pathwayId, String projectCode, int maxMonths, int minMonths, String host,
      String promoter, String tutor, LocalDate startDate, Integer plannedMonths, BigDecimal weeklyHours,
      LocalDate plannedEndDate, LocalDate endDate, String state, String terminationReason, LocalDate terminationDate,
      OffsetDateTime startedAt, String writtenBy, OffsetDateTime writtenAt, OffsetDateTime agreedAt,
      OffsetDateTime endedAt) {

    public boolean written() {
      return startDate != null && plannedMonths != null;
    }
  }

  /** A row of {@code internship_extension}. */
  public record Extension(UUID id, UUID pathwayId, int months, String reason, String requestedBy,
      OffsetDateTime requestedAt, String decision, String decidedBy, OffsetDateTime decidedAt, LocalDate endBefore,
      LocalDate endAfter) {}

  /** A row of {@code internship_attendance}. */
  public record Attendance(UUID pathwayId, String projectCode, LocalDate attendanceMonth, BigDecimal plannedHours,
      BigDecimal attendedHours, BigDecimal attendanceRate, BigDecimal indemnityDue, String recordedBy,
      OffsetDateTime recordedAt) {}
}
