package org.erplab.pathways.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts one real PostgreSQL per test JVM (from Maven Central, no server needed) and points the context at it. */
public class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static EmbeddedPostgres postgres;

  public static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        // closed by the application context (after the engine and the pool), not by a racing JVM hook
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return postgres;
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of(
        "spring.datasource.url=" + postgres().getJdbcUrl("postgres", "postgres"),
        "spring.datasource.username=postgres",
        "spring.datasource.password=postgres",
        "spring.datasource.driver-class-name=org.postgresql.Driver")
        .applyTo(context.getEnvironment());
    if (context.getBeanFactory() instanceof DefaultListableBeanFactory factory) {
      // registered first, so destroyed last: after the job executor, the engine and the connection pool
      factory.registerDisposableBean("embeddedPostgres", () -> postgres().close());
    }
  }
}
