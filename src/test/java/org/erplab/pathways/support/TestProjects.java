package org.erplab.pathways.support;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Projects of a test's own (so pausing or ending one touches no other test's pathways), and waiting for workers. */
public final class TestProjects {

  private TestProjects() {}

  /**
   * A new project, code {@code prefix} plus random letters, in Milano (patron day 7 December), started on
   * 1 January 2025 and ending on {@code lastDay}.
   */
  public static String create(JdbcClient jdbc, String prefix, LocalDate lastDay) {
    String code = prefix + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
    jdbc.sql("insert into project (code, name, municipality, province, patron_day, patron_day_name, start_date, "
            + "end_date) values (?, ?, 'Milano', 'MI', '12-07', 'Sant''Ambrogio', ?, ?)")
        .params(code, "Progetto di prova " + code, LocalDate.of(2025, 1, 1), lastDay).update();
    return code;
  }

  /**
   * Waits until {@code done} holds, or {@code limit} passed: for the worker thread of project operations, never for a
   * clock (clocks are moved, not waited for).
   */
  public static boolean await(BooleanSupplier done, Duration limit) {
    long until = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > until) {
        return false;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
