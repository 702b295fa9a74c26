package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.ADMIN;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.LAB_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.PRIVACY;
import static org.erplab.pathways.api.ApiFixtures.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The diagrams of the processes a pathway ran, for its audit page (ADR 0038), over real HTTP: the pathway's instances
 * (root, called, recursively) with per activity the times entered, completed and active now, as the engine's history
 * counts them; the BPMN XML of each definition it ran and of no other; the access rule of the audit record.
 */
@PathwaysSpringTest
class AuditDiagramApiTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final ApiFixtures api;
  private final HistoryService history;
  private final RepositoryService repository;

  @Autowired
  AuditDiagramApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
    this.history = context.getBean(HistoryService.class);
    this.repository = context.getBean(RepositoryService.class);
  }

  @Test
  void shouldCountEachActivityOfEveryProcessThePathwayRanAsTheHistoryDoes() {
    // given a pathway taken in, found eligible and handed to SOLCO: waiting at the first appointment
    ApiFixtures.Started started = api.pathwayAtFirstAppointment(LORENTEGGIO, "SOLCO");
    String path = "/api/pathways/" + started.pathwayId() + "/audit/diagrams";

    JsonNode runs = runs(AUDITOR, path);

    // the root first, then what it called: intake, eligibility, handover, each naming its caller
    assertThat(runs.get(0).path("processInstanceId").asText()).isEqualTo(started.processInstanceId());
    assertThat(runs.get(0).path("key").asText()).isEqualTo("pathway");
    assertThat(runs.get(0).path("superProcessInstanceId").isNull()).isTrue();
    List<String> keys = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    runs.forEach(run -> {
      keys.add(run.path("key").asText());
      ids.add(run.path("processInstanceId").asText());
    });
    assertThat(keys).contains("pathway", "intake", "handover");
    runs.forEach(run -> {
      String parent = run.path("superProcessInstanceId").asText(null);
      assertThat(parent == null || ids.contains(parent)).as("%s called by one of the pathway's", run).isTrue();
      assertThat(run.path("version").asInt()).isPositive();
      assertThat(run.path("processDefinitionId").asText()).startsWith(run.path("key").asText() + ":");
    });
    // as many as the engine's history holds under the pathway's business key
    assertThat(runs.size()).isEqualTo((int) history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(started.pathwayId().toString()).count());

    // per instance: the counts add up to the history's activity instances, finished, cancelled and unfinished
    runs.forEach(run -> {
      String instance = run.path("processInstanceId").asText();
      int entered = 0;
      int completed = 0;
      int active = 0;
      for (JsonNode count : run.path("activities")) {
        entered += count.path("entered").asInt();
        completed += count.path("completed").asInt();
        active += count.path("active").asInt();
        assertThat(count.path("completed").asInt() + count.path("active").asInt())
            .isLessThanOrEqualTo(count.path("entered").asInt());
      }
      assertThat(entered).as(instance).isEqualTo(history.createHistoricActivityInstanceQuery()
          .processInstanceId(instance).count());
      assertThat(active).as(instance).isEqualTo(history.createHistoricActivityInstanceQuery()
          .processInstanceId(instance).unfinished().count());
      assertThat(completed).as(instance).isEqualTo(history.createHistoricActivityInstanceQuery()
          .processInstanceId(instance).finished().count()
          - history.createHistoricActivityInstanceQuery().processInstanceId(instance).canceled().count());
    });

    // the intake interview was done once; the first appointment waits
    JsonNode interview = runOf(runs, "intake").path("activities").path(ApiFixtures.TASK_INTAKE_INTERVIEW);
    assertThat(interview.path("entered").asInt()).isEqualTo(1);
    assertThat(interview.path("completed").asInt()).isEqualTo(1);
    assertThat(interview.path("active").asInt()).isZero();
    JsonNode appointment = runOf(runs, "handover").path("activities").path(ApiFixtures.TASK_FIRST_APPOINTMENT);
    assertThat(appointment.path("entered").asInt()).isEqualTo(1);
    assertThat(appointment.path("completed").asInt()).isZero();
    assertThat(appointment.path("active").asInt()).isEqualTo(1);
    // and the lab of the project reads the same
    assertThat(runs(LAB_LORENTEGGIO, path)).isEqualTo(runs);
  }

  @Test
  void shouldGiveTheXmlOfEachDefinitionThePathwayRanAndOfNoOther() throws IOException {
    ApiFixtures.Started started = api.eligiblePathway(LORENTEGGIO);
    String path = "/api/pathways/" + started.pathwayId() + "/audit/diagrams";

    for (JsonNode run : runs(AUDITOR, path)) {
      String definition = run.path("processDefinitionId").asText();
      HttpResponse<String> xml = xml(AUDITOR, path, definition);
      assertThat(xml.statusCode()).as("%s: %s", definition, xml.body()).isEqualTo(200);
      assertThat(xml.headers().firstValue("Content-Type").orElse("")).contains("xml");
      try (InputStream model = repository.getProcessModel(definition)) {
        assertThat(xml.body()).isEqualTo(new String(model.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertThat(xml(AUDITOR, path, runOf(runs(AUDITOR, path), "intake").path("processDefinitionId").asText()).body())
        .contains("id=\"" + ApiFixtures.TASK_INTAKE_INTERVIEW + "\"");

    // a definition the pathway did not run (the placement, not reached), and one that does not exist: 404
    String placement = repository.createProcessDefinitionQuery().processDefinitionKey("placement").latestVersion()
        .list().get(0).getId();
    assertThat(xml(AUDITOR, path, placement).statusCode()).isEqualTo(404);
    assertThat(xml(AUDITOR, path, "nothing:1:" + UUID.randomUUID()).statusCode()).isEqualTo(404);
  }

  @Test
  void shouldKeepTheDiagramsToWhoMayReadThePathway() {
    ApiFixtures.Started started = api.eligiblePathway(LORENTEGGIO);
    String path = "/api/pathways/" + started.pathwayId() + "/audit/diagrams";
    String definition = runs(AUDITOR, path).get(0).path("processDefinitionId").asText();

    // another project's staff and auditor: as if the pathway did not exist
    for (String stranger : List.of(LAB_BOLLATE, AUDITOR_BOLLATE)) {
      assertProblem(api.as(stranger).get(path), 404);
      assertThat(xml(stranger, path, definition).statusCode()).as(stranger).isEqualTo(404);
    }
    assertProblem(api.as(AUDITOR).get("/api/pathways/" + UUID.randomUUID() + "/audit/diagrams"), 404);
    // roles that read no pathway
    for (String role : List.of(ADMIN, PRIVACY)) {
      assertProblem(api.as(role).get(path), 403);
      assertThat(xml(role, path, definition).statusCode()).as(role).isEqualTo(403);
    }
    assertProblem(api.anonymous().get(path), 401);
  }

  private JsonNode runs(String user, String path) {
    ApiClient.Response response = api.as(user).get(path);
    assertThat(response.status()).as("%s %s", user, response).isEqualTo(200);
    assertThat(response.json().isArray()).isTrue();
    return response.json();
  }

  private static JsonNode runOf(JsonNode runs, String key) {
    for (JsonNode run : runs) {
      if (run.path("key").asText().equals(key)) {
        return run;
      }
    }
    throw new AssertionError("no run of " + key + " in " + runs);
  }

  /** GET of a definition's XML as a browser page asks for it. */
  private HttpResponse<String> xml(String user, String path, String definition) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + api.port() + path + "/"
            + URLEncoder.encode(definition, StandardCharsets.UTF_8) + "/xml"))
        .header("Accept", "application/xml, application/problem+json")
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .GET().build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
