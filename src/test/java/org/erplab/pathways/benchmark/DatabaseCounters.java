package org.erplab.pathways.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What the application sends to PostgreSQL, counted on the JDBC side: the application's {@link DataSource} is wrapped
 * (a {@link BeanPostProcessor} of the benchmark's context only) with {@link Proxy} objects that count
 * <ul>
 *   <li>statements: every {@code execute*} call of a statement (a batch counts once);
 *   <li>transactions: every {@code commit()} and {@code rollback()}, plus every statement run in auto-commit mode
 *       (PostgreSQL makes each of those a transaction of its own).
 * </ul>
 * and the time spent waiting on the database ({@link #times()}): each statement's {@code execute*} call (PostgreSQL's
 * driver reads the whole result there), each {@code commit()}/{@code rollback()}, and each connection taken from the
 * pool; statements and commits by where they ran ({@link EngineTimings#place()}: outside any engine command, in an
 * engine command, or in code the engine called out to), statements also by the table they name first (the engine's
 * {@code ACT_*} tables or ours).
 * The counters are global: read them around work done one request at a time, with no other load (the job executor
 * is off in tests). They can also record the SQL of chosen statements with their parameters bound (PostgreSQL's
 * driver prints a prepared statement that way), so that the exact query a request ran can be explained.
 */
final class DatabaseCounters {

  private static final AtomicLong STATEMENTS = new AtomicLong();
  private static final AtomicLong COMMITS = new AtomicLong();
  private static final AtomicLong ROLLBACKS = new AtomicLong();
  private static final AtomicLong AUTO_COMMITTED = new AtomicLong();
  /** Nanoseconds in statements, by {@link EngineTimings#place()}. */
  private static final AtomicLong[] STATEMENT_NANOS = {new AtomicLong(), new AtomicLong(), new AtomicLong()};
  /** Nanoseconds in commits and rollbacks, by {@link EngineTimings#place()}. */
  private static final AtomicLong[] COMMIT_NANOS = {new AtomicLong(), new AtomicLong(), new AtomicLong()};
  private static final AtomicLong ENGINE_TABLE_NANOS = new AtomicLong();
  private static final AtomicLong CONNECTION_NANOS = new AtomicLong();

  private static volatile Predicate<String> capturing;
  private static final List<String> CAPTURED = new ArrayList<>();

  private DatabaseCounters() {}

  /** The counters now; subtract two snapshots to get what happened in between. */
  static Snapshot snapshot() {
    return new Snapshot(STATEMENTS.get(), COMMITS.get() + ROLLBACKS.get() + AUTO_COMMITTED.get());
  }

  record Snapshot(long statements, long transactions) {

    Snapshot since(Snapshot before) {
      return new Snapshot(statements - before.statements, transactions - before.transactions);
    }
  }

  /** The time spent in the database so far; subtract two to get what happened in between. */
  static Times times() {
    return new Times(new long[] {STATEMENT_NANOS[0].get(), STATEMENT_NANOS[1].get(), STATEMENT_NANOS[2].get()},
        new long[] {COMMIT_NANOS[0].get(), COMMIT_NANOS[1].get(), COMMIT_NANOS[2].get()}, ENGINE_TABLE_NANOS.get(),
        CONNECTION_NANOS.get());
  }

  /**
   * Nanoseconds: in statements and in commits by {@link EngineTimings#place()} (outside commands, in commands, in the
   * engine's call-outs), in statements naming an engine table ({@code ACT_*}) first, and taking connections.
   */
  record Times(long[] statementNanos, long[] commitNanos, long engineTableNanos, long connectionNanos) {

    Times since(Times before) {
      long[] statements = new long[3];
      long[] commits = new long[3];
      for (int i = 0; i < 3; i++) {
        statements[i] = statementNanos[i] - before.statementNanos[i];
        commits[i] = commitNanos[i] - before.commitNanos[i];
      }
      return new Times(statements, commits, engineTableNanos - before.engineTableNanos,
          connectionNanos - before.connectionNanos);
    }

    /** Statements and commits at one place. */
    long at(int place) {
      return statementNanos[place] + commitNanos[place];
    }

    long commits() {
      return commitNanos[0] + commitNanos[1] + commitNanos[2];
    }
  }

  /** A statement executed, its SQL as prepared (parameters as {@code ?}), and its time in the driver. */
  record Timed(String sql, long nanos) {}

  private static volatile List<Timed> timing;

  /** Runs the work and returns every statement it executed with its time (one work at a time). */
  static List<Timed> captureTimed(Runnable work) {
    List<Timed> timed = java.util.Collections.synchronizedList(new ArrayList<>());
    timing = timed;
    try {
      work.run();
    } finally {
      timing = null;
    }
    return List.copyOf(timed);
  }

  /** Runs the work and returns the SQL (parameters bound) of every statement it executed whose SQL matches. */
  static List<String> capture(Predicate<String> sql, Runnable work) {
    synchronized (CAPTURED) {
      CAPTURED.clear();
    }
    capturing = sql;
    try {
      work.run();
    } finally {
      capturing = null;
    }
    synchronized (CAPTURED) {
      return List.copyOf(CAPTURED);
    }
  }

  /** Wraps the application's data source (only in the context that imports this configuration). */
  @TestConfiguration(proxyBeanMethods = false)
  static class Config {

    @Bean
    static BeanPostProcessor countingDataSource() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
          if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
            return proxy(DataSource.class, new Counting(dataSource) {
              @Override
              void after(Method method, Object[] args, long nanos) {
                if (method.getName().equals("getConnection")) {
                  CONNECTION_NANOS.addAndGet(nanos);
                }
              }

              @Override
              Object result(Method method, Object[] args, Object result) {
                return result instanceof Connection connection ? connection(connection) : result;
              }
            });
          }
          return bean;
        }
      };
    }
  }

  private static Connection connection(Connection target) {
    return proxy(Connection.class, new Counting(target) {
      private Boolean autoCommit;

      @Override
      Object before(Method method, Object[] args) throws Exception {
        switch (method.getName()) {
          case "commit" -> COMMITS.incrementAndGet();
          case "rollback" -> {
            if (args == null || args.length == 0) {
              ROLLBACKS.incrementAndGet();
            }
          }
          case "setAutoCommit" -> autoCommit = (Boolean) args[0];
          default -> { }
        }
        return null;
      }

      @Override
      void after(Method method, Object[] args, long nanos) {
        if (method.getName().equals("commit") || method.getName().equals("rollback") && (args == null
            || args.length == 0)) {
          COMMIT_NANOS[EngineTimings.place()].addAndGet(nanos);
        }
      }

      @Override
      Object result(Method method, Object[] args, Object result) throws Exception {
        String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
        if (result instanceof PreparedStatement statement) {
          return statement(PreparedStatement.class, statement, this::autoCommit, sql);
        }
        if (result instanceof Statement statement) {
          return statement(Statement.class, statement, this::autoCommit, sql);
        }
        return result;
      }

      private boolean autoCommit() {
        try {
          if (autoCommit == null) {
            autoCommit = target().getAutoCommit();
          }
          return autoCommit;
        } catch (Exception e) {
          return false;
        }
      }

      private Connection target() {
        return (Connection) target;
      }
    });
  }

  private static <S extends Statement> S statement(Class<S> type, S target, BooleanSupplier autoCommit,
      String prepared) {
    return proxy(type, new Counting(target) {
      @Override
      void after(Method method, Object[] args, long nanos) {
        if (method.getName().startsWith("execute")) {
          STATEMENTS.incrementAndGet();
          STATEMENT_NANOS[EngineTimings.place()].addAndGet(nanos);
          String sql = prepared != null ? prepared
              : args != null && args.length > 0 && args[0] instanceof String s ? s : null;
          if (sql != null && engineTable(sql)) {
            ENGINE_TABLE_NANOS.addAndGet(nanos);
          }
          if (autoCommit.getAsBoolean()) {
            AUTO_COMMITTED.incrementAndGet();
          }
          List<Timed> timed = timing;
          if (timed != null && sql != null) {
            timed.add(new Timed(sql, nanos));
          }
          Predicate<String> filter = capturing;
          if (filter != null) {
            String text = args != null && args.length > 0 && args[0] instanceof String s ? s : bound(target);
            if (filter.test(text)) {
              synchronized (CAPTURED) {
                CAPTURED.add(text);
              }
            }
          }
        }
      }
    });
  }

  /** Whether the first table the statement names is one of the engine's ({@code ACT_*}). */
  static boolean engineTable(String sql) {
    java.util.regex.Matcher table = FIRST_TABLE.matcher(sql);
    return table.find() && table.group(1).regionMatches(true, 0, "act_", 0, 4);
  }

  private static final java.util.regex.Pattern FIRST_TABLE = java.util.regex.Pattern.compile(
      "(?i)\\b(?:from|into|update|join)\\s+([a-z_][a-z0-9_.]*)");

  /** PostgreSQL's driver prints a prepared statement with its parameters bound; the pool prefixes its own name. */
  private static String bound(Object statement) {
    String text = statement.toString();
    int wrapped = text.indexOf(" wrapping ");
    return wrapped < 0 ? text : text.substring(wrapped + " wrapping ".length());
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, InvocationHandler handler) {
    return (T) Proxy.newProxyInstance(DatabaseCounters.class.getClassLoader(), new Class<?>[] {type}, handler);
  }

  /** Delegates every call to the target, with hooks before and after, and a hook to wrap what it returns. */
  private abstract static class Counting implements InvocationHandler {

    final Object target;

    Counting(Object target) {
      this.target = target;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> wanted
          && wanted.isInstance(target)) {
        return target;
      }
      if (method.getName().equals("isWrapperFor") && args != null && args[0] instanceof Class<?> wanted
          && wanted.isInstance(target)) {
        return true;
      }
      before(method, args);
      Object result;
      long start = System.nanoTime();
      try {
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      after(method, args, System.nanoTime() - start);
      return result(method, args, result);
    }

    Object before(Method method, Object[] args) throws Exception {
      return null;
    }

    /** After the call returned normally, with the time it took. */
    void after(Method method, Object[] args, long nanos) throws Exception { }

    Object result(Method method, Object[] args, Object result) throws Exception {
      return result;
    }
  }
}
