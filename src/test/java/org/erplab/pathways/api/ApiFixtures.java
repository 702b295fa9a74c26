package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.OwnProject;
import org.erplab.pathways.support.TestPeople;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Shared steps of the API tests: demo users, starting pathways and driving them through their tasks over HTTP, and
 * looking behind the API (engine and registry, without any engine authentication) to check what a request did or
 * did not change.
 */
final class ApiFixtures {

  static final String LORENTEGGIO = "LORENTEGGIO";
  static final String BOLLATE = "BOLLATE";
  static final ZoneId ROME = ZoneId.of("Europe/Rome");

  // demo users (password "demo")
  static final String LAB_LORENTEGGIO = "lab.lorenteggio";
  static final String CPI_MILANO = "cpi.milano";
  static final String OPERATOR_LORENTEGGIO = "operator.lorenteggio";
  static final String LAB_BOLLATE = "lab.bollate";
  static final String CPI_BOLLATE = "cpi.bollate";
  static final String OPERATOR_BOLLATE = "operator.bollate";
  static final String MANAGER = "manager";
  static final String AUDITOR = "auditor";
  static final String ADMIN = "admin";
  static final String PRIVACY = "privacy";

  // users the tests add (same password), for roles and combinations the demo data has no user for
  static final String CPI_MILANO_2 = "cpi.milano.test";
  static final String SOCIAL_LORENTEGGIO = "social.lorenteggio.test";
  static final String HOUSING_LORENTEGGIO = "housing.lorenteggio.test";
  static final String AUDITOR_BOLLATE = "auditor.bollate.test";
  static final String PRIVACY_BOLLATE = "privacy.bollate.test";
  /** The accredited operator of LORENTEGGIO that competes with SOLCO (operator.lorenteggio). */
  static final String OPERATOR_MESTIERI = "operator.mestieri.test";
  /** A second LORENTEGGIO lab user: a colleague who may claim what lab.lorenteggio may, and release its own claims. */
  static final String LAB_LORENTEGGIO_2 = "lab.lorenteggio.test";
  /**
   * The only user the tests send wrong passwords for: the identity service throttles logins after a failed attempt
   * (the user cannot log in for a few seconds, and is locked after 10 failures), so a wrong password for a demo user
   * would break the tests that follow.
   */
  static final String WRONG_PASSWORD_USER = "wrong.password.test";

  // task keys are part of the API contract: spelled out here (not taken from the process descriptors), so that
  // renaming an element in a model breaks these tests as it would break other systems
  static final String TASK_CALL_BACK = "Task_CallBack";
  static final String TASK_INTAKE_INTERVIEW = "Task_IntakeInterview";
  static final String TASK_VERIFY_ELIGIBILITY = "Task_VerifyEligibility";
  static final String TASK_ASSIGN_OPERATOR = "Task_AssignOperator";
  static final String TASK_FIRST_APPOINTMENT = "Task_FirstAppointment";

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final int port;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final JdbcClient jdbc;

  private final HistoryService historyService;
  private final ManagementService managementService;

  ApiFixtures(int port, ApplicationContext context) {
    this.port = port;
    this.taskService = context.getBean(TaskService.class);
    this.identityService = context.getBean(IdentityService.class);
    this.historyService = context.getBean(HistoryService.class);
    this.managementService = context.getBean(ManagementService.class);
    this.jdbc = context.getBean(JdbcClient.class);
    ensureTestUsers();
  }

  ApiClient as(String user) {
    return ApiClient.as(port, user);
  }

  ApiClient anonymous() {
    return ApiClient.anonymous(port);
  }

  /** An existing LORENTEGGIO lab user with a wrong password (see {@link #WRONG_PASSWORD_USER}). */
  ApiClient withWrongPassword() {
    // from a fresh address each time: failed logins are throttled per address and user (LoginThrottleTest)
    return ApiClient.as(port, WRONG_PASSWORD_USER, "wrong").from(ApiClient.someAddress());
  }

  int port() {
    return port;
  }

  // ---------------------------------------------------------------- users

  /** The users the tests add to the identity service (idempotent): a second LORENTEGGIO CPI, social, housing, ... */
  void ensureTestUsers() {
    ensureUser(CPI_MILANO_2, "cpi", "AFOL_MET", LORENTEGGIO);
    ensureUser(SOCIAL_LORENTEGGIO, "social", "COMUNE_MI", LORENTEGGIO);
    ensureUser(HOUSING_LORENTEGGIO, "housing", "ALER_MI", LORENTEGGIO);
    ensureUser(AUDITOR_BOLLATE, "auditor", "REGIONE_LOMBARDIA", BOLLATE);
    ensureUser(PRIVACY_BOLLATE, "privacy", "REGIONE_LOMBARDIA", BOLLATE);
    ensureUser(OPERATOR_MESTIERI, "operator", "MESTIERI", LORENTEGGIO);
    ensureUser(LAB_LORENTEGGIO_2, "lab", "MILOLAB", LORENTEGGIO);
    ensureUser(WRONG_PASSWORD_USER, "lab", "MILOLAB", LORENTEGGIO);
  }

  void ensureUser(String id, String role, String organisation, String project) {
    OwnProject.ensureUser(identityService, id, role, organisation, project);
  }


  // ---------------------------------------------------------------- pathways

  record Started(UUID pathwayId, UUID participantId, String processInstanceId, TestPeople.Person person) {}

  static Map<String, Object> pathwayRequest(String project, String channel, Map<String, Object> person) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("projectCode", project);
    request.put("channel", channel);
    request.put("person", person);
    return request;
  }

  /** A new adult taken in charge by the project's lab (channel LAB): waiting at Task_IntakeInterview. */
  Started startPathway(String user, String project) {
    return startPathway(user, project, TestPeople.adult(), "LAB");
  }

  Started startPathway(String user, String project, TestPeople.Person person, String channel) {
    ApiClient.Response response = as(user).post("/api/pathways", pathwayRequest(project, channel, person.asRequest()));
    assertThat(response.status()).as("start pathway: %s", response).isEqualTo(201);
    JsonNode body = response.json();
    return new Started(UUID.fromString(body.path("pathwayId").asText()),
        UUID.fromString(body.path("participantId").asText()), body.path("processInstanceId").asText(), person);
  }

  static String labOf(String project) {
    return LORENTEGGIO.equals(project) ? LAB_LORENTEGGIO : LAB_BOLLATE;
  }

  static String cpiOf(String project) {
    return LORENTEGGIO.equals(project) ? CPI_MILANO : CPI_BOLLATE;
  }

  /** A pathway whose person was found ELIGIBLE: waiting at Task_AssignOperator (cpi). */
  Started eligiblePathway(String project) {
    Started started = startPathway(labOf(project), project);
    completeTask(labOf(project), taskOf(started.pathwayId(), TASK_INTAKE_INTERVIEW), interview());
    return started;
  }

  /** A pathway handed to the accredited operator {@code organisation}: waiting at Task_FirstAppointment. */
  Started pathwayAtFirstAppointment(String project, String organisation) {
    Started started = eligiblePathway(project);
    completeTask(cpiOf(project), taskOf(started.pathwayId(), TASK_ASSIGN_OPERATOR),
        Map.of("operatorOrganisation", organisation));
    return started;
  }

  /**
   * A LORENTEGGIO pathway of SOLCO whose skills assessment sent the person to the social services: waiting at
   * Task_SocialReferral, in COMUNE_MI's part of the project.
   */
  UUID pathwayAtSocialReferral() {
    UUID pathway = pathwayAtFirstAppointment(LORENTEGGIO, "SOLCO").pathwayId();
    completeTask(OPERATOR_LORENTEGGIO, taskOf(pathway, TASK_FIRST_APPOINTMENT),
        Map.of("appointmentDate", org.erplab.pathways.common.domain.EngineClock.today().toString()));
    completeTask(OPERATOR_LORENTEGGIO, taskOf(pathway, "Task_SkillsAssessment"),
        Map.of("readyForWork", false, "needsSocialSupport", true, "selfEmploymentInterest", false,
            "orientationHours", 6, "eqfLevel", 3, "availability", "FULL_TIME"));
    return pathway;
  }

  /**
   * A LORENTEGGIO pathway of SOLCO with its plan signed today: in training, course MAG-01 (40 h, from 20 days ago to
   * 10 days ahead) running; one coaching service of 400.00 euro, an indemnity cap of 1,500.00, an internship.
   */
  UUID pathwayInTraining() {
    LocalDate today = org.erplab.pathways.common.domain.EngineClock.today();
    UUID pathway = pathwayWithPlanSignedToday(
        List.of(Map.of("code", "MAG-01", "title", "Logistica di magazzino", "plannedHours", 40,
            "startDate", today.minusDays(20).toString(), "endDate", today.plusDays(10).toString())),
        true, new java.math.BigDecimal("1500"));
    assertThat(pathwayRecord(pathway).get("stage")).isEqualTo("TRAINING");
    return pathway;
  }

  /**
   * A LORENTEGGIO pathway of SOLCO, assessed ready for work, whose plan (one coaching service, these courses, an
   * internship or not, that indemnity cap) was approved and signed today: what comes after the plan runs.
   */
  UUID pathwayWithPlanSignedToday(List<Map<String, Object>> courses, boolean internshipPlanned,
      java.math.BigDecimal indemnityCap) {
    LocalDate today = org.erplab.pathways.common.domain.EngineClock.today();
    UUID pathway = pathwayAtFirstAppointment(LORENTEGGIO, "SOLCO").pathwayId();
    completeTask(OPERATOR_LORENTEGGIO, taskOf(pathway, TASK_FIRST_APPOINTMENT),
        Map.of("appointmentDate", today.toString()));
    completeTask(OPERATOR_LORENTEGGIO, taskOf(pathway, "Task_SkillsAssessment"),
        Map.of("orientationHours", 12, "readyForWork", true, "needsSocialSupport", false,
            "selfEmploymentInterest", false, "eqfLevel", 3, "availability", "FULL_TIME"));
    ApiClient.Response plan = as(OPERATOR_LORENTEGGIO).put("/api/pathways/" + pathway + "/plan",
        Map.of("services", List.of(Map.of("type", "COACHING", "hours", 10, "cost", new java.math.BigDecimal("400"))),
            "courses", courses, "internshipPlanned", internshipPlanned, "indemnityCap", indemnityCap));
    assertThat(plan.status()).as("%s", plan).isEqualTo(201);
    completeTask(OPERATOR_LORENTEGGIO, taskOf(pathway, "Task_DraftPlan"), Map.of("planSubmitted", true));
    completeTask(CPI_MILANO, taskOf(pathway, "Task_ApprovePlan"), Map.of("planApproved", true));
    completeTask(OPERATOR_LORENTEGGIO, taskOf(pathway, "Task_RecordSignature"), Map.of("signedOn", today.toString()));
    return pathway;
  }

  /**
   * Hand-over, assessment (LABOUR), plan with one 10-hour course (ending today for those that complete it, in a month
   * for the others), approved and signed: the pathway is in training.
   */
  void intoTraining(OwnProject project, UUID pathway, boolean endsToday, boolean internship) {
    LocalDate today = org.erplab.pathways.common.domain.EngineClock.today();
    completeTask(project.cpi(), taskOf(pathway, "Task_AssignOperator"),
        Map.of("operatorOrganisation", project.operatorOrganisation()));
    completeTask(project.operator(), taskOf(pathway, "Task_FirstAppointment"),
        Map.of("appointmentDate", today.toString()));
    completeTask(project.operator(), taskOf(pathway, "Task_SkillsAssessment"),
        Map.of("orientationHours", 6, "readyForWork", true, "needsSocialSupport", false,
            "selfEmploymentInterest", false, "eqfLevel", 3, "availability", "FULL_TIME"));
    ApiClient.Response plan = as(project.operator()).put("/api/pathways/" + pathway + "/plan",
        Map.of("services", List.of(Map.of("type", "COACHING", "hours", 6, "cost", new java.math.BigDecimal("300"))),
            "courses", List.of(Map.of("code", "FUN-01", "title", "Carrellista", "plannedHours", 10,
                "startDate", today.minusDays(5).toString(),
                "endDate", (endsToday ? today : today.plusDays(30)).toString())),
            "internshipPlanned", internship, "indemnityCap", new java.math.BigDecimal("1000")));
    assertThat(plan.status()).as("%s", plan).isEqualTo(201);
    completeTask(project.operator(), taskOf(pathway, "Task_DraftPlan"), Map.of("planSubmitted", true));
    completeTask(project.cpi(), taskOf(pathway, "Task_ApprovePlan"), Map.of("planApproved", true));
    completeTask(project.operator(), taskOf(pathway, "Task_RecordSignature"),
        Map.of("signedOn", today.toString()));
  }

  /** Runs the steps {@code clients} at a time (people worked side by side); their results in the order given. */
  static <T> List<T> inParallel(List<java.util.concurrent.Callable<T>> steps, int clients) throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
    try {
      List<T> results = new java.util.ArrayList<>();
      for (java.util.concurrent.Future<T> future : pool.invokeAll(steps)) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  void completeTask(String user, String taskId, Map<String, Object> variables) {
    ApiClient.Response response = as(user).post("/api/tasks/" + taskId + "/complete", body(variables));
    assertThat(response.status()).as("complete task: %s", response).isEqualTo(204);
  }

  /** The valid answers of the intake interview that make an adult ELIGIBLE. */
  static Map<String, Object> interview() {
    return org.erplab.pathways.support.IntakeAnswers.eligible();
  }

  /** The interview with one answer changed ({@code null} removes it). */
  static Map<String, Object> interviewWith(String field, Object value) {
    Map<String, Object> values = interview();
    if (value == null) {
      values.remove(field);
    } else {
      values.put(field, value);
    }
    return values;
  }

  static Map<String, Object> body(Map<String, Object> variables) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("variables", variables);
    return body;
  }

  // ---------------------------------------------------------------- behind the API

  /** The open task of the pathway with that key, straight from the engine (no authorization), if any. */
  Optional<Task> openTask(UUID pathwayId, String taskKey) {
    return Optional.ofNullable(taskService.createTaskQuery().processInstanceBusinessKey(pathwayId.toString())
        .taskDefinitionKey(taskKey).singleResult());
  }

  /** The id of the pathway's open task with that key; fails if there is none. */
  String taskOf(UUID pathwayId, String taskKey) {
    return openTask(pathwayId, taskKey)
        .orElseThrow(() -> new AssertionError("pathway " + pathwayId + " has no open " + taskKey))
        .getId();
  }

  List<String> openTaskKeys(UUID pathwayId) {
    return taskService.createTaskQuery().processInstanceBusinessKey(pathwayId.toString()).list().stream()
        .map(Task::getTaskDefinitionKey).sorted().toList();
  }

  /** The task as the engine has it now (null once completed). */
  Task task(String taskId) {
    return taskService.createTaskQuery().taskId(taskId).singleResult();
  }

  /** The id of the pathway's completed task with that key. */
  String completedTaskOf(UUID pathwayId, String taskKey) {
    return historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(pathwayId.toString())
        .taskDefinitionKey(taskKey).finished().list().stream()
        .map(HistoricTaskInstance::getId)
        .findFirst()
        .orElseThrow(() -> new AssertionError("pathway " + pathwayId + " has no completed " + taskKey));
  }

  /** To fire timers by hand (the job executor is off in tests). */
  ManagementService managementService() {
    return managementService;
  }

  /** The one job of the pathway's process instances (call activities included) waiting at that activity. */
  List<org.camunda.bpm.engine.runtime.Job> jobOf(UUID pathwayId, String activityId) {
    List<org.camunda.bpm.engine.runtime.Job> jobs = new java.util.ArrayList<>();
    historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(pathwayId.toString()).unfinished()
        .list().forEach(instance -> jobs.addAll(managementService.createJobQuery().processInstanceId(instance.getId())
            .activityId(activityId).list()));
    assertThat(jobs).as("%s of %s", activityId, pathwayId).hasSize(1);
    return jobs;
  }

  /** The user operation log of a task: "operation user", one per operation (not per changed property). */
  List<String> taskOperations(String taskId) {
    return historyService.createUserOperationLogQuery().taskId(taskId).list().stream()
        .map(entry -> entry.getOperationId() + " " + entry.getOperationType() + " " + entry.getUserId())
        .distinct().map(line -> line.substring(line.indexOf(' ') + 1)).toList();
  }

  /** Who completed the task, from history (null while open). */
  String completedBy(String taskId) {
    HistoricTaskInstance task = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
    return task == null || task.getEndTime() == null ? null : task.getAssignee();
  }

  /** The pathway's record as stored (stage, status, operator_organisation, ...). */
  Map<String, Object> pathwayRecord(UUID pathwayId) {
    return jdbc.sql("select * from pathway where id = ?").param(pathwayId).query().singleRow();
  }

  long participantCount(String fiscalCode) {
    return jdbc.sql("select count(*) from participant where fiscal_code = ?").param(fiscalCode)
        .query(Long.class).single();
  }

  long pathwayCount(String fiscalCode) {
    return jdbc.sql("select count(*) from pathway p join participant pa on pa.id = p.participant_id where pa.fiscal_code = ?")
        .param(fiscalCode).query(Long.class).single();
  }

  /** Ids of the person's pathways in the project that are not closed. */
  List<UUID> openPathways(String fiscalCode, String project) {
    return jdbc.sql("""
            select p.id from pathway p join participant pa on pa.id = p.participant_id
            where pa.fiscal_code = ? and p.project_code = ? and p.status <> 'CLOSED'""")
        .params(fiscalCode, project).query(UUID.class).list();
  }

  /** Rows of the variable in the engine's history for the pathway's instances (every version, every instance). */
  long historicVariableRows(UUID pathwayId, String name) {
    return jdbc.sql("""
            select count(*) from ACT_HI_VARINST v join ACT_HI_PROCINST p on p.PROC_INST_ID_ = v.PROC_INST_ID_
            where p.BUSINESS_KEY_ = ? and v.NAME_ = ?""")
        .params(pathwayId.toString(), name).query(Long.class).single();
  }

  long caseNoteCount(UUID pathwayId) {
    return jdbc.sql("select count(*) from case_note where pathway_id = ?").param(pathwayId).query(Long.class).single();
  }

  /** A count straight from the database (e.g. rows of a Camunda table), to see that a refused request stored nothing. */
  long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  long vulnerabilityCount(UUID pathwayId) {
    return jdbc.sql("select count(*) from participant_vulnerability where pathway_id = ?").param(pathwayId)
        .query(Long.class).single();
  }

  // ---------------------------------------------------------------- work lists

  /** Every task of the user's work list for the query (e.g. {@code project=LORENTEGGIO&overdue=true}), all pages. */
  List<JsonNode> allTasks(String user, String query) {
    List<JsonNode> all = new ArrayList<>();
    for (int first = 0; ; first += 200) {
      ApiClient.Response page = as(user).get("/api/tasks?maxResults=200&firstResult=" + first
          + (query.isEmpty() ? "" : "&" + query));
      assertThat(page.status()).as("GET /api/tasks: %s", page).isEqualTo(200);
      page.json().forEach(all::add);
      if (page.json().size() < 200) {
        return all;
      }
    }
  }

  Optional<JsonNode> listedTask(String user, String query, String taskId) {
    return allTasks(user, query).stream().filter(t -> taskId.equals(t.path("id").asText())).findFirst();
  }

  // ---------------------------------------------------------------- problems

  /** The field names of a 400's {@code errors}. */
  static List<String> errorFields(ApiClient.Response response) {
    List<String> fields = new ArrayList<>();
    response.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
    return fields;
  }

  /** Asserts an {@code application/problem+json} answer with that status (also in the body). */
  static void assertProblem(ApiClient.Response response, int status) {
    assertThat(response.status()).as("%s", response).isEqualTo(status);
    assertThat(response.isProblem()).as("problem+json: %s (%s)", response, response.contentType()).isTrue();
    assertThat(response.json().path("status").asInt()).as("status in body: %s", response).isEqualTo(status);
  }

  /** Asserts a 400 problem whose {@code errors} name exactly these fields, each with a message. */
  static void assertInvalid(ApiClient.Response response, String... fields) {
    assertProblem(response, 400);
    assertThat(errorFields(response)).as("errors of %s", response).containsExactlyInAnyOrder(fields);
    response.json().path("errors").forEach(e -> assertThat(e.path("message").asText()).isNotBlank());
  }

  // ---------------------------------------------------------------- raw HTTP

  record RawResponse(int status, String body, Optional<String> wwwAuthenticate) {}

  /** A request with an arbitrary Authorization header (or none), to see the headers of the answer. */
  RawResponse raw(String method, String path, String authorization, String jsonBody) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json")
        .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(jsonBody));
    if (jsonBody != null) {
      request.header("Content-Type", "application/json");
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
      // from a fresh address: failed logins are throttled per address and user (LoginThrottleTest)
      request.header("X-Forwarded-For", ApiClient.someAddress());
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new RawResponse(response.statusCode(), response.body(),
          response.headers().firstValue("WWW-Authenticate"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  // ---------------------------------------------------------------- concurrency

  /** Sends the requests at the same moment (each on its own thread, released together) and returns the answers. */
  @SafeVarargs
  static List<ApiClient.Response> simultaneously(Supplier<ApiClient.Response>... requests)
      throws Exception {
    CountDownLatch ready = new CountDownLatch(requests.length);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(requests.length);
    try {
      List<Future<ApiClient.Response>> futures = new ArrayList<>();
      for (Supplier<ApiClient.Response> request : requests) {
        futures.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          return request.get();
        }));
      }
      assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
      go.countDown();
      List<ApiClient.Response> responses = new ArrayList<>();
      for (Future<ApiClient.Response> future : futures) {
        responses.add(future.get(60, TimeUnit.SECONDS));
      }
      return responses;
    } finally {
      pool.shutdownNow();
    }
  }

  // ---------------------------------------------------------------- time

  /** End (23:59:59) of a day in Europe/Rome: when a deadline on that day falls. */
  static OffsetDateTime endOfDay(LocalDate day) {
    return ZonedDateTime.of(day, LocalTime.of(23, 59, 59), ROME).toOffsetDateTime();
  }

  static OffsetDateTime dateTime(JsonNode node) {
    return OffsetDateTime.parse(node.asText());
  }
}
