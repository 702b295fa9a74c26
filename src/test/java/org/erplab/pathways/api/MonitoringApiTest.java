package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.erplab.pathways.api.ApiFixtures.ADMIN;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.erplab.pathways.pathway.process.ArrearsReductionProcess;
import org.erplab.pathways.security.Roles;
import org.erplab.pathways.security.process.ProcessStarts;
import org.erplab.pathways.support.WebappClient;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.erplab.pathways.monitoring.process.MonitoringGauges;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.IntakeAnswers;
import org.erplab.pathways.support.LogCapture;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.TestPeople;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
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

  /** The scraper's identity of these tests: a user in group {@code monitoring} only, as a deployment creates it. */
  private static final String MONITORING_USER = "prometheus.test";
  /** The priority of this class's jobs: the job executor started here acquires these and no other test's jobs. */
  private static final long OWN_JOB_PRIORITY = 471_100_011L;
  private static final String SUCCEEDS = "Task_Succeeds";
  private static final String FAILS = "Task_Fails";

  @Test
  void shouldLetTheMonitoringIdentityReadTheMetricsAndNothingElse() throws Exception {
    // created as a deployment creates it: by an administrator, a user put in group "monitoring" (here engine REST;
    // the Admin webapp does the same)
    if (context.getBean(IdentityService.class).createUserQuery().userId(MONITORING_USER).count() == 0) {
      ApiClient admin = api.as(ADMIN);
      assertThat(admin.post("/engine-rest/user/create", Map.of(
          "profile", Map.of("id", MONITORING_USER, "firstName", "Prometheus", "lastName", "Scraper"),
          "credentials", Map.of("password", "demo"))).status()).isEqualTo(204);
      String membership = "/engine-rest/group/" + Roles.MONITORING + "/members/" + MONITORING_USER;
      assertThat(admin.put(membership, Map.of()).status()).isEqualTo(204);
    }
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    ApiClient monitoring = api.as(MONITORING_USER);

    context.getBean(MonitoringGauges.class).refresh();
    assertThat(scrape(MONITORING_USER)).contains("pathways_open", "camunda_jobs_executions_total");
    // nothing else: our API (reads, writes, its session), engine REST, the webapps
    for (String path : List.of("/api/pathways", "/api/session", "/api/pathways/" + started.pathwayId(),
        "/api/reports/funnel?project=" + LORENTEGGIO)) {
      ApiFixtures.assertProblem(monitoring.get(path), 403);
    }
    ApiFixtures.assertProblem(monitoring.post("/api/pathways", ApiFixtures.pathwayRequest(LORENTEGGIO, "LAB",
        TestPeople.adult().asRequest())), 403);
    for (String path : List.of("/engine-rest/task", "/engine-rest/process-definition", "/engine-rest/user",
        "/engine-rest/process-instance?businessKey=" + started.pathwayId())) {
      ApiClient.Response refused = monitoring.get(path);
      assertThat(refused.status()).as(path).isEqualTo(403);
      assertThat(refused.body()).as(path).doesNotContain(started.pathwayId().toString());
    }
    assertThat(WebappClient.from(api.port(), ApiClient.someAddress()).login(MONITORING_USER, "demo").status())
        .isIn(401, 403);
    // the others: staff refused, anonymous asked to log in; staff still pass at the other doors (a control)
    ApiFixtures.assertProblem(api.as(LAB_LORENTEGGIO).get("/actuator/prometheus"), 403);
    ApiFixtures.assertProblem(api.as(ApiFixtures.MANAGER).get("/actuator/prometheus"), 403);
    ApiFixtures.assertProblem(api.anonymous().get("/actuator/prometheus"), 401);
    assertThat(api.as(LAB_LORENTEGGIO).get("/engine-rest/task").status()).isEqualTo(200);
    assertThat(api.as(LAB_LORENTEGGIO).get("/api/pathways/" + started.pathwayId()).status()).isEqualTo(200);
  }

  /**
   * The job executor's counters, over HTTP as Prometheus reads them: this node's executor runs a job that succeeds
   * and one that fails, and its counters grow by them; the engine's metrics reporter then flushes its own meters to
   * the database (which clears them), and the counters do not go back.
   */
  @Test
  void shouldCountTheJobExecutorsWorkAsMonotonicCounters() throws Exception {
    RepositoryService repository = context.getBean(RepositoryService.class);
    ManagementService management = context.getBean(ManagementService.class);
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
        context.getBean(ProcessEngine.class).getProcessEngineConfiguration();
    // a model of this test alone, as a version of a process the engine lets our code start (removed at the end)
    String deployment = repository.createDeployment().name("monitoring-jobs-test")
        .addModelInstance(ArrearsReductionProcess.KEY + ".bpmn", twoJobs()).deploy().getId();
    String definition = repository.createProcessDefinitionQuery().deploymentId(deployment).singleResult().getId();
    JobExecutor executor = configuration.getJobExecutor();
    // an idle node looks again within 5 s (application.yml), not Camunda's 60: timers due together start at once (the
    // tests' own executor is not the starter's: the setting is read from the starter's properties)
    assertThat(context.getBean(CamundaBpmProperties.class).getJobExecution().getMaxWait())
        .as("the job executor's longest idle wait, ms").isEqualTo(5000);
    boolean byPriority = configuration.isJobExecutorAcquireByPriority();
    long min = configuration.getJobExecutorPriorityRangeMin();
    long max = configuration.getJobExecutorPriorityRangeMax();
    try {
      String instance = ProcessStarts.permit(ArrearsReductionProcess.KEY, LORENTEGGIO,
          () -> context.getBean(RuntimeService.class).createProcessInstanceById(definition).execute().getId());
      assertThat(management.createJobQuery().processInstanceId(instance).count()).as("its jobs").isEqualTo(2);
      String before = scrape();
      management.registerDeploymentForJobExecutor(deployment);
      configuration.setJobExecutorAcquireByPriority(true);
      configuration.setJobExecutorPriorityRangeMin(OWN_JOB_PRIORITY);
      configuration.setJobExecutorPriorityRangeMax(OWN_JOB_PRIORITY);
      assertThat(executor.isActive()).as("the tests' job executor is off").isFalse();
      executor.start();
      await("the job executor ran both jobs").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
          .until(() -> management.createJobQuery().processInstanceId(instance).activityId(SUCCEEDS).count() == 0
              && management.createJobQuery().processInstanceId(instance).activityId(FAILS).noRetriesLeft().count() == 1);
      executor.shutdown();
      Job failed = management.createJobQuery().processInstanceId(instance).singleResult();
      assertThat(failed.getExceptionMessage()).contains("monitoringNoSuchBean");
      assertThat(context.getBean(org.camunda.bpm.engine.HistoryService.class).createHistoricActivityInstanceQuery()
          .processInstanceId(instance).activityId("EndEvent_Succeeded").finished().count()).isEqualTo(1);

      String after = scrape();
      assertThat(counter(after, "camunda_jobs_acquired_total", "")).isGreaterThanOrEqualTo(
          counter(before, "camunda_jobs_acquired_total", "") + 2);
      assertThat(counter(after, "camunda_jobs_acquisition_attempts_total", "")).isGreaterThan(
          counter(before, "camunda_jobs_acquisition_attempts_total", ""));
      assertThat(counter(after, "camunda_jobs_executions_total", "result=\"success\"")).isGreaterThanOrEqualTo(
          counter(before, "camunda_jobs_executions_total", "result=\"success\"") + 1);
      assertThat(counter(after, "camunda_jobs_executions_total", "result=\"failure\"")).isGreaterThanOrEqualTo(
          counter(before, "camunda_jobs_executions_total", "result=\"failure\"") + 1);
      assertThat(after).contains("camunda_jobs_rejected_total", "camunda_jobs_acquisition_conflicts_total");

      // the engine's reporter takes and clears its meters: the counters are not its meters, they stay
      management.reportDbMetricsNow();
      String flushed = scrape();
      for (String[] line : new String[][] {{"camunda_jobs_acquired_total", ""},
          {"camunda_jobs_executions_total", "result=\"success\""},
          {"camunda_jobs_executions_total", "result=\"failure\""}}) {
        assertThat(counter(flushed, line[0], line[1])).as("%s %s", line[0], line[1])
            .isGreaterThanOrEqualTo(counter(after, line[0], line[1]));
      }
    } finally {
      if (executor.isActive()) {
        executor.shutdown();
      }
      configuration.setJobExecutorAcquireByPriority(byPriority);
      configuration.setJobExecutorPriorityRangeMin(min);
      configuration.setJobExecutorPriorityRangeMax(max);
      management.unregisterDeploymentForJobExecutor(deployment);
      repository.deleteDeployment(deployment, true);
    }
  }

  /**
   * JSON logs as {@code logging.structured.format.console=ecs} writes them (Spring Boot's encoder for that format):
   * every line one JSON object, with the request's id as {@code requestId}, and no fiscal code searched for.
   */
  @Test
  void shouldWriteJsonLogLinesWithTheRequestId() throws Exception {
    LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    StructuredLogEncoder encoder = new StructuredLogEncoder();
    encoder.setContext(logback);
    encoder.setFormat("ecs");
    encoder.setCharset(StandardCharsets.UTF_8);
    encoder.start();
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    OutputStreamAppender<ILoggingEvent> json = new OutputStreamAppender<>();
    json.setContext(logback);
    json.setEncoder(encoder);
    json.setOutputStream(written);
    json.start();
    TestPeople.Person person = TestPeople.adult();
    try (LogCapture log = LogCapture.start()) {
      root.addAppender(json);
      HttpResponse<String> search = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
              "http://localhost:" + api.port() + "/api/pathways/search?q=" + person.fiscalCode()))
          .header("Authorization", ApiFixtures.basic(LAB_LORENTEGGIO, "demo")).header("X-Request-Id", "json-7")
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(search.statusCode()).isEqualTo(200);
    } finally {
      root.detachAppender(json);
      json.stop();
    }
    List<String> lines = written.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).as("JSON lines written").isNotEmpty();
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> objects = new java.util.ArrayList<>();
    for (String line : lines) {
      JsonNode node = mapper.readTree(line);
      assertThat(node.isObject()).as(line).isTrue();
      assertThat(node.has("@timestamp") && node.has("message") && node.path("log").has("level")).as(line).isTrue();
      assertThat(line).doesNotContain(person.fiscalCode());
      objects.add(node);
    }
    assertThat(objects).as("lines of the request, by its id")
        .anyMatch(node -> "json-7".equals(node.path("requestId").asText()));
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
    return scrape(ADMIN);
  }

  /** {@code /actuator/prometheus} as Prometheus asks for it (text format), as {@code user}. */
  private String scrape(String user) throws Exception {
    HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + api.port() + "/actuator/prometheus"))
        .header("Authorization", ApiFixtures.basic(user, "demo")).header("Accept", "text/plain;version=0.0.4")
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

  /**
   * Two asynchronous steps side by side, each a job of this class's own priority run once (a failure leaves it
   * without retries): one succeeds, one fails on an unknown bean.
   */
  private static BpmnModelInstance twoJobs() {
    return Bpmn.createExecutableProcess(ArrearsReductionProcess.KEY).camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Started")
        .parallelGateway("Gateway_Both")
        .serviceTask(SUCCEEDS).camundaExpression("${true}").camundaAsyncBefore()
        .camundaJobPriority(Long.toString(OWN_JOB_PRIORITY))
        .endEvent("EndEvent_Succeeded")
        .moveToNode("Gateway_Both")
        .serviceTask(FAILS).camundaExpression("${monitoringNoSuchBean.run()}").camundaAsyncBefore()
        .camundaJobPriority(Long.toString(OWN_JOB_PRIORITY)).camundaFailedJobRetryTimeCycle("R1/PT10M")
        .endEvent("EndEvent_Failed")
        .done();
  }

  /** The value of a counter line {@code name{...label...} value} (0 when Prometheus shows none yet). */
  private static double counter(String text, String name, String label) {
    return text.lines().filter(l -> l.startsWith(name + "{") && l.contains(label)).findFirst()
        .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .orElseThrow(() -> new AssertionError("no " + name + " " + label));
  }

  /** The value of a gauge line {@code name{...label...} value}. */
  private static long gauge(String text, String name, String label) {
    return text.lines().filter(l -> l.startsWith(name + "{") && l.contains(label)).findFirst()
        .map(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .orElseThrow(() -> new AssertionError("no " + name + " " + label));
  }
}
