package org.erplab.pathways.reporting.infrastructure;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The monitoring committee's indicators in SQL over our own pseudonymous tables (issue 10, ADR 0040), never the
 * registry nor the engine's history. Every query starts from the <b>people of the period</b>: one row per person who
 * had a pathway open in the period (registered before its end, not closed before its start) or a lab visit in it. A
 * registry participant is one person however many pathways and visits; an anonymous visitor, whom nothing
 * recognises, is one person per visit. Each person's facts come from their latest pathway of the period, else their
 * latest visit; their flags say whether they had a lab visit ({@code lab}), a pathway ({@code in_pathway}) and a
 * pathway with a signed plan ({@code planned}).
 */
@Repository
public class IndicatorQueries {

  /** The columns a distribution may group by (never a caller's text). */
  public static final Set<String> DIMENSIONS = Set.of("gender", "age_band", "citizenship_area", "education",
      "employment_status", "disadvantage_status");

  private static final String PEOPLE = """
      with facts as (
        select cast(p.participant_id as varchar(36)) as person, p.id as pathway_id, p.created_at as at,
               1 as in_pathway,
               case when exists (select 1 from plan_version v where v.pathway_id = p.id and v.signed_on is not null)
                    then 1 else 0 end as planned,
               0 as lab,
               f.gender as gender, f.age_years as age,
               case when f.age_years is null then null when f.age_years < 18 then 'UNDER_18'
                    when f.age_years <= 35 then '18_35' when f.age_years <= 54 then '36_54'
                    when f.age_years <= 64 then '55_64' else '65_PLUS' end as age_band,
               f.citizenship_area as citizenship_area, f.education as education,
               f.employment_status as employment_status
        from pathway p left join pathway_profile f on f.pathway_id = p.id
        where p.project_code in (:projects) and p.created_at < :until and (p.closed_at is null or p.closed_at >= :since)
        union all
        select coalesce(cast(v.participant_id as varchar(36)), 'visit:' || cast(v.id as varchar(36))), null,
               cast(v.visited_on as timestamp with time zone), 0, 0, 1, v.gender, v.age, v.age_band,
               v.citizenship_area, null, null
        from lab_visit v
        where v.project_code in (:projects) and v.visited_on >= :fromDay and v.visited_on <= :toDay
      ),
      ranked as (
        select person, pathway_id, gender, age, age_band, citizenship_area, education, employment_status,
               max(in_pathway) over (partition by person) as in_pathway,
               max(planned) over (partition by person) as planned,
               max(lab) over (partition by person) as lab,
               row_number() over (partition by person order by in_pathway desc, at desc) as rn
        from facts
      ),
      people as (
        select person, pathway_id, gender, age, age_band, citizenship_area, education, employment_status,
               in_pathway, planned, lab,
               case when pathway_id is null then null
                    when exists (select 1 from pathway_disadvantage d where d.pathway_id = ranked.pathway_id
                                 and d.code <> 'NONE') then 'VULNERABLE'
                    when exists (select 1 from pathway_disadvantage d where d.pathway_id = ranked.pathway_id)
                    then 'NONE' else null end as disadvantage_status
        from ranked where rn = 1
      )
      """;

  private final JdbcClient jdbc;

  public IndicatorQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Projects (one, or several counted together) and a period: days {@code from} to {@code to}, both included;
   * {@code since}/{@code until} their instants. A participant belongs to one project, so people add up across them.
   */
  public record Period(Set<String> projectCodes, LocalDate from, LocalDate to, OffsetDateTime since,
      OffsetDateTime until) {}

  /** Counts of a group: all people, of whom with a lab visit, with a signed plan, with both. */
  public record Counts(long all, long lab, long plan, long both) {}

  /** The people of the period, and how many of them had a lab visit, a signed plan, both. */
  public Counts people(Period p) {
    return statement(PEOPLE + """
            select count(*), coalesce(sum(lab), 0), coalesce(sum(planned), 0),
                   coalesce(sum(case when lab = 1 and planned = 1 then 1 else 0 end), 0)
            from people""", p)
        .query((rs, i) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
        .single();
  }

  /** The people by a dimension ({@link #DIMENSIONS}; null: UNKNOWN), each with all, lab and plan counts. */
  public Map<String, Counts> by(Period p, String dimension) {
    if (!DIMENSIONS.contains(dimension)) {
      throw new IllegalArgumentException("Not a dimension: " + dimension);
    }
    Map<String, Counts> result = new LinkedHashMap<>();
    statement(PEOPLE + """
            select coalesce(%1$s, 'UNKNOWN'), count(*), coalesce(sum(lab), 0), coalesce(sum(planned), 0),
                   coalesce(sum(case when lab = 1 and planned = 1 then 1 else 0 end), 0)
            from people group by coalesce(%1$s, 'UNKNOWN')""".formatted(dimension), p)
        .query(rs -> {
          result.put(rs.getString(1), new Counts(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
        });
    return result;
  }

  /**
   * The people by disadvantage code of their latest pathway (a person with two codes counts in both; NOT_RECORDED:
   * no code recorded, or no pathway).
   */
  public Map<String, Counts> byDisadvantage(Period p) {
    Map<String, Counts> result = new LinkedHashMap<>();
    statement(PEOPLE + """
            select coalesce(d.code, 'NOT_RECORDED'), count(*), coalesce(sum(pe.lab), 0),
                   coalesce(sum(pe.planned), 0),
                   coalesce(sum(case when pe.lab = 1 and pe.planned = 1 then 1 else 0 end), 0)
            from people pe left join pathway_disadvantage d on d.pathway_id = pe.pathway_id
            group by coalesce(d.code, 'NOT_RECORDED')""", p)
        .query(rs -> {
          result.put(rs.getString(1), new Counts(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
        });
    return result;
  }

  /** The mean age and how many people it is of: plan participants ({@code plan}) or lab participants. */
  public record Mean(double value, long people) {}

  public Mean meanAge(Period p, boolean plan) {
    return statement(PEOPLE + """
            select avg(cast(age as double precision)), count(*) from people where age is not null and %s = 1"""
            .formatted(plan ? "planned" : "lab"), p)
        .query((rs, i) -> new Mean(rs.getDouble(1), rs.getLong(2)))
        .single();
  }

  /**
   * The plans (pathways with a signed plan, open in the period) by how they stood at the end of the period: ONGOING
   * (not closed by then), WITHDRAWN, CONCLUDED (closed otherwise).
   */
  public Map<String, Long> plansByState(Period p) {
    Map<String, Long> result = new LinkedHashMap<>();
    jdbc.sql("""
            select state, count(*) from (
              select case when p.closed_at is null or p.closed_at >= :until then 'ONGOING'
                          when p.outcome = 'WITHDRAWN' then 'WITHDRAWN' else 'CONCLUDED' end as state
              from pathway p
              where p.project_code in (:projects) and p.created_at < :until
                and (p.closed_at is null or p.closed_at >= :since)
                and exists (select 1 from plan_version v where v.pathway_id = p.id and v.signed_on is not null)
            ) plans group by state""")
        .param("projects", p.projectCodes())
        .param("since", p.since())
        .param("until", p.until())
        .query(rs -> {
          result.put(rs.getString(1), rs.getLong(2));
        });
    return result;
  }

  /** The lab's activity of the period: visits, and the signals raised in it, passed on, resolved. */
  public record LabActivity(long visits, long signals, long passedOn, long resolved) {}

  public LabActivity labActivity(Period p) {
    long visits = jdbc.sql("""
            select count(*) from lab_visit v
            where v.project_code in (:projects) and v.visited_on >= :fromDay and v.visited_on <= :toDay""")
        .param("projects", p.projectCodes()).param("fromDay", p.from()).param("toDay", p.to())
        .query(Long.class).single();
    return jdbc.sql("""
            select count(*), coalesce(sum(case when s.passed_to is not null then 1 else 0 end), 0),
                   coalesce(sum(case when s.outcome = 'RESOLVED' then 1 else 0 end), 0)
            from lab_signal s
            where s.project_code in (:projects) and s.raised_on >= :fromDay and s.raised_on <= :toDay""")
        .param("projects", p.projectCodes()).param("fromDay", p.from()).param("toDay", p.to())
        .query((rs, i) -> new LabActivity(visits, rs.getLong(1), rs.getLong(2), rs.getLong(3)))
        .single();
  }

  private JdbcClient.StatementSpec statement(String sql, Period p) {
    return jdbc.sql(sql)
        .param("projects", p.projectCodes())
        .param("since", p.since())
        .param("until", p.until())
        .param("fromDay", p.from())
        .param("toDay", p.to());
  }
}
