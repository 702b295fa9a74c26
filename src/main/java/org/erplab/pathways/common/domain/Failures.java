package org.erplab.pathways.common.domain;

import java.sql.SQLException;
import java.util.Set;

/** What every door needs to know about a failure, without repeating its message (which may carry SQL or values). */
public final class Failures {

  /** SQL states of a lock conflict or deadlock (PostgreSQL, H2): someone else is changing the same rows. */
  static final Set<String> LOCK_CONFLICTS = Set.of("40001", "40P01", "55P03", "HYT00");

  private Failures() {}

  /** True when a cause is a database lock conflict or deadlock: the caller should reload and retry (409). */
  public static boolean isLockConflict(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null && LOCK_CONFLICTS.contains(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** The exception's stack, causes included, with the class names but without the messages: safe for a log line. */
  public static Throwable withoutMessages(Throwable e) {
    Throwable copy = new Throwable(e.getClass().getName());
    copy.setStackTrace(e.getStackTrace());
    if (e.getCause() != null && e.getCause() != e) {
      copy.initCause(withoutMessages(e.getCause()));
    }
    return copy;
  }
}
