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
 * recognises, is one person per visit (the visit's id stands for them: random UUIDs like the participants' ids,
 * sorted as 16 bytes rather than as collated text). Each person's facts come from their latest pathway of the period,
 * else their latest visit; their flags say whether they had a lab visit ({@code lab}), a pathway
 * ({@code in_pathway}) and a pathway with a signed plan ({@code planned}). Their province of residence is their project's ({@code
 * project.province}): the participants live in the public housing of the project's neighbourhood.
 */
@Repository
public class IndicatorQueries {

  /** The columns a distribution may group by (never a caller's text). */
  public static final Set<String> DIMENSIONS = Set.of("gender", "age_band", "citizenship_area", "origin_area",
      "education", "employment_status", "disadvantage_status", "province");

  private static final String PEOPLE = """
      with facts as (
        select p.participant_id as person, p.id as pathway_id, p.project_code as project_code,
               p.created_at as at, p.closed_at as closed_at, p.outcome as outcome, 1 as in_pathway,
               case when exists (select 1 from plan_version v where v.pathway_id = p.id and v.project_code in (:projects)
                                 and v.signed_on is not null)
                    then 1 else 0 end as planned,
               0 as lab,
               f.gender as gender, f.age_years as age,
               case when f.age_years is null then null when f.age_years < 18 then 'UNDER_18'
                    when f.age_years <= 35 then '18_35' when f.age_years <= 54 then '36_54'
                    when f.age_years <= 64 then '55_64' else '65_PLUS' end as age_band,
               f.citizenship_area as citizenship_area, f.origin_area as origin_area, f.education as education,
               f.employment_status as employment_status
        from pathway p left join pathway_profile f on f.pathway_id = p.id and f.project_code in (:projects)
        where p.project_code in (:projects) and p.created_at < :until and (p.closed_at is null or p.closed_at >= :since)
        union all
        select coalesce(v.participant_id, v.id), null,
               v.project_code, cast(v.visited_on as timestamp with time zone), null, null, 0, 0, 1, v.gender, v.age,
               v.age_band, v.citizenship_area, v.origin_area, null, null
        from lab_visit v
        where v.project_code in (:projects) and v.visited_on >= :fromDay and v.visited_on <= :toDay
      ),
      ranked as (
        select person, pathway_id, project_code, gender, age, age_band, citizenship_area, origin_area, education,
               employment_status, max(in_pathway) over (partition by person) as in_pathway,
               max(planned) over (partition by person) as planned,
               max(lab) over (partition by person) as lab,
               row_number() over (partition by person order by in_pathway desc, at desc) as rn
        from facts
      ),
      people as (
        select person, pathway_id, gender, age, age_band, citizenship_area, origin_area, education,
               employment_status, in_pathway, planned, lab,
               (select pr.province from project pr where pr.code = ranked.project_code) as province,
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

  /** The mean age and how many people it is of. */
  public record Mean(double value, long people) {}

  /**
   * Every number of a report, from one statement: the people of the period are found once (PostgreSQL materialises a
   * common table expression read more than once; H2 2.x reads it as a view), then counted by each dimension.
   */
  public record Figures(Counts people, Map<String, Map<String, Counts>> byDimension, Map<String, Counts> byDisadvantage,
      Mean meanAgePlan, Mean meanAgeLab, Map<String, Long> plansByState, LabActivity labActivity) {

    /** The people by a dimension ({@link #DIMENSIONS}; null: UNKNOWN), each with all, lab and plan counts. */
    public Map<String, Counts> by(String dimension) {
      if (!DIMENSIONS.contains(dimension)) {
        throw new IllegalArgumentException("Not a dimension: " + dimension);
      }
      return byDimension.getOrDefault(dimension, Map.of());
    }

    /** Plan participants' mean age ({@code plan}), or lab participants'. */
    public Mean meanAge(boolean plan) {
      return plan ? meanAgePlan : meanAgeLab;
    }
  }

  private static final String COUNTS = """
      count(*), coalesce(sum(lab), 0), coalesce(sum(planned), 0),
      coalesce(sum(case when lab = 1 and planned = 1 then 1 else 0 end), 0), cast(null as double precision)""";

  /**
   * The figures of a period, in one statement whose rows are {@code kind, code, all, lab, plan, both, mean}: kind
   * {@code people}; a dimension with its code; {@code disadvantage} by code of the latest pathway (a person with two
   * codes counts in both; NOT_RECORDED: no code recorded, or no pathway); {@code meanAgePlan} and {@code meanAgeLab}
   * (the mean of the known ages, and how many they are in {@code all}); {@code plans} by how they stood at the end of
   * the period (ONGOING: not closed by then; WITHDRAWN; CONCLUDED: closed otherwise), pathways with a signed plan open
   * in the period (read with the people: every pathway of the period, not only each person's latest), in {@code all};
   * {@code labVisits} (visits of the period in {@code all}) and {@code labSignals} (signals raised in the period in
   * {@code all}, of which passed on in {@code lab}, resolved in {@code plan}).
   */
  public Figures figures(Period p) {
    StringBuilder sql = new StringBuilder(PEOPLE);
    sql.append("select 'people', cast(null as varchar(40)), ").append(COUNTS).append(" from people\n");
    for (String dimension : DIMENSIONS.stream().sorted().toList()) {
      sql.append("union all select '").append(dimension).append("', coalesce(").append(dimension)
          .append(", 'UNKNOWN'), ").append(COUNTS).append(" from people group by coalesce(").append(dimension)
          .append(", 'UNKNOWN')\n");
    }
    sql.append("""
        union all
        select 'disadvantage', coalesce(d.code, 'NOT_RECORDED'), count(*), coalesce(sum(pe.lab), 0),
               coalesce(sum(pe.planned), 0),
               coalesce(sum(case when pe.lab = 1 and pe.planned = 1 then 1 else 0 end), 0),
               cast(null as double precision)
        from people pe left join pathway_disadvantage d on d.pathway_id = pe.pathway_id
        group by coalesce(d.code, 'NOT_RECORDED')
        union all
        select 'meanAgePlan', null, count(*), 0, 0, 0, avg(cast(age as double precision))
        from people where age is not null and planned = 1
        union all
        select 'meanAgeLab', null, count(*), 0, 0, 0, avg(cast(age as double precision))
        from people where age is not null and lab = 1
        union all
        select 'plans', state, count(*), 0, 0, 0, cast(null as double precision) from (
          select case when closed_at is null or closed_at >= :until then 'ONGOING'
                      when outcome = 'WITHDRAWN' then 'WITHDRAWN' else 'CONCLUDED' end as state
          from facts where in_pathway = 1 and planned = 1
        ) plans group by state
        union all
        select 'labVisits', null, count(*), 0, 0, 0, cast(null as double precision) from lab_visit v
        where v.project_code in (:projects) and v.visited_on >= :fromDay and v.visited_on <= :toDay
        union all
        select 'labSignals', null, count(*), coalesce(sum(case when s.passed_to is not null then 1 else 0 end), 0),
               coalesce(sum(case when s.outcome = 'RESOLVED' then 1 else 0 end), 0), 0, cast(null as double precision)
        from lab_signal s
        where s.project_code in (:projects) and s.raised_on >= :fromDay and s.raised_on <= :toDay""");
    Counts[] people = {new Counts(0, 0, 0, 0)};
    Map<String, Map<String, Counts>> byDimension = new LinkedHashMap<>();
    Map<String, Counts> byDisadvantage = new LinkedHashMap<>();
    Mean[] means = {new Mean(0, 0), new Mean(0, 0)};
    Map<String, Long> plans = new LinkedHashMap<>();
    long[] lab = new long[4];
    statement(sql.toString(), p).query(rs -> {
      String kind = rs.getString(1);
      Counts counts = new Counts(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
      switch (kind) {
        case "people" -> people[0] = counts;
        case "disadvantage" -> byDisadvantage.put(rs.getString(2), counts);
        case "meanAgePlan" -> means[0] = new Mean(rs.getDouble(7), counts.all());
        case "meanAgeLab" -> means[1] = new Mean(rs.getDouble(7), counts.all());
        case "plans" -> plans.put(rs.getString(2), counts.all());
        case "labVisits" -> lab[0] = counts.all();
        case "labSignals" -> {
          lab[1] = counts.all();
          lab[2] = counts.lab();
          lab[3] = counts.plan();
        }
        default -> byDimension.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(rs.getString(2), counts);
      }
    });
    return new Figures(people[0], byDimension, byDisadvantage, means[0], means[1], plans,
        new LabActivity(lab[0], lab[1], lab[2], lab[3]));
  }

  /** The lab's activity of the period: visits, and the signals raised in it, passed on, resolved. */
  public record LabActivity(long visits, long signals, long passedOn, long resolved) {}

  private JdbcClient.StatementSpec statement(String sql, Period p) {
    return jdbc.sql(sql)
        .param("projects", p.projectCodes())
        .param("since", p.since())
        .param("until", p.until())
        .param("fromDay", p.from())
        .param("toDay", p.to());
  }
}
