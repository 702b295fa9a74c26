package org.erplab.pathways.support;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PostgreSQL's plan of a statement with the planner told not to use some ways of reading ({@code enable_seqscan},
 * {@code enable_bitmapscan}, ...: off for this transaction only), so that a test sees whether an index can answer it;
 * a test database is too small for the planner to prefer an index by itself.
 */
public final class QueryPlans {

  public static String explain(JdbcClient jdbc, TransactionTemplate transaction, String statement,
      String... disabled) {
    List<String> plan = transaction.execute(status -> {
      for (String setting : disabled) {
        jdbc.sql("set local " + setting + " = off").update();
      }
      return jdbc.sql("explain " + statement).query(String.class).list();
    });
    return String.join("\n", plan);
  }

  private QueryPlans() {}
}
