package org.erplab.pathways.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Engine nodes of the packaged application on one PostgreSQL, as {@code deploy/} runs them: profile {@code postgres}
 * (plus {@code demo} for its users and projects), the database from {@code DB_URL}, the job executor on, and each
 * node named (the engine's {@code hostname}, written in the job log and the metrics) so that who ran what can be
 * counted.
 */
public final class Cluster implements AutoCloseable {

  private final EmbeddedPostgres postgres;
  private final Path directory;
  private final JdbcClient jdbc;
  private final List<AppNode> nodes = new ArrayList<>();

  public Cluster(EmbeddedPostgres postgres, Path directory) {
    this.postgres = postgres;
    this.directory = directory;
    this.jdbc = JdbcClient.create(postgres.getPostgresDatabase());
  }

  /** The shared database, as the nodes see it. */
  public JdbcClient jdbc() {
    return jdbc;
  }

  /** Launches a node (without waiting for it); {@code arguments} add to or override the application's properties. */
  public AppNode launch(String name, String... arguments) {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("SPRING_PROFILES_ACTIVE", "postgres,demo");
    environment.put("DB_URL", postgres.getJdbcUrl("postgres", "postgres"));
    environment.put("DB_USER", "postgres");
    environment.put("DB_PASSWORD", "postgres");
    environment.put("DB_POOL_SIZE", "10");
    List<String> all = new ArrayList<>();
    all.add("--camunda.bpm.generic-properties.properties.hostname=" + name);
    all.addAll(List.of(arguments));
    AppNode node = AppNode.launch(name, directory, AppNode.freePort(), "512m", environment, all);
    nodes.add(node);
    return node;
  }

  /** Waits for a node's readiness and its demo users. */
  public static AppNode awaitReady(AppNode node) {
    return node.awaitReady(Duration.ofMinutes(5), () -> node.log().contains("Demo data ready"));
  }

  public List<AppNode> nodes() {
    return nodes;
  }

  @Override
  public void close() {
    nodes.forEach(AppNode::close);
  }
}
