package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.ADMIN;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.erplab.pathways.monitoring.process.MonitoringGauges;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.IntakeAnswers;
import org.erplab.pathways.support.LogCapture;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Metrics, health and logs (issue 11) over real HTTP: {@code /actuator/prometheus} for administrators only, with the
 * API's latency histograms and the programme's gauges; the probes open and without details; every request's id in
 * its response and on every log line written for it; and no personal data of a person taken through a pathway, sent
 * wrong and erased in any log line of it.
 */
@PathwaysSpringTest
class MonitoringApiTest {

  private final ApiFixtures api;
  private final ApplicationContext context;

  @Autowired
  MonitoringApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
    this.context = context;
  }

  @Test
  void shouldShowTheMetricsToAdministratorsOnly() throws Exception {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    context.getBean(MonitoringGauges.class).refresh();

    ApiFixtures.assertProblem(api.anonymous().get("/actuator/prometheus"), 401);
    ApiFixtures.assertProblem(api.as(LAB_LORENTEGGIO).get("/actuator/prometheus"), 403);
    ApiFixtures.assertProblem(api.withWrongPassword().get("/actuator/prometheus"), 401);
    String text = scrape();
    // the API's latency per endpoint, as a histogram (buckets for the percentiles)
    assertThat(text).containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/pathways\"");
    // the programme: the pathway just started waits at the intake
    long intake = gauge(text, "pathways_open", "stage=\"INTAKE\"");
    assertThat(intake).isPositive();
    assertThat(text).contains("deadlines_overdue", "camunda_jobs_backlog", "camunda_jobs_failed",
        "login_throttles_blocked", "jvm_memory_used_bytes");
    // a second pathway at the intake is counted at the next refresh
    api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    context.getBean(MonitoringGauges.class).refresh();
    assertThat(gauge(scrape(), "pathways_open", "stage=\"INTAKE\""))
        .isEqualTo(intake + 1);
    assertThat(text).doesNotContain(started.person().fiscalCode(), started.participantId().toString());
  }

  @Test
  void shouldAnswerTheProbesToAnyoneWithoutDetails() {
    for (String probe : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
      ApiClient.Response health = api.anonymous().get(probe);
      assertThat(health.status()).as(probe).isEqualTo(200);
      assertThat(health.json().path("status").asText()).as(probe).isEqualTo("UP");
      assertThat(health.json().has("components")).as(probe).isFalse();
    }
  }

  @Test
  void shouldGiveEveryRequestAnIdInItsAnswerAndOnEveryLineLoggedForIt() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> plain = http.send(request("/api/session", null), HttpResponse.BodyHandlers.ofString());
    String generated = plain.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(UUID.fromString(generated)).isNotNull();
    HttpResponse<String> given = http.send(request("/api/session", "proxy-7f3a.42"),
        HttpResponse.BodyHandlers.ofString());
    assertThat(given.headers().firstValue("X-Request-Id")).contains("proxy-7f3a.42");
    HttpResponse<String> refused = http.send(request("/api/session", "<script>alert(1)</script>"),
        HttpResponse.BodyHandlers.ofString());
    assertThat(refused.headers().firstValue("X-Request-Id").orElseThrow()).doesNotContain("<").hasSize(36);

    try (LogCapture log = LogCapture.start()) {
      // a search by someone's fiscal code logs the search (not the code) under the request's id
      HttpResponse<String> search = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + api.port()
              + "/api/pathways/search?q=" + TestPeople.adult().fiscalCode()))
          .header("Authorization", ApiFixtures.basic(LAB_LORENTEGGIO, "demo")).header("X-Request-Id", "search-1")
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(search.statusCode()).isEqualTo(200);
      assertThat(log.lines()).filteredOn(l -> "search-1".equals(l.requestId())).isNotEmpty();
    }
  }

  @Test
  void shouldLogNoPersonalDataOfAPersonTakenThroughAPathway() {
    TestPeople.Person person = TestPeople.aged(41, "F");
    List<String> personal = List.of(person.fiscalCode(), person.firstName(), person.lastName());
    try (LogCapture log = LogCapture.start()) {
      ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO, person, "LAB");
      // the interview, once with a wrong answer carrying the fiscal code, then right
      String task = api.taskOf(started.pathwayId(), "Task_IntakeInterview");
      ApiClient.Response wrong = api.as(LAB_LORENTEGGIO).post("/api/tasks/" + task + "/complete",
          ApiFixtures.body(IntakeAnswers.eligibleWith(Map.of("education", person.fiscalCode()))));
      assertThat(wrong.status()).isEqualTo(400);
      api.completeTask(LAB_LORENTEGGIO, task, IntakeAnswers.eligible());
      // read back, searched for, and erased
      assertThat(api.as(LAB_LORENTEGGIO).get("/api/participants/" + started.participantId()).status()).isEqualTo(200);
      assertThat(api.as(LAB_LORENTEGGIO).get("/api/pathways/search?q=" + person.lastName()).status()).isEqualTo(200);
      ApiClient.Response erased = api.as(ApiFixtures.PRIVACY).delete("/api/participants/" + started.participantId(),
          Map.of("reason", "Richiesta dell'interessata"));
      assertThat(erased.status()).as("%s", erased).isIn(200, 204);
      assertThat(log.lines()).as("lines of the run").isNotEmpty();
      for (LogCapture.Line line : log.lines()) {
        for (String value : personal) {
          assertThat(line.text()).as("a log line").doesNotContain(value);
        }
      }
    }
  }

  /** {@code /actuator/prometheus} as Prometheus asks for it (text format), with an administrator's credentials. */
  private String scrape() throws Exception {
    HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + api.port() + "/actuator/prometheus"))
        .header("Authorization", ApiFixtures.basic(ADMIN, "demo")).header("Accept", "text/plain;version=0.0.4")
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.statusCode()).as(metrics.body()).isEqualTo(200);
    return metrics.body();
  }

  private HttpRequest request(String path, String requestId) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + api.port() + path))
        .header("Authorization", ApiFixtures.basic(LAB_LORENTEGGIO, "demo"));
    if (requestId != null) {
      builder.header("X-Request-Id", requestId);
    }
    return builder.build();
  }

  /** The value of a gauge line {@code name{...label...} value}. */
  private static long gauge(String text, String name, String label) {
    return text.lines().filter(l -> l.startsWith(name + "{") && l.contains(label)).findFirst()
        .map(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .orElseThrow(() -> new AssertionError("no " + name + " " + label));
  }
}
