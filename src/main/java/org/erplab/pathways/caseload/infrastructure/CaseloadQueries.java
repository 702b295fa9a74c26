package org.erplab.pathways.caseload.infrastructure;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The caseload of a project's organisations, in SQL (ADR 0027): a handful of grouped statements, each reading the
 * project's part of one table through an index ({@code ix_pathway_project_operator}, {@code ix_act_ru_task_worklist},
 * {@code ix_attendance_project_day}, {@code ix_internship_attendance_month}), whatever the number of organisations
 * asked for. Accredited operators, social services and ALER work in their own part of the project (a tenant of their
 * own); the lab and the CPI work in the project's tenant, on the tasks offered to their role.
 */
@Repository
public class CaseloadQueries {

  private final JdbcClient jdbc;

  public CaseloadQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A count for an organisation (and a stage, or a user, where the statement groups by one). */
  public record Count(String organisation, String key, long count) {}

  /** Hours for an organisation and the user who recorded them. */
  public record Hours(String organisation, String userId, BigDecimal hours) {}

  /** A user in an organisation. */
  public record Member(String organisation, String userId) {}

  /** Open tasks of an organisation's part, by assignee (null: not claimed). */
  public record Tasks(String tenant, String assignee, long open, long overdue, long dueSoon) {}

  /** Open pathways (active or suspended) assigned to each organisation, by stage. */
  public List<Count> openByStage(String project, Collection<String> organisations) {
    return jdbc.sql("""
            select p.operator_organisation, p.stage, count(*) from pathway p
            where p.project_code = :project and p.operator_organisation in (:organisations) and p.status <> 'CLOSED'
            group by p.operator_organisation, p.stage""")
        .param("project", project)
        .param("organisations", organisations)
        .query((rs, i) -> new Count(rs.getString(1), rs.getString(2), rs.getLong(3)))
        .list();
  }

  /**
   * The open tasks of the given tenants by assignee: all, overdue (due before {@code now}, not suspended), due from
   * {@code now} to {@code horizon} (not suspended).
   */
  public List<Tasks> tasks(Collection<String> tenants, OffsetDateTime now, OffsetDateTime horizon) {
    return jdbc.sql("""
            select t.TENANT_ID_, t.ASSIGNEE_, count(*),
                   sum(case when t.DUE_DATE_ < :now and t.SUSPENSION_STATE_ = 1 then 1 else 0 end),
                   sum(case when t.DUE_DATE_ >= :now and t.DUE_DATE_ <= :horizon and t.SUSPENSION_STATE_ = 1
                            then 1 else 0 end)
            from ACT_RU_TASK t where t.TENANT_ID_ in (:tenants)
            group by t.TENANT_ID_, t.ASSIGNEE_""")
        .param("tenants", tenants)
        .param("now", Timestamp.from(now.toInstant()))
        .param("horizon", Timestamp.from(horizon.toInstant()))
        .query((rs, i) -> new Tasks(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
        .list();
  }

  /**
   * As {@link #tasks}, for the tasks of the project's own tenant offered to a role ({@code lab}, {@code cpi}); claimed
   * ones included (a claim keeps the task's candidate groups). {@link Tasks#tenant} is the role.
   */
  public List<Tasks> roleTasks(String project, String role, OffsetDateTime now, OffsetDateTime horizon) {
    return jdbc.sql("""
            select t.ASSIGNEE_, count(*),
                   sum(case when t.DUE_DATE_ < :now and t.SUSPENSION_STATE_ = 1 then 1 else 0 end),
                   sum(case when t.DUE_DATE_ >= :now and t.DUE_DATE_ <= :horizon and t.SUSPENSION_STATE_ = 1
                            then 1 else 0 end)
            from ACT_RU_TASK t where t.TENANT_ID_ = :project
              and exists (select 1 from ACT_RU_IDENTITYLINK l
                          where l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate' and l.GROUP_ID_ = :role)
            group by t.ASSIGNEE_""")
        .param("project", project)
        .param("role", role)
        .param("now", Timestamp.from(now.toInstant()))
        .param("horizon", Timestamp.from(horizon.toInstant()))
        .query((rs, i) -> new Tasks(role, rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
        .list();
  }

  /**
   * Open pathways of the project (active or suspended) with an open task in the given tenant, offered to the given
   * role ({@code null}: any), by stage. Every instance of a pathway carries its id as business key.
   */
  public List<Count> pathwaysWithTasks(String project, String tenant, String role) {
    return jdbc.sql("""
            select p.stage, count(*) from pathway p
            where p.project_code = :project and p.status <> 'CLOSED'
              and cast(p.id as varchar(36)) in (
                select e.BUSINESS_KEY_ from ACT_RU_TASK t join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_
                where t.TENANT_ID_ = :tenant
                  and (cast(:role as varchar(64)) is null or exists (select 1 from ACT_RU_IDENTITYLINK l
                       where l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate' and l.GROUP_ID_ = :role)))
            group by p.stage""")
        .param("project", project)
        .param("tenant", tenant)
        .param("role", role)
        .query((rs, i) -> new Count(null, rs.getString(1), rs.getLong(2)))
        .list();
  }

  /**
   * Hours delivered from {@code from} (included) to {@code until} (excluded) on the pathways assigned to each
   * organisation, by the user who recorded them: the training register's lines no later line corrects, and the
   * internship's monthly attendance of the months starting in the period.
   */
  public List<Hours> hours(String project, Collection<String> organisations, LocalDate from, LocalDate until) {
    return jdbc.sql("""
            select organisation, recorded_by, sum(hours) from (
              select p.operator_organisation as organisation, a.recorded_by, a.hours
              from attendance_entry a join pathway p on p.id = a.pathway_id
              where a.project_code = :project and a.attended_on >= :from and a.attended_on < :until
                and p.operator_organisation in (:organisations)
                and not exists (select 1 from attendance_entry c where c.corrects = a.id)
              union all
              select p.operator_organisation, i.recorded_by, i.attended_hours
              from internship_attendance i join pathway p on p.id = i.pathway_id
              where i.project_code = :project and i.attendance_month >= :from and i.attendance_month < :until
                and p.operator_organisation in (:organisations)
            ) h group by organisation, recorded_by""")
        .param("project", project)
        .param("organisations", organisations)
        .param("from", from)
        .param("until", until)
        .query((rs, i) -> new Hours(rs.getString(1), rs.getString(2), rs.getBigDecimal(3)))
        .list();
  }

  /**
   * Active pathways assigned to each organisation with no activity since {@code since}: created before it, and no
   * stage entered, pathway event, task completed (engine history, by the pathway's root instance) nor attendance
   * recorded since then. Suspended pathways are not counted: they wait by design.
   */
  public List<Count> idle(String project, Collection<String> organisations, OffsetDateTime since) {
    return jdbc.sql("""
            select p.operator_organisation, count(*) from pathway p
            where p.project_code = :project and p.operator_organisation in (:organisations) and p.status = 'ACTIVE'
              and p.created_at < :since
              and not exists (select 1 from pathway_stage s where s.pathway_id = p.id and s.entered_at >= :since)
              and not exists (select 1 from pathway_event e where e.pathway_id = p.id and e.at >= :since)
              and not exists (select 1 from attendance_entry a where a.pathway_id = p.id and a.recorded_at >= :since)
              and not exists (select 1 from internship_attendance i
                              where i.pathway_id = p.id and i.recorded_at >= :since)
              and not exists (select 1 from ACT_HI_TASKINST h where h.ROOT_PROC_INST_ID_ = p.process_instance_id
                              and h.END_TIME_ >= :sinceTimestamp and h.DELETE_REASON_ = 'completed')
            group by p.operator_organisation""")
        .param("project", project)
        .param("organisations", organisations)
        .param("since", since)
        .param("sinceTimestamp", Timestamp.from(since.toInstant()))
        .query((rs, i) -> new Count(rs.getString(1), null, rs.getLong(2)))
        .list();
  }

  /**
   * The members of each organisation (Camunda group memberships) who work in the project (members of its tenant or of
   * one of its parts, {@code PROJECT.ORGANISATION}, directly or through their organisation's group): an organisation
   * serving several projects (the CPI, ALER) lists here only its staff of this one.
   */
  public List<Member> members(String project, Collection<String> organisations) {
    return jdbc.sql("""
            select m.GROUP_ID_, m.USER_ID_ from ACT_ID_MEMBERSHIP m where m.GROUP_ID_ in (:organisations)
              and (exists (select 1 from ACT_ID_TENANT_MEMBER tm
                           where (tm.TENANT_ID_ = :project or tm.TENANT_ID_ like :parts escape '!')
                             and tm.USER_ID_ = m.USER_ID_)
                   or exists (select 1 from ACT_ID_TENANT_MEMBER tm
                              where tm.TENANT_ID_ like :parts escape '!' and tm.GROUP_ID_ = m.GROUP_ID_))
            order by m.GROUP_ID_, m.USER_ID_""")
        .param("project", project)
        .param("parts", project.replace("!", "!!").replace("_", "!_").replace("%", "!%") + ".%")
        .param("organisations", organisations)
        .query((rs, i) -> new Member(rs.getString(1), rs.getString(2)))
        .list();
  }
}
