package org.erplab.pathways.reporting.infrastructure;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The published annual reports (table {@code annual_report}): added, never changed. */
@Repository
public class AnnualReportRecords {

  private final JdbcClient jdbc;

  public AnnualReportRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A published revision: who, when, why, and the report as published (JSON). */
  public record Revision(String scope, int year, int revision, String publishedBy, OffsetDateTime publishedAt,
      String reason, String content) {}

  /** The revisions of a scope's year, oldest first. */
  public List<Revision> revisions(String scope, int year) {
    return jdbc.sql("""
            select scope, report_year, revision, published_by, published_at, reason, content from annual_report
            where scope = ? and report_year = ? order by revision""")
        .params(scope, year)
        .query((rs, i) -> new Revision(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
            rs.getObject(5, OffsetDateTime.class), rs.getString(6), rs.getString(7)))
        .list();
  }

  public Optional<Revision> latest(String scope, int year) {
    List<Revision> all = revisions(scope, year);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** Adds the next revision; a concurrent publication of the same one fails on the unique key (409). */
  public void add(Revision r) {
    jdbc.sql("""
            insert into annual_report (id, scope, report_year, revision, published_by, published_at, reason, content)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(UUID.randomUUID(), r.scope(), r.year(), r.revision(), r.publishedBy(), r.publishedAt(), r.reason(),
            r.content())
        .update();
  }
}
