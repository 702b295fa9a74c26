package org.erplab.pathways.reporting.infrastructure;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The funnel's counts in SQL over our own tables (never the engine's history): every query selects the project's
 * pathways registered in the period through {@code ix_pathway_project_created} and reaches their facts through the
 * pathway id indexes of each table (ADR 0023).
 */
@Repository
public class FunnelQueries {

  private final JdbcClient jdbc;

  public FunnelQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The pathways of a project registered from {@code from} (included) to {@code until} (excluded); null: unbounded. */
  public record Cohort(String projectCode, OffsetDateTime from, OffsetDateTime until) {

    String where() {
      return "p.project_code = ?" + (from == null ? "" : " and p.created_at >= ?")
          + (until == null ? "" : " and p.created_at < ?");
    }

    List<Object> params() {
      List<Object> params = new ArrayList<>();
      params.add(projectCode);
      if (from != null) {
        params.add(from);
      }
      if (until != null) {
        params.add(until);
      }
      return params;
    }
  }

  public Map<String, Long> registrationsByChannel(Cohort c) {
    return counts("select p.channel, count(*) from pathway p where " + c.where() + " group by p.channel", c);
  }

  /** The pathways that entered stage {@code stage} (table {@code pathway_stage}). */
  public long entered(Cohort c, String stage) {
    List<Object> params = new ArrayList<>(c.params());
    params.add(stage);
    return count("select count(*) from pathway p where " + c.where()
        + " and exists (select 1 from pathway_stage s where s.pathway_id = p.id and s.stage = ?)", params);
  }

  /**
   * Where the latest screening of each pathway stands: ELIGIBLE, INELIGIBLE, TO_VERIFY (open, not concluded) or
   * UNCONCLUDED_CLOSED (closed while verifying: withdrawn, interrupted).
   */
  public Map<String, Long> screeningStates(Cohort c) {
    return counts("""
        select case when s.outcome is not null then s.outcome
                    when p.status = 'CLOSED' then 'UNCONCLUDED_CLOSED' else 'TO_VERIFY' end, count(*)
        from pathway p join eligibility_screening s on s.pathway_id = p.id
        where %s and not exists (select 1 from eligibility_screening later
                                 where later.pathway_id = p.id and later.screened_at > s.screened_at)
        group by 1""".formatted(c.where()), c);
  }

  /** Per reason, the pathways whose latest screening concluded INELIGIBLE for it. */
  public Map<String, Long> ineligibleReasons(Cohort c) {
    return reasons(c, "s.outcome = 'INELIGIBLE'", "INELIGIBLE");
  }

  /** Per item, the open pathways whose latest screening still waits for the CPI's verification of it. */
  public Map<String, Long> itemsToVerify(Cohort c) {
    return reasons(c, "s.outcome is null and p.status <> 'CLOSED'", "TO_VERIFY");
  }

  private Map<String, Long> reasons(Cohort c, String state, String kind) {
    List<Object> params = new ArrayList<>(c.params());
    params.add(kind);
    return counts("""
        select r.reason, count(distinct p.id)
        from pathway p join eligibility_screening s on s.pathway_id = p.id
        join eligibility_reason r on r.screening_id = s.id
        where %s and %s and r.kind = ?
          and not exists (select 1 from eligibility_screening later
                          where later.pathway_id = p.id and later.screened_at > s.screened_at)
        group by r.reason""".formatted(c.where(), state), params);
  }

  public long assessed(Cohort c) {
    return exists(c, "select 1 from skills_assessment a where a.pathway_id = p.id");
  }

  public Map<String, Long> assessedByRoute(Cohort c) {
    return counts("""
        select a.route, count(distinct p.id) from pathway p join skills_assessment a on a.pathway_id = p.id
        where %s group by a.route""".formatted(c.where()), c);
  }

  public long planSigned(Cohort c) {
    return exists(c, "select 1 from plan_version v where v.pathway_id = p.id and v.status = 'SIGNED'");
  }

  public long trainingStarted(Cohort c) {
    return exists(c, "select 1 from attendance_entry e where e.pathway_id = p.id and e.hours > 0");
  }

  /** Every course of the latest signed version of the plan (at least one) has a completed result. */
  public long trainingCompleted(Cohort c) {
    return exists(c, """
        select 1 from plan_version v
        where v.pathway_id = p.id and v.status = 'SIGNED'
          and v.version = (select max(v2.version) from plan_version v2 where v2.pathway_id = p.id and v2.status = 'SIGNED')
          and exists (select 1 from plan_course pc where pc.plan_id = v.id)
          and not exists (select 1 from plan_course pc where pc.plan_id = v.id
                          and not exists (select 1 from course_result r where r.pathway_id = p.id
                                          and r.course_code = pc.code and r.completed = true))""");
  }

  /** Per stage of {@code stages}, the pathways that entered it; and under the key {@code any}, those that entered one. */
  public Map<String, Long> reached(Cohort c, List<String> stages, String any) {
    List<Object> params = new ArrayList<>(c.params());
    params.addAll(stages);
    String in = String.join(", ", stages.stream().map(s -> "?").toList());
    Map<String, Long> reached = new TreeMap<>(counts("""
        select s.stage, count(*) from pathway p join pathway_stage s on s.pathway_id = p.id
        where %s and s.stage in (%s) group by s.stage""".formatted(c.where(), in), params));
    reached.put(any, count("""
        select count(*) from pathway p where %s
        and exists (select 1 from pathway_stage s where s.pathway_id = p.id and s.stage in (%s))"""
        .formatted(c.where(), in), params));
    return reached;
  }

  public Map<String, Long> closedByOutcome(Cohort c) {
    return counts("select p.outcome, count(*) from pathway p where " + c.where()
        + " and p.status = 'CLOSED' group by p.outcome", c);
  }

  /** The pathways by a column of {@code pathway_profile} (gender, age_band, citizenship_area: never a caller's text). */
  public Map<String, Long> byProfile(Cohort c, String column) {
    if (!java.util.Set.of("gender", "age_band", "citizenship_area").contains(column)) {
      throw new IllegalArgumentException("No such profile column: " + column);
    }
    return counts("""
        select coalesce(f.%s, 'UNKNOWN'), count(*) from pathway p join pathway_profile f on f.pathway_id = p.id
        where %s group by f.%s""".formatted(column, c.where(), column), c);
  }

  public Map<String, Long> missedDeadlinesByKind(Cohort c) {
    return counts("""
        select d.kind, count(*) from pathway p join deadline d on d.pathway_id = p.id
        where %s and d.state = 'MISSED' group by d.kind""".formatted(c.where()), c);
  }

  private long exists(Cohort c, String subquery) {
    return count("select count(*) from pathway p where " + c.where() + " and exists (" + subquery + ")", c);
  }

  private long count(String sql, Cohort c) {
    return count(sql, c.params());
  }

  private long count(String sql, List<Object> params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  private Map<String, Long> counts(String sql, Cohort c) {
    return counts(sql, c.params());
  }

  private Map<String, Long> counts(String sql, List<Object> params) {
    Map<String, Long> counts = new TreeMap<>();
    jdbc.sql(sql).params(params).query((RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getLong(2)));
    return counts;
  }
}
