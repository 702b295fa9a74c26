package org.erplab.pathways.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.erplab.pathways.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run commands, for real: the packaged application started as a separate process with the demo profile
 * on its default H2 database kept in a file under ./data, twice (the second start must find the same single
 * deployment, no new versions, and the same demo data), and with the postgres profile on a real PostgreSQL.
 */
class RunCommandIT {

  @TempDir Path workingDirectory;

  @Test
  void shouldRunOnH2WithDemoDataAndRestartWithoutNewVersions() throws Exception {
    int port = freePort();
    JsonNode firstDeployments;
    long firstInstances;
    try (App app = App.start(workingDirectory, port)) {
      var lab = ApiClient.as(port, "lab.lorenteggio");
      JsonNode tasks = lab.get("/api/tasks").json();
      assertThat(tasks.size()).as("demo tasks of the Lorenteggio lab").isGreaterThanOrEqualTo(2);
      assertThat(StreamSupport.stream(tasks.spliterator(), false).map(t -> t.get("projectCode").asText()))
          .containsOnly("LORENTEGGIO");
      assertThat(lab.get("/api/projects").json().findValuesAsText("code")).containsExactly("LORENTEGGIO");
      var admin = ApiClient.as(port, "admin");
      firstDeployments = admin.get("/engine-rest/deployment").json();
      assertThat(firstDeployments.size()).isEqualTo(1);
      String deploymentId = firstDeployments.get(0).get("id").asText();
      assertThat(admin.get("/engine-rest/deployment/" + deploymentId + "/resources").json().findValuesAsText("name"))
          .contains("processes/pathway/pathway.bpmn", "processes/eligibility/eligibility.dmn",
              "forms/intake/intake-interview.form");
      firstInstances = admin.get("/engine-rest/history/process-instance/count").json().get("count").asLong();
      assertThat(firstInstances).as("demo pathways at every stage").isGreaterThanOrEqualTo(10);
      assertThat(ApiClient.anonymous(port).get("/v3/api-docs").status()).isEqualTo(200);
      assertThat(ApiClient.anonymous(port).get("/camunda/app/tasklist/default/").status()).isIn(200, 302);
    }
    assertThat(workingDirectory.resolve("data")).isDirectory();

    try (App app = App.start(workingDirectory, port)) {
      var admin = ApiClient.as(port, "admin");
      JsonNode deployments = admin.get("/engine-rest/deployment").json();
      assertThat(deployments.size()).as("a restart deploys nothing new").isEqualTo(1);
      assertThat(deployments.get(0).get("id").asText()).isEqualTo(firstDeployments.get(0).get("id").asText());
      JsonNode definitions = admin.get("/engine-rest/process-definition").json();
      assertThat(definitions.findValuesAsText("version")).containsOnly("1");
      assertThat(admin.get("/engine-rest/history/process-instance/count").json().get("count").asLong())
          .as("demo data is loaded once").isEqualTo(firstInstances);
    }
  }

  @Test
  void shouldRunWithThePostgresProfileAsDocumented() throws Exception {
    // the README's PostgreSQL command: profile postgres, database given by DB_URL, DB_USER, DB_PASSWORD
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      int port = freePort();
      Map<String, String> env = Map.of(
          "SPRING_PROFILES_ACTIVE", "postgres,demo",
          "DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
          "DB_USER", "postgres",
          "DB_PASSWORD", "postgres");
      try (App app = App.start(workingDirectory, port, env)) {
        JsonNode tasks = ApiClient.as(port, "cpi.bollate").get("/api/tasks").json();
        assertThat(tasks.findValuesAsText("projectCode")).isNotEmpty().containsOnly("BOLLATE");
      }
      try (var connection = postgres.getPostgresDatabase().getConnection();
          var rows = connection.createStatement().executeQuery("select count(*) from pathway")) {
        rows.next();
        assertThat(rows.getInt(1)).as("demo pathways stored in PostgreSQL").isGreaterThanOrEqualTo(10);
      }
      assertThat(workingDirectory.resolve("data")).doesNotExist();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The application jar running in its own JVM. */
  private record App(Process process) implements AutoCloseable {

    static App start(Path workingDirectory, int port) throws Exception {
      return start(workingDirectory, port, Map.of());
    }

    static App start(Path workingDirectory, int port, Map<String, String> environment) throws Exception {
      String jar = System.getProperty("app.jar");
      assertThat(jar).as("system property app.jar (set by failsafe)").isNotNull();
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx512m", "-jar", new File(jar).getAbsolutePath(), "--server.port=" + port));
      if (environment.isEmpty()) {
        command.add("--spring.profiles.active=demo");
      }
      Path log = Files.createTempFile(workingDirectory, "app", ".log");
      ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      App app = new App(process);
      Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
      while (Instant.now().isBefore(deadline)) {
        if (!process.isAlive()) {
          throw new AssertionError("The application stopped:\n" + Files.readString(log));
        }
        try {
          if (ApiClient.anonymous(port).get("/actuator/health").status() == 200
              && ApiClient.as(port, "admin").get("/api/projects").status() == 200
              && Files.readString(log).contains("Demo data ready")) {
            return app;
          }
        } catch (RuntimeException notYet) {
          // not listening yet
        }
        Thread.sleep(1000);
      }
      app.close();
      throw new AssertionError("The application did not start in time:\n" + Files.readString(log));
    }

    @Override
    public void close() throws Exception {
      process.destroy();
      if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }
}
