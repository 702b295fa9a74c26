package org.erplab.pathways.pathway.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The pathway list and the search for staff, in one statement each (ADR 0027). Which pathways the caller sees is a
 * {@link Scope} applied in SQL: the whole projects it serves ({@code ix_pathway_project_status}), the open pathways
 * assigned to its organisation as an accredited operator ({@code ix_pathway_project_operator}), the pathways with an
 * open task in its organisation's part of a project (social services, ALER: the engine's tasks of that tenant,
 * {@code ix_act_ru_task_worklist}). The overdue count and the next due date come from the pathway's open deadlines
 * ({@code ix_deadline_pathway}).
 */
@Repository
public class PathwayListQueries {

  /** The largest page. */
  public static final int MAX_RESULTS = 200;

  private final JdbcClient jdbc;

  public PathwayListQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An organisation's part of a project. */
  public record Part(String projectCode, String organisationCode) {}

  /**
   * What a caller sees: every pathway of {@code wholeProjects}; the open pathways assigned to the organisation of each
   * of {@code operatorParts}; the pathways with an open task in one of {@code taskTenants}.
   */
  public record Scope(Set<String> wholeProjects, Set<Part> operatorParts, Set<String> taskTenants) {

    public boolean isEmpty() {
      return wholeProjects.isEmpty() && operatorParts.isEmpty() && taskTenants.isEmpty();
    }
  }

  /**
   * Narrowing of the list; null: any. {@code outcome}: the closed pathway's one outcome; {@code createdFrom}
   * (included) and {@code createdBefore} (excluded): when it was opened (the auditors' search, the audit exports'
   * period); {@code participantId}: the person's pseudonymous id.
   */
  public record Filter(String project, String stage, String status, Boolean overdue, String operator, String outcome,
      OffsetDateTime createdFrom, OffsetDateTime createdBefore, UUID participantId) {

    public Filter(String project, String stage, String status, Boolean overdue, String operator) {
      this(project, stage, status, overdue, operator, null, null, null, null);
    }

    public Filter(String project, String stage, String status, Boolean overdue, String operator, String outcome,
        OffsetDateTime createdFrom, OffsetDateTime createdBefore) {
      this(project, stage, status, overdue, operator, outcome, createdFrom, createdBefore, null);
    }
  }

  /** The orders a list may take. */
  public enum Sort {
    NEXT_DUE("next_due asc nulls last, p.created_at desc, p.id"),
    CREATED("p.created_at asc, p.id"),
    CREATED_DESC("p.created_at desc, p.id"),
    STAGE("p.stage asc, next_due asc nulls last, p.id");

    private final String sql;

    Sort(String sql) {
      this.sql = sql;
    }
  }

  /** A row of the list: pseudonymous. */
  public record Row(UUID id, String projectCode, String stage, String status, String outcome,
      String operatorOrganisation, OffsetDateTime createdAt, OffsetDateTime suspendedSince, OffsetDateTime closedAt,
      int overdueDeadlines, OffsetDateTime nextDue) {}

  /** A row found by a search: the list's row and the person it is for. */
  public record Found(Row pathway, UUID participantId, String fiscalCode, String firstName, String lastName) {}

  /** A person searched for: by fiscal code (exact), or by words each of which starts the first or the last name. */
  public record PersonQuery(String fiscalCode, List<String> nameWords) {}

  public List<Row> page(Scope scope, Filter filter, Sort sort, OffsetDateTime now, int firstResult, int maxResults) {
    if (scope.isEmpty()) {
      return List.of();
    }
    Statement statement = new Statement(now);
    String sql = select("") + " where " + statement.scope(scope) + statement.filter(filter)
        + " order by " + sort.sql + " limit :limit offset :offset";
    return statement.bind(jdbc.sql(sql)).param("limit", maxResults).param("offset", firstResult)
        .query((rs, i) -> row(rs)).list();
  }

  /** The pathways of the people searched for that the scope sees, newest first. */
  public List<Found> search(Scope scope, PersonQuery query, String project, OffsetDateTime now, int maxResults) {
    if (scope.isEmpty()) {
      return List.of();
    }
    Statement statement = new Statement(now);
    StringBuilder person = new StringBuilder();
    if (query.fiscalCode() != null) {
      person.append(" and pa.fiscal_code = :fiscalCode");
      statement.params.add(new Object[] {"fiscalCode", query.fiscalCode()});
    }
    for (int i = 0; i < query.nameWords().size(); i++) {
      person.append(nameStarts("word" + i));
      statement.params.add(new Object[] {"word" + i, likePrefix(query.nameWords().get(i))});
    }
    String sql = select(", pa.fiscal_code, pa.first_name, pa.last_name")
        + " join participant pa on pa.id = p.participant_id where " + statement.scope(scope)
        + statement.filter(new Filter(project, null, null, null, null)) + person
        + " order by p.created_at desc, p.id limit :limit";
    return statement.bind(jdbc.sql(sql)).param("limit", maxResults)
        .query((rs, i) -> new Found(row(rs), rs.getObject("participant_id", UUID.class), rs.getString("fiscal_code"),
            rs.getString("first_name"), rs.getString("last_name")))
        .list();
  }

  /** Records a search without the value searched for (ADR 0027). */
  public void recordSearch(String userId, OffsetDateTime at, String kind, String project, int results) {
    jdbc.sql("""
            insert into pathway_search (user_id, searched_at, search_kind, project_code, results)
            values (?, ?, ?, ?, ?)""")
        .params(userId, at, kind, project, results)
        .update();
  }

  private static String select(String more) {
    return """
        select p.id, p.participant_id, p.project_code, p.stage, p.status, p.outcome, p.operator_organisation,
               p.created_at, p.suspended_since, p.closed_at,
               case when p.status = 'ACTIVE' then (select count(*) from deadline d
                    where d.pathway_id = p.id and d.state = 'OPEN' and d.due_at < :now) else 0 end as overdue,
               (select min(d.due_at) from deadline d where d.pathway_id = p.id and d.state = 'OPEN') as next_due"""
        + more + " from pathway p";
  }

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(rs.getObject("id", UUID.class), rs.getString("project_code"), rs.getString("stage"),
        rs.getString("status"), rs.getString("outcome"), rs.getString("operator_organisation"),
        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("suspended_since", OffsetDateTime.class),
        rs.getObject("closed_at", OffsetDateTime.class), rs.getInt("overdue"),
        rs.getObject("next_due", OffsetDateTime.class));
  }

  /**
   * The condition "first or last name starts with the named parameter" (a {@link #likePrefix} pattern). On PostgreSQL
   * the prefix indexes on {@code lower(first_name)} and {@code lower(last_name)} answer it (db/vendor/postgresql V22).
   */
  static String nameStarts(String parameter) {
    return " and (lower(pa.first_name) like :" + parameter + " escape '\\'"
        + " or lower(pa.last_name) like :" + parameter + " escape '\\')";
  }

  /** A LIKE pattern for values starting with {@code word}, its wildcards escaped; lower case. */
  static String likePrefix(String word) {
    return word.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        + "%";
  }

  /** The conditions of one statement and their named parameters. */
  private static final class Statement {

    private final List<Object[]> params = new ArrayList<>();

    Statement(OffsetDateTime now) {
      params.add(new Object[] {"now", now});
    }

    String scope(Scope scope) {
      List<String> any = new ArrayList<>();
      if (!scope.wholeProjects().isEmpty()) {
        any.add("p.project_code in (:wholeProjects)");
        params.add(new Object[] {"wholeProjects", List.copyOf(scope.wholeProjects())});
      }
      int i = 0;
      for (Part part : scope.operatorParts()) {
        any.add("(p.project_code = :partProject" + i + " and p.operator_organisation = :partOrganisation" + i
            + " and p.status <> 'CLOSED')");
        params.add(new Object[] {"partProject" + i, part.projectCode()});
        params.add(new Object[] {"partOrganisation" + i, part.organisationCode()});
        i++;
      }
      if (!scope.taskTenants().isEmpty()) {
        any.add("""
            p.id in (select cast(e.BUSINESS_KEY_ as uuid) from ACT_RU_TASK t
              join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_ where t.TENANT_ID_ in (:taskTenants))""");
        params.add(new Object[] {"taskTenants", List.copyOf(scope.taskTenants())});
      }
      return "(" + String.join(" or ", any) + ")";
    }

    String filter(Filter filter) {
      StringBuilder sql = new StringBuilder();
      when(sql, filter.project(), "p.project_code = :project", "project");
      when(sql, filter.stage(), "p.stage = :stage", "stage");
      when(sql, filter.status(), "p.status = :status", "status");
      when(sql, filter.operator(), "p.operator_organisation = :operator", "operator");
      when(sql, filter.outcome(), "p.outcome = :outcome", "outcome");
      when(sql, filter.createdFrom(), "p.created_at >= :createdFrom", "createdFrom");
      when(sql, filter.createdBefore(), "p.created_at < :createdBefore", "createdBefore");
      when(sql, filter.participantId(), "p.participant_id = :participantId", "participantId");
      String late = "exists (select 1 from deadline d where d.pathway_id = p.id and d.state = 'OPEN'"
          + " and d.due_at < :now)";
      if (Boolean.TRUE.equals(filter.overdue())) {
        sql.append(" and p.status = 'ACTIVE' and ").append(late);
      } else if (Boolean.FALSE.equals(filter.overdue())) {
        sql.append(" and (p.status <> 'ACTIVE' or not ").append(late).append(")");
      }
      return sql.toString();
    }

    /** Adds {@code condition} with its parameter {@code name} when {@code value} is given. */
    private void when(StringBuilder sql, Object value, String condition, String name) {
      if (value != null) {
        sql.append(" and ").append(condition);
        params.add(new Object[] {name, value});
      }
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
      for (Object[] param : params) {
        spec = spec.param((String) param[0], param[1]);
      }
      return spec;
    }
  }
}
