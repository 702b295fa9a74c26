package org.erplab.pathways.pathway.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.QueryPlans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The search by name (ADR 0027) on PostgreSQL: its condition, as {@link PathwayListQueries} writes it, can be answered
 * from the prefix indexes of V22 (db/vendor/postgresql) instead of reading every participant. The planner is told not
 * to scan the table, so the plan shows whether an index matches the expression and its operator class; the test
 * database is too small for the planner to prefer an index by itself.
 */
@PathwaysSpringTest
class PathwaySearchIndexTest {

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;

  @Autowired
  PathwaySearchIndexTest(JdbcClient jdbc, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  @Test
  void shouldAnswerTheNameSearchFromThePrefixIndexes() {
    String pattern = PathwayListQueries.likePrefix("Ros_");
    String condition = PathwayListQueries.nameStarts("word").replace(":word", "'" + pattern + "'");

    String plan = QueryPlans.explain(jdbc, transaction, "select pa.id from participant pa where true" + condition,
        "enable_seqscan");

    assertThat(plan)
        .contains("ix_participant_first_name_prefix")
        .contains("ix_participant_last_name_prefix")
        .doesNotContain("Seq Scan");
  }

  @Test
  void shouldEscapeTheWildcardsOfTheWordSearchedFor() {
    assertThat(PathwayListQueries.likePrefix("Ros_a%")).isEqualTo("ros\\_a\\%%");
  }
}
