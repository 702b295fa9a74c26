package org.erplab.pathways.common.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A database out of reach is told apart from a real error (503, retry, instead of 500), however the failure reaches
 * the door: a pool that gives up waiting, a connection the server closed, a rollback that failed after the work did.
 * What these were was seen in {@code NodeFaultsSuite} (PostgreSQL restarted under load).
 */
class ErrorCausesTest {

  @Test
  void shouldTellADatabaseOutOfReachFromOtherFailures() {
    assertThat(ErrorCauses.isDatabaseUnavailable(new CannotGetJdbcConnectionException("pool",
        new SQLTransientConnectionException("Connection is not available, request timed out")))).isTrue();
    assertThat(ErrorCauses.isDatabaseUnavailable(new ProcessEngineException("flush",
        new SQLException("An I/O error occurred while sending to the backend", "08006")))).isTrue();
    assertThat(ErrorCauses.isDatabaseUnavailable(new ProcessEngineException("flush",
        new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();

    TransactionSystemException rollbackFailed = new TransactionSystemException("Could not roll back",
        new SQLException("Connection is closed"));
    rollbackFailed.initApplicationException(new ProcessEngineException("command context",
        new SQLException("This connection has been closed.", "08003")));
    assertThat(ErrorCauses.isDatabaseUnavailable(rollbackFailed)).as("the first failure, kept beside the cause")
        .isTrue();

    assertThat(ErrorCauses.isDatabaseUnavailable(new ProcessEngineException("duplicate",
        new SQLException("duplicate key value", "23505")))).isFalse();
    assertThat(ErrorCauses.isDatabaseUnavailable(new IllegalStateException("a bug"))).isFalse();
    TransactionSystemException otherRollback = new TransactionSystemException("Could not roll back",
        new SQLException("no"));
    otherRollback.initApplicationException(new IllegalStateException("a bug"));
    assertThat(ErrorCauses.isDatabaseUnavailable(otherRollback)).isFalse();
  }
}
