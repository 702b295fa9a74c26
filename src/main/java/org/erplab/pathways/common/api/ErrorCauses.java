package org.erplab.pathways.common.api;

import java.sql.SQLException;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * What an exception's causes say about whose mistake it was, shared by both kinds of door (our API and Camunda's REST
 * applications): a lock conflict is a 409, a value the database cannot hold is the caller's 400, anything else is ours
 * and is logged without messages (a message may carry SQL or a value somebody sent).
 */
public final class ErrorCauses {

  /** SQL states of a lock conflict or deadlock (PostgreSQL, H2): someone else is changing the same thing. */
  static final Set<String> LOCK_CONFLICTS = Set.of("40001", "40P01", "55P03", "HYT00");
  /** SQL state class 22, "data exception": a value too long, out of range, a negative offset. */
  static final String DATA_EXCEPTION_CLASS = "22";

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
    Throwable copy = new Throwable(e.getClass().getName());
    copy.setStackTrace(e.getStackTrace());
    if (e.getCause() != null && e.getCause() != e) {
      copy.initCause(withoutMessages(e.getCause()));
    }
    return copy;
  }
}
