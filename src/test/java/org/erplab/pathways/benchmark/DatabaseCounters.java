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
 * The counters are global: read them around work done one request at a time, with no other load (the job executor
 * is off in tests). They can also record the SQL of chosen statements with their parameters bound (PostgreSQL's
 * driver prints a prepared statement that way), so that the exact query a request ran can be explained.
 */
final class DatabaseCounters {

  private static final AtomicLong STATEMENTS = new AtomicLong();
  private static final AtomicLong COMMITS = new AtomicLong();
  private static final AtomicLong ROLLBACKS = new AtomicLong();
  private static final AtomicLong AUTO_COMMITTED = new AtomicLong();

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
              Object result(Method method, Object result) {
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
      Object result(Method method, Object result) throws Exception {
        if (result instanceof PreparedStatement statement) {
          return statement(PreparedStatement.class, statement, this::autoCommit);
        }
        if (result instanceof Statement statement) {
          return statement(Statement.class, statement, this::autoCommit);
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

  private static <S extends Statement> S statement(Class<S> type, S target, BooleanSupplier autoCommit) {
    return proxy(type, new Counting(target) {
      @Override
      Object after(Method method, Object[] args) {
        if (method.getName().startsWith("execute")) {
          STATEMENTS.incrementAndGet();
          if (autoCommit.getAsBoolean()) {
            AUTO_COMMITTED.incrementAndGet();
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
        return null;
      }
    });
  }

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
      try {
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      after(method, args);
      return result(method, result);
    }

    Object before(Method method, Object[] args) throws Exception {
      return null;
    }

    Object after(Method method, Object[] args) throws Exception {
      return null;
    }

    Object result(Method method, Object result) throws Exception {
      return result;
    }
  }
}
