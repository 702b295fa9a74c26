package org.erplab.pathways.pathway.infrastructure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code attendance_entry} (the attendance register, rows only ever added) and {@code course_result} (a course's
 * result at its end), and the signed plan's courses they refer to.
 */
@Repository
public class TrainingRecords {

  private final JdbcClient jdbc;

  public TrainingRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The latest signed version of the pathway's plan. */
  public Optional<PlanRecords.Version> signedPlan(UUID pathwayId) {
    return jdbc.sql("""
            select * from plan_version where pathway_id = ? and status = 'SIGNED' order by version desc limit 1""")
        .param(pathwayId).query(PlanRecords.Version.class).optional();
  }

  /**
   * The courses of the current (latest signed) plan version, each with its last day: its end date or the later one a
   * retry set; by last day, then code. One query ({@code uq_plan_version}, {@code plan_course}'s key,
   * {@code ix_course_result_pathway}).
   */
  public List<CurrentCourse> currentCourses(UUID pathwayId) {
    return jdbc.sql("""
            select c.code, c.title, c.planned_hours, c.start_date, c.end_date,
              coalesce((select max(r.retry_until) from course_result r
                        where r.pathway_id = v.pathway_id and r.course_code = c.code), c.end_date) as last_day
            from plan_version v join plan_course c on c.plan_id = v.id
            where v.id = (select id from plan_version where pathway_id = ? and status = 'SIGNED'
                          order by version desc limit 1)
            order by last_day, c.code""")
        .param(pathwayId).query(CurrentCourse.class).list();
  }

  /**
   * Every line of the register, in the order recorded; a correction always after the line it corrects (lines recorded
   * at the same instant have no order of their own).
   */
  public List<Entry> entries(UUID pathwayId) {
    List<Entry> pending = new ArrayList<>(jdbc.sql(
            "select * from attendance_entry where pathway_id = ? order by recorded_at, corrects nulls first, attended_on, id")
        .param(pathwayId).query(Entry.class).list());
    List<Entry> ordered = new ArrayList<>(pending.size());
    Set<UUID> placed = new HashSet<>();
    while (!pending.isEmpty()) {
      Entry next = pending.stream().filter(e -> e.corrects() == null || placed.contains(e.corrects())).findFirst()
          .orElse(pending.get(0));
      pending.remove(next);
      ordered.add(next);
      placed.add(next.id());
    }
    return ordered;
  }

  public Optional<Entry> entry(UUID pathwayId, UUID entryId) {
    return jdbc.sql("select * from attendance_entry where pathway_id = ? and id = ?")
        .params(pathwayId, entryId).query(Entry.class).optional();
  }

  public boolean hasOriginal(UUID pathwayId, String courseCode, LocalDate day) {
    return jdbc.sql("""
            select count(*) from attendance_entry where pathway_id = ? and course_code = ? and attended_on = ?
            and corrects is null""")
        .params(pathwayId, courseCode, day).query(Integer.class).single() > 0;
  }

  public void insert(Entry e) {
    jdbc.sql("""
            insert into attendance_entry (id, pathway_id, project_code, course_code, attended_on, hours, corrects, reason,
            recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(e.id(), e.pathwayId(), e.projectCode(), e.courseCode(), e.attendedOn(), e.hours(), e.corrects(), e.reason(),
            e.recordedBy(), e.recordedAt())
        .update();
  }

  public List<Result> results(UUID pathwayId) {
    return jdbc.sql("select * from course_result where pathway_id = ? order by decided_at, course_code, attempt")
        .param(pathwayId).query(Result.class).list();
  }

  public void insertResult(Result r) {
    jdbc.sql("""
            insert into course_result (id, pathway_id, course_code, attempt, planned_hours, attended_hours,
            attendance_rate, completed, certificate_issued_on, next_step, retry_until, decided_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(r.id(), r.pathwayId(), r.courseCode(), r.attempt(), r.plannedHours(), r.attendedHours(),
            r.attendanceRate(), r.completed(), r.certificateIssuedOn(), r.nextStep(), r.retryUntil(), r.decidedAt())
        .update();
  }

  /** The operator's decision on a course not completed (its latest result). */
  public void decideNextStep(UUID resultId, String nextStep, LocalDate retryUntil) {
    jdbc.sql("update course_result set next_step = ?, retry_until = ? where id = ?")
        .params(nextStep, retryUntil, resultId).update();
  }

  /** A course of the current plan version; {@code lastDay} after any retry. */
  public record CurrentCourse(String code, String title, BigDecimal plannedHours, LocalDate startDate,
      LocalDate endDate, LocalDate lastDay) {}

  /** A line of the register; {@code corrects} and {@code reason} for a correction. */
  public record Entry(UUID id, UUID pathwayId, String projectCode, String courseCode, LocalDate attendedOn, BigDecimal hours,
      UUID corrects, String reason, String recordedBy, OffsetDateTime recordedAt) {}

  /** A course's result at one of its ends; {@code attendanceRate} in percent. */
  public record Result(UUID id, UUID pathwayId, String courseCode, int attempt, BigDecimal plannedHours,
      BigDecimal attendedHours, BigDecimal attendanceRate, boolean completed, LocalDate certificateIssuedOn,
      String nextStep, LocalDate retryUntil, OffsetDateTime decidedAt) {}
}
