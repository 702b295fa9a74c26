package org.erplab.pathways.worklist.infrastructure;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes the engine's schema lacks for the way this system reads it, created (if missing) once the engine has
 * created or checked its schema, on PostgreSQL and H2 alike (and one no longer used, dropped):
 * <ul>
 *   <li>{@code ix_act_ru_task_worklist}: a tenant's open tasks in the worklist's order, which the pathway list and
 *       the caseload walk;
 *   <li>{@code ix_act_ru_task_kind}: the same order per kind of task, for the walks of a caller's groups, one per kind
 *       of task they may have, so a lab's walk does not pass over the CPI's tasks ranking above its own;
 *   <li>{@code ix_act_ru_task_parent}: the engine looks up sub-tasks of a task ({@code PARENT_TASK_ID_}) at every
 *       completion; without it, each completion scans every open task.
 * </ul>
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

  static final List<String> STATEMENTS = List.of(
      "create index if not exists ix_act_ru_task_worklist on ACT_RU_TASK (TENANT_ID_, PRIORITY_ desc, DUE_DATE_, CREATE_TIME_, ID_)",
      "create index if not exists ix_act_ru_task_kind on ACT_RU_TASK (TENANT_ID_, TASK_DEF_KEY_, PRIORITY_ desc, DUE_DATE_, CREATE_TIME_, ID_)",
      "create index if not exists ix_act_ru_task_parent on ACT_RU_TASK (PARENT_TASK_ID_)",
      // the worklist's probe of candidate links per tenant is gone (ADR 0042): its index would only cost writes
      "drop index if exists ix_act_ru_identitylink_candidates");

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    DataSource dataSource = engine.getProcessEngineConfiguration().getDataSource();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (String sql : STATEMENTS) {
        statement.execute(sql);
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      LOG.warn("Could not create the worklist indexes ({}): lists will be slower", e.getSQLState());
    }
  }
}
