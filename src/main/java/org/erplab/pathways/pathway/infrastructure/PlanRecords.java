package org.erplab.pathways.pathway.infrastructure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code plan_version}, {@code plan_service}, {@code plan_course}: the versions of a pathway's plan. */
@Repository
public class PlanRecords {

  private final JdbcClient jdbc;

  public PlanRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The latest version of the pathway's plan, locked for update. */
  public Optional<Version> latestForUpdate(UUID pathwayId) {
    return jdbc.sql("select * from plan_version where pathway_id = ? order by version desc limit 1 for update")
        .param(pathwayId).query(Version.class).optional();
  }

  /**
   * The current version: the latest signed one (an amendment becomes current when it is signed), or, before the first
   * signature, the latest one. One query on {@code uq_plan_version}.
   */
  public Optional<Version> current(UUID pathwayId) {
    return jdbc.sql("""
            select * from plan_version where pathway_id = ? order by (status = 'SIGNED') desc, version desc limit 1""")
        .param(pathwayId).query(Version.class).optional();
  }

  public Optional<Version> latest(UUID pathwayId) {
    return jdbc.sql("select * from plan_version where pathway_id = ? order by version desc limit 1")
        .param(pathwayId).query(Version.class).optional();
  }

  public List<Version> versions(UUID pathwayId) {
    return jdbc.sql("select * from plan_version where pathway_id = ? order by version")
        .param(pathwayId).query(Version.class).list();
  }

  public List<Service> services(UUID planId) {
    return jdbc.sql("select line, type, hours, cost from plan_service where plan_id = ? order by line")
        .param(planId).query(Service.class).list();
  }

  public List<Course> courses(UUID planId) {
    return jdbc.sql("""
            select line, code, title, planned_hours, start_date, end_date from plan_course where plan_id = ?
            order by line""")
        .param(planId).query(Course.class).list();
  }

  public void insert(Version v) {
    jdbc.sql("""
            insert into plan_version (id, pathway_id, project_code, version, status, internship_planned, indemnity_cap,
            services_total, created_by, created_at, submitted_at, amends) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(v.id(), v.pathwayId(), v.projectCode(), v.version(), v.status(), v.internshipPlanned(),
            v.indemnityCap(), v.servicesTotal(), v.createdBy(), v.createdAt(), v.submittedAt(), v.amends())
        .update();
  }

  /** Replaces a draft's content (its lines are written again by {@link #insertLines}). */
  public void replaceDraft(UUID planId, boolean internshipPlanned, BigDecimal indemnityCap, BigDecimal servicesTotal,
      String user, OffsetDateTime at) {
    jdbc.sql("""
            update plan_version set internship_planned = ?, indemnity_cap = ?, services_total = ?, created_by = ?,
            created_at = ? where id = ? and status = 'DRAFT'""")
        .params(internshipPlanned, indemnityCap, servicesTotal, user, at, planId).update();
    jdbc.sql("delete from plan_service where plan_id = ?").param(planId).update();
    jdbc.sql("delete from plan_course where plan_id = ?").param(planId).update();
  }

  public void insertLines(UUID planId, List<Service> services, List<Course> courses) {
    for (Service s : services) {
      jdbc.sql("insert into plan_service (plan_id, line, type, hours, cost) values (?, ?, ?, ?, ?)")
          .params(planId, s.line(), s.type(), s.hours(), s.cost()).update();
    }
    for (Course c : courses) {
      jdbc.sql("""
              insert into plan_course (plan_id, line, code, title, planned_hours, start_date, end_date)
              values (?, ?, ?, ?, ?, ?, ?)""")
          .params(planId, c.line(), c.code(), c.title(), c.plannedHours(), c.startDate(), c.endDate()).update();
    }
  }

  /** DRAFT to SUBMITTED; false when the pathway has no draft. */
  public boolean submit(UUID pathwayId, OffsetDateTime at) {
    return jdbc.sql("update plan_version set status = 'SUBMITTED', submitted_at = ? where pathway_id = ? and status = 'DRAFT'")
        .params(at, pathwayId).update() > 0;
  }

  /** SUBMITTED to APPROVED or REJECTED. */
  public void decide(UUID pathwayId, boolean approved, String user, OffsetDateTime at, LocalDate today) {
    jdbc.sql("""
            update plan_version set status = ?, decided_by = ?, decided_at = ?, approved_on = ?
            where pathway_id = ? and status = 'SUBMITTED'""")
        .params(approved ? "APPROVED" : "REJECTED", user, at, approved ? today : null, pathwayId).update();
  }

  /** APPROVED to SIGNED. */
  public void sign(UUID pathwayId, LocalDate signedOn) {
    jdbc.sql("update plan_version set status = 'SIGNED', signed_on = ? where pathway_id = ? and status = 'APPROVED'")
        .params(signedOn, pathwayId).update();
  }

  /** An approved amendment not signed in time: APPROVED to LAPSED. */
  public void lapse(UUID pathwayId) {
    jdbc.sql("update plan_version set status = 'LAPSED' where pathway_id = ? and status = 'APPROVED' and amends is not null")
        .param(pathwayId).update();
  }

  /** True while an amendment is under way (written, not yet signed, rejected or lapsed). */
  public boolean amendmentPending(UUID pathwayId) {
    return jdbc.sql("""
            select count(*) from plan_version where pathway_id = ? and amends is not null
            and status in ('DRAFT', 'SUBMITTED', 'APPROVED')""")
        .param(pathwayId).query(Integer.class).single() > 0;
  }

  /** The pathway closed: an amendment under way is CANCELLED; the number cancelled. */
  public int cancelPendingAmendments(UUID pathwayId) {
    return jdbc.sql("""
            update plan_version set status = 'CANCELLED' where pathway_id = ? and amends is not null
            and status in ('DRAFT', 'SUBMITTED', 'APPROVED')""")
        .param(pathwayId).update();
  }

  public boolean hasDraft(UUID pathwayId) {
    return jdbc.sql("select count(*) from plan_version where pathway_id = ? and status = 'DRAFT'")
        .param(pathwayId).query(Integer.class).single() > 0;
  }

  /** The day the pathway's current plan was approved, if it is approved. */
  public Optional<LocalDate> approvedOn(UUID pathwayId) {
    return jdbc.sql("select approved_on from plan_version where pathway_id = ? and status = 'APPROVED'")
        .param(pathwayId).query(LocalDate.class).optional();
  }

  /** True while the pathway's Task_DraftPlan is open. */
  public boolean draftingOpen(UUID pathwayId, String taskKey) {
    return jdbc.sql("""
            select count(*) from ACT_RU_TASK t join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_
            where e.BUSINESS_KEY_ = ? and t.TASK_DEF_KEY_ = ?""")
        .params(pathwayId.toString(), taskKey).query(Integer.class).single() > 0;
  }

  /** One version of a plan; amounts in euro; {@code amends}: the signed version an amendment amends, else null. */
  public record Version(UUID id, UUID pathwayId, String projectCode, int version, String status,
      boolean internshipPlanned, BigDecimal indemnityCap, BigDecimal servicesTotal, String createdBy,
      OffsetDateTime createdAt, OffsetDateTime submittedAt, String decidedBy, OffsetDateTime decidedAt,
      LocalDate approvedOn, LocalDate signedOn, Integer amends) {}

  public record Service(int line, String type, BigDecimal hours, BigDecimal cost) {}

  public record Course(int line, String code, String title, BigDecimal plannedHours, LocalDate startDate,
      LocalDate endDate) {}
}
