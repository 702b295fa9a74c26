package org.erplab.pathways.monitoring.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.QueryPlans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monitoring gauges' counts, read every 30 s on each node, go along indexes of their own (V31) instead of reading
 * every pathway and every deadline. The planner is told not to scan the tables (nor to go through a bitmap), so the plan
 * shows whether an index answers the statement as {@link MonitoringQueries} writes it; the test database is too small for the planner to
 * prefer an index by itself.
 */
@PathwaysSpringTest
class MonitoringIndexesTest {

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;

  @Autowired
  MonitoringIndexesTest(JdbcClient jdbc, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  @Test
  void shouldCountOpenPathwaysByStageFromTheirIndexAlone() {
    assertThat(plan(MonitoringQueries.OPEN_BY_STAGE))
        .contains("Index Only Scan using ix_pathway_status_stage")
        .doesNotContain("Seq Scan");
  }

  @Test
  void shouldCountOverdueDeadlinesAlongTheOpenOnesByDueMoment() {
    assertThat(plan(MonitoringQueries.OVERDUE.replace("?", "now()")))
        .contains("ix_deadline_state_due")
        .doesNotContain("Seq Scan");
  }

  private String plan(String statement) {
    return QueryPlans.explain(jdbc, transaction, statement, "enable_seqscan", "enable_bitmapscan");
  }
}
