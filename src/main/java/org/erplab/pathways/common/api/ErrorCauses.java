package org.erplab.pathways.common.api;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * What an exception's causes say about whose mistake it was, shared by both kinds of door (our API and Camunda's REST
 * applications): a lock conflict is a 409, a value the database cannot hold is the caller's 400, anything else is ours
 * and is logged without messages (a message may carry SQL or a value somebody sent).
 */
public final class ErrorCauses {

  /** SQL states of a lock conflict or deadlock (PostgreSQL, H2): someone else is changing the same thing. */
  static final Set<String> LOCK_CONFLICTS = Set.of("40001", "40P01", "55P03", "HYT00");
  /**
   * SQL states of a database out of reach: class 08 (connection exception) and the server shutting down or starting
   * (57P01-57P03).
   */
  static final Set<String> UNAVAILABLE = Set.of("57P01", "57P02", "57P03");
  static final String CONNECTION_EXCEPTION_CLASS = "08";
  /** SQL state class 22, "data exception": a value too long, out of range, a negative offset. */
  static final String DATA_EXCEPTION_CLASS = "22";

  /**
   * What every door says when the database is out of reach (503): wait this many seconds ({@code Retry-After}), and
   * this sentence. Our API writes it as problem+json, engine REST in Camunda's error shape, the logins in the shape of
   * the door they guard.
   */
  public static final String UNAVAILABLE_RETRY_AFTER_SECONDS = "5";
  public static final String UNAVAILABLE_MESSAGE = "The service is unavailable for a moment; retry later";

  private ErrorCauses() {}

  /** True when a cause is a lock conflict or a deadlock (the caller should reload and retry). */
  public static boolean isLockConflict(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof PessimisticLockingFailureException || t instanceof OptimisticLockingException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null && LOCK_CONFLICTS.contains(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when the database cannot be reached (down, restarting, no connection free in time): nobody's mistake, and
   * worth retrying in a moment (503).
   */
  public static boolean isDatabaseUnavailable(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      // a rollback that failed after the work failed: Spring keeps the first failure beside the cause
      if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
          && isDatabaseUnavailable(rollback.getApplicationException())) {
        return true;
      }
      if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
          || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS) || UNAVAILABLE.contains(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  /** True when the database refused a value (too long, out of range): something the caller sent. */
  public static boolean isDataException(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && sql.getSQLState().startsWith(DATA_EXCEPTION_CLASS)) {
        return true;
      }
    }
    return false;
  }

  /** Logs a real error: the class and the place, with the stack of causes but none of their messages. */
  public static void logUnexpected(Logger log, Throwable e) {
    StackTraceElement where = e.getStackTrace().length == 0 ? null : e.getStackTrace()[0];
    log.error("Unexpected error {} at {}", e.getClass().getName(), where, withoutMessages(e));
  }

  /** The exception's stack, without messages (which may hold SQL or values), for the log. */
  static Throwable withoutMessages(Throwable e) {
    // a SQL state is a code, never a value: it says what the database refused
    Throwable copy = new Throwable(e.getClass().getName()
        + (e instanceof SQLException sql && sql.getSQLState() != null ? " (SQL state " + sql.getSQLState() + ")" : ""));
    copy.setStackTrace(e.getStackTrace());
    if (e.getCause() != null && e.getCause() != e) {
      copy.initCause(withoutMessages(e.getCause()));
    }
    return copy;
  }
}
