package org.erplab.pathways.reporting.infrastructure;

import java.math.BigDecimal;
import org.erplab.pathways.reporting.infrastructure.IndicatorQueries.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The money of the indicators (issue 10), in SQL over our tables: what the plans commit (the latest signed version of
 * each plan of a pathway open in the period: services and indemnity cap), what attendance accrued in the period
 * (courses' indemnity and internships' monthly indemnity), and the arrears reductions passed to ALER. Each sum comes
 * with how many pathways it is of, so that a sum of fewer people than the threshold is not published.
 */
@Repository
public class MoneyQueries {

  private final JdbcClient jdbc;

  public MoneyQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A sum of euro and the number of pathways it adds up. */
  public record Sum(BigDecimal amount, long pathways) {}

  public record Committed(Sum services, Sum indemnity) {}

  public Committed committed(Period p) {
    return jdbc.sql("""
            select coalesce(sum(v.services_total), 0), coalesce(sum(v.indemnity_cap), 0), count(*)
            from pathway pw join plan_version v on v.pathway_id = pw.id
            where pw.project_code in (:projects) and pw.created_at < :until
              and (pw.closed_at is null or pw.closed_at >= :since)
              and v.signed_on is not null
              and v.version = (select max(w.version) from plan_version w
                               where w.pathway_id = pw.id and w.signed_on is not null)""")
        .param("projects", p.projectCodes()).param("since", p.since()).param("until", p.until())
        .query((rs, i) -> new Committed(new Sum(rs.getBigDecimal(1), rs.getLong(3)),
            new Sum(rs.getBigDecimal(2), rs.getLong(3))))
        .single();
  }

  /**
   * Indemnity accrued in the period: courses (accruals computed in it), internships (its months), and the pathways
   * closed in it before a course's result (a withdrawal, an interruption): what their closure computed from the
   * attendance register beyond what their courses' results had accrued.
   */
  public Sum accrued(Period p) {
    return jdbc.sql("""
            select coalesce(sum(amount), 0), count(distinct pathway_id) from (
              select a.accrued as amount, a.pathway_id from indemnity_accrual a
              where a.project_code in (:projects) and a.computed_at >= :since and a.computed_at < :until
              union all
              select i.indemnity_due, i.pathway_id from internship_attendance i
              where i.project_code in (:projects) and i.attendance_month >= :fromDay and i.attendance_month <= :toDay
              union all
              select d.amount, d.pathway_id from (
                select c.indemnity - coalesce((select sum(a.accrued) from indemnity_accrual a
                                               where a.pathway_id = c.pathway_id), 0) as amount, c.pathway_id
                from pathway_closure c
                where c.project_code in (:projects) and c.closed_at >= :since and c.closed_at < :until
              ) d where d.amount <> 0
            ) accruals""")
        .param("projects", p.projectCodes()).param("since", p.since()).param("until", p.until())
        .param("fromDay", p.from()).param("toDay", p.to())
        .query((rs, i) -> new Sum(rs.getBigDecimal(1), rs.getLong(2)))
        .single();
  }

  /** The arrears reductions computed in the period, passed to ALER. */
  public Sum arrearsReductions(Period p) {
    return jdbc.sql("""
            select coalesce(sum(r.amount), 0), count(distinct r.pathway_id) from arrears_reduction r
            where r.project_code in (:projects) and r.computed_at >= :since and r.computed_at < :until
              and r.cancelled_at is null""")
        .param("projects", p.projectCodes()).param("since", p.since()).param("until", p.until())
        .query((rs, i) -> new Sum(rs.getBigDecimal(1), rs.getLong(2)))
        .single();
  }
}
