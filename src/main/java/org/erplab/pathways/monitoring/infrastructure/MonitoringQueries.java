package org.erplab.pathways.monitoring.infrastructure;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the programme's gauges count, from our own tables (indexed: ix_pathway_project_status, ix_deadline_project_open). */
@Repository
public class MonitoringQueries {

  private final JdbcClient jdbc;

  public MonitoringQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Open (active or suspended) pathways by stage, every project together. */
  public Map<String, Long> openPathwaysByStage() {
    Map<String, Long> stages = new LinkedHashMap<>();
    jdbc.sql("select stage, count(*) from pathway where status <> 'CLOSED' group by stage order by stage")
        .query(rs -> {
          stages.put(rs.getString(1), rs.getLong(2));
        });
    return stages;
  }

  /** Deadlines still open whose due moment has passed. */
  public long overdueDeadlines(OffsetDateTime now) {
    return jdbc.sql("select count(*) from deadline where state = 'OPEN' and due_at < ?").param(now)
        .query(Long.class).single();
  }
}
