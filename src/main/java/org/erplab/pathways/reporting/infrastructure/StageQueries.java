package org.erplab.pathways.reporting.infrastructure;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.erplab.pathways.reporting.infrastructure.IndicatorQueries.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stages of the indicators (issue 10), in SQL over {@code pathway_stage} and {@code deadline}: how long the
 * pathways stayed in each stage they left in the period (from entering it to entering the next, or to closing), as
 * counts per pair of days (Europe/Rome) so that working days are counted with each project's calendar without reading
 * one row per pathway; and the deadlines missed in the period, by the stage the pathway was in when each was set.
 */
@Repository
public class StageQueries {

  private final JdbcClient jdbc;

  public StageQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** How many stays in {@code stage} of {@code project} began on {@code entered} and ended on {@code left}. */
  public record Span(String project, String stage, LocalDate entered, LocalDate left, long count) {}

  public List<Span> spans(Period p) {
    return jdbc.sql("""
            with spans as (
              select p.project_code, s.stage, s.entered_at,
                     coalesce(lead(s.entered_at) over (partition by s.pathway_id order by s.entered_at), p.closed_at)
                       as left_at
              from pathway p join pathway_stage s on s.pathway_id = p.id
              where p.project_code in (:projects) and p.created_at < :until
                and (p.closed_at is null or p.closed_at >= :since)
            )
            select project_code, stage, cast(entered_at at time zone 'Europe/Rome' as date),
                   cast(left_at at time zone 'Europe/Rome' as date), count(*)
            from spans where left_at is not null and left_at >= :since and left_at < :until
            group by project_code, stage, cast(entered_at at time zone 'Europe/Rome' as date),
                     cast(left_at at time zone 'Europe/Rome' as date)""")
        .param("projects", p.projectCodes()).param("since", p.since()).param("until", p.until())
        .query((rs, i) -> new Span(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
            rs.getObject(4, LocalDate.class), rs.getLong(5)))
        .list();
  }

  /** The deadlines due in the period and missed, by the stage the pathway was in when the deadline was set. */
  public Map<String, Long> missedByStage(Period p) {
    Map<String, Long> result = new LinkedHashMap<>();
    jdbc.sql("""
            with stages as (
              select s.pathway_id, s.stage, s.entered_at,
                     lead(s.entered_at) over (partition by s.pathway_id order by s.entered_at) as left_at
              from pathway_stage s
              where s.pathway_id in (select d.pathway_id from deadline d where d.project_code in (:projects)
                                     and d.state = 'MISSED' and d.due_at >= :since and d.due_at < :until)
            )
            select st.stage, count(*) from deadline d join stages st on st.pathway_id = d.pathway_id
              and st.entered_at <= d.created_at and (st.left_at is null or d.created_at < st.left_at)
            where d.project_code in (:projects) and d.state = 'MISSED' and d.due_at >= :since and d.due_at < :until
            group by st.stage""")
        .param("projects", p.projectCodes()).param("since", p.since()).param("until", p.until())
        .query(rs -> {
          result.put(rs.getString(1), rs.getLong(2));
        });
    return result;
  }
}
