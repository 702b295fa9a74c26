package org.erplab.pathways.monitoring.infrastructure;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.erplab.pathways.pathway.domain.Pathway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the programme's gauges count, from our own tables, each along an index of its own (V31). */
@Repository
public class MonitoringQueries {

  /**
   * Along ix_pathway_status_stage: every status but CLOSED named (from {@link Pathway.Status}), so that the index's
   * ranges hold only open pathways.
   */
  static final String OPEN_BY_STAGE = "select stage, count(*) from pathway where status in ("
      + Arrays.stream(Pathway.Status.values()).filter(s -> s != Pathway.Status.CLOSED).map(s -> "'" + s + "'")
          .collect(Collectors.joining(", ")) + ") group by stage order by stage";
  /** Along ix_deadline_state_due. */
  static final String OVERDUE = "select count(*) from deadline where state = 'OPEN' and due_at < ?";

  private final JdbcClient jdbc;

  public MonitoringQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Open (active or suspended) pathways by stage, every project together. */
  public Map<String, Long> openPathwaysByStage() {
    Map<String, Long> stages = new LinkedHashMap<>();
    jdbc.sql(OPEN_BY_STAGE)
        .query(rs -> {
          stages.put(rs.getString(1), rs.getLong(2));
        });
    return stages;
  }

  /** Deadlines still open whose due moment has passed. */
  public long overdueDeadlines(OffsetDateTime now) {
    return jdbc.sql(OVERDUE).param(now)
        .query(Long.class).single();
  }
}
