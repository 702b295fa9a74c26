package org.erplab.pathways.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.AppNode;
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
    try (AppNode app = App.start(workingDirectory, port)) {
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

    try (AppNode app = App.start(workingDirectory, port)) {
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
      try (AppNode app = App.start(workingDirectory, port, env)) {
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

  private static int freePort() {
    return AppNode.freePort();
  }

  /** The application jar running in its own JVM, ready once its demo data is. */
  private static final class App {

    static AppNode start(Path workingDirectory, int port) {
      return start(workingDirectory, port, Map.of());
    }

    static AppNode start(Path workingDirectory, int port, Map<String, String> environment) {
      List<String> arguments = environment.isEmpty() ? List.of("--spring.profiles.active=demo") : List.of();
      AppNode node = AppNode.launch("app-" + System.nanoTime(), workingDirectory, port, "512m", environment, arguments);
      try {
        return node.awaitReady(Duration.ofMinutes(3), () -> ApiClient.as(port, "admin").get("/api/projects").status() == 200
            && node.log().contains("Demo data ready"));
      } catch (AssertionError e) {
        node.close();
        throw e;
      }
    }
  }
}
