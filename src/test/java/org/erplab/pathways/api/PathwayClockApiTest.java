package org.erplab.pathways.api;

import org.erplab.pathways.common.domain.EngineClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.ADMIN;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR;
import static org.erplab.pathways.api.ApiFixtures.CPI_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.CPI_MILANO;
import static org.erplab.pathways.api.ApiFixtures.LAB_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.MANAGER;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_MESTIERI;
import static org.erplab.pathways.api.ApiFixtures.TASK_FIRST_APPOINTMENT;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Suspension, resumption and withdrawal of a pathway over real HTTP, at every door: who may do it, what a suspended
 * pathway refuses (409 naming the suspension at our API, engine REST and the webapps' engine API), what stays as it
 * was after a refused request, and the lists of reasons. Deadline arithmetic: {@code PathwayClocksTest}.
 */
@PathwaysSpringTest
class PathwayClockApiTest {

  private static final Map<String, Object> ILLNESS = Map.of("reason", "ILLNESS");
  private static final Map<String, Object> BACK = Map.of("reason", "Rientrata dalla malattia");

  private final ApiFixtures api;
  private final int port;

  @Autowired
  PathwayClockApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
    this.port = port;
    api.ensureTestUsers();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // ------------------------------------------------------------------ who may

  static Stream<Arguments> suspenders() {
    return Stream.of(
        Arguments.of(CPI_MILANO, 201), Arguments.of(MANAGER, 201), Arguments.of(OPERATOR_LORENTEGGIO, 201),
        Arguments.of(LAB_LORENTEGGIO, 403), Arguments.of(AUDITOR, 403), Arguments.of(ADMIN, 403),
        Arguments.of(OPERATOR_MESTIERI, 404), Arguments.of(LAB_BOLLATE, 404), Arguments.of(CPI_BOLLATE, 404),
        Arguments.of(OPERATOR_BOLLATE, 404), Arguments.of(null, 401));
  }

  @ParameterizedTest(name = "{0} suspends: {1}")
  @MethodSource("suspenders")
  void shouldLetTheOperatorOfThePathwayTheCpiAndManagersSuspendAndResume(String user, int expected) {
    UUID pathway = api.pathwayAtFirstAppointment(LORENTEGGIO, "SOLCO").pathwayId();

    ApiClient.Response suspended = client(user).post(path(pathway, "suspension"), ILLNESS);

    assertThat(suspended.status()).as("%s", suspended).isEqualTo(expected);
    if (expected == 201) {
      assertThat(suspended.json().path("status").asText()).isEqualTo("SUSPENDED");
      assertThat(suspended.json().path("suspensions").get(0).path("reason").asText()).isEqualTo("ILLNESS");
      assertThat(suspended.json().path("suspensions").get(0).path("suspendedBy").asText()).isEqualTo(user);
      assertThat(suspended.json().path("openTasks").get(0).path("suspended").asBoolean()).isTrue();
      ApiClient.Response resumed = client(user).post(path(pathway, "resumption"), BACK);
      assertThat(resumed.status()).as("%s", resumed).isEqualTo(200);
      assertThat(resumed.json().path("status").asText()).isEqualTo("ACTIVE");
    } else {
      assertThat(api.pathwayRecord(pathway).get("status")).isEqualTo("ACTIVE");
      assertThat(api.task(api.taskOf(pathway, TASK_FIRST_APPOINTMENT)).isSuspended()).isFalse();
      if (user != null) {
        assertThat(suspended.isProblem()).isTrue();
      }
    }
  }

  static Stream<Arguments> withdrawers() {
    return Stream.of(
        Arguments.of(LAB_LORENTEGGIO, 201), Arguments.of(CPI_MILANO, 201), Arguments.of(OPERATOR_LORENTEGGIO, 201),
        Arguments.of(MANAGER, 403), Arguments.of(AUDITOR, 403), Arguments.of(ADMIN, 403),
        Arguments.of(OPERATOR_MESTIERI, 404), Arguments.of(LAB_BOLLATE, 404), Arguments.of(OPERATOR_BOLLATE, 404),
        Arguments.of(null, 401));
  }

  @ParameterizedTest(name = "{0} records a withdrawal: {1}")
  @MethodSource("withdrawers")
  void shouldLetTheLabTheCpiAndTheOperatorOfThePathwayRecordAWithdrawal(String user, int expected) {
    UUID pathway = api.pathwayAtFirstAppointment(LORENTEGGIO, "SOLCO").pathwayId();

    ApiClient.Response response = client(user).post(path(pathway, "withdrawal"),
        Map.of("reason", "FOUND_JOB_ALONE", "date", today()));

    assertThat(response.status()).as("%s", response).isEqualTo(expected);
    if (expected == 201) {
      JsonNode view = response.json();
      assertThat(view.path("status").asText()).isEqualTo("CLOSED");
      assertThat(view.path("outcome").asText()).isEqualTo("WITHDRAWN");
      assertThat(view.path("stage").asText()).isEqualTo("FIRST_APPOINTMENT");
      assertThat(view.path("reasons").get(0).asText()).isEqualTo("FOUND_JOB_ALONE");
      assertThat(view.path("withdrawalDate").asText()).isEqualTo(today());
      assertThat(view.path("openTasks")).isEmpty();
      assertThat(view.path("deadlines").findValuesAsText("state")).doesNotContain("OPEN").contains("CANCELLED");
    } else {
      assertThat(api.pathwayRecord(pathway).get("status")).isEqualTo("ACTIVE");
      assertThat(api.openTaskKeys(pathway)).containsExactly(TASK_FIRST_APPOINTMENT);
    }
  }

  // ------------------------------------------------------------------ a suspended pathway at every door

  enum WorkDoor { API, REST, WEB }

  @ParameterizedTest
  @EnumSource(WorkDoor.class)
  void shouldRefuseToClaimOrCompleteATaskOfASuspendedPathwayAtEveryDoor(WorkDoor door) {
    UUID pathway = api.pathwayAtFirstAppointment(LORENTEGGIO, "SOLCO").pathwayId();
    String taskId = api.taskOf(pathway, TASK_FIRST_APPOINTMENT);
    assertThat(api.as(CPI_MILANO).post(path(pathway, "suspension"), ILLNESS).status()).isEqualTo(201);
    Map<String, Object> answer = Map.of("appointmentDate", today());

    List<ApiClient.Response> responses = new ArrayList<>();
    switch (door) {
      case API -> {
        responses.add(api.as(OPERATOR_LORENTEGGIO).post("/api/tasks/" + taskId + "/claim", ""));
        responses.add(api.as(OPERATOR_LORENTEGGIO).post("/api/tasks/" + taskId + "/complete", ApiFixtures.body(answer)));
      }
      case REST, WEB -> {
        Doors.EngineDoor engine = Doors.engine(port, door == WorkDoor.REST ? Doors.Door.REST : Doors.Door.WEB,
            OPERATOR_LORENTEGGIO);
        responses.add(engine.post("/task/" + taskId + "/claim", Map.of("userId", OPERATOR_LORENTEGGIO)));
        responses.add(engine.post("/task/" + taskId + "/complete", Map.of("variables", Doors.typedAll(answer))));
        responses.add(engine.post("/task/" + taskId + "/submit-form", Map.of("variables", Doors.typedAll(answer))));
      }
    }

    for (ApiClient.Response response : responses) {
      assertThat(response.status()).as("%s", response).isEqualTo(409);
      assertThat(response.body()).contains("suspended");
    }
    assertThat(api.task(taskId)).isNotNull();
    assertThat(api.task(taskId).getAssignee()).isNull();
    assertThat(api.pathwayRecord(pathway).get("stage")).isEqualTo("FIRST_APPOINTMENT");
  }

  @ParameterizedTest
  @EnumSource(value = Doors.Door.class, names = {"REST", "WEB"})
  void shouldRefuseToSuspendOrMoveTimersThroughTheEngineEvenForAnAdministrator(Doors.Door door) {
    UUID pathway = api.pathwayAtFirstAppointment(LORENTEGGIO, "SOLCO").pathwayId();
    String instanceId = api.task(api.taskOf(pathway, TASK_FIRST_APPOINTMENT)).getProcessInstanceId();
    String jobId = api.managementService().createJobQuery().processInstanceId(instanceId).timers().singleResult().getId();
    Doors.EngineDoor engine = Doors.engine(port, door, ADMIN);

    List<ApiClient.Response> responses = List.of(
        engine.put("/process-instance/" + instanceId + "/suspended", Map.of("suspended", true)),
        engine.put("/process-definition/key/handover/suspended", Map.of("suspended", true,
            "includeProcessInstances", true)),
        engine.put("/job/" + jobId + "/duedate", Map.of("duedate", "2030-01-01T00:00:00.000+0100")),
        engine.put("/job/" + jobId + "/suspended", Map.of("suspended", true)));

    for (ApiClient.Response response : responses) {
      assertThat(response.status()).as("%s", response).isEqualTo(403);
    }
    assertThat(api.task(api.taskOf(pathway, TASK_FIRST_APPOINTMENT)).isSuspended()).isFalse();
    assertThat(api.managementService().createJobQuery().jobId(jobId).singleResult().isSuspended()).isFalse();
  }

  @Test
  void shouldListTheTasksOfASuspendedPathwayAsSuspendedAndNeverOverdue() {
    UUID pathway = api.pathwayAtFirstAppointment(LORENTEGGIO, "SOLCO").pathwayId();
    String taskId = api.taskOf(pathway, TASK_FIRST_APPOINTMENT);
    api.as(MANAGER).post(path(pathway, "suspension"), Map.of("reason", "PROGRAMME_PAUSE",
        "expectedResumption", LocalDate.now(EngineClock.ZONE).plusDays(20).toString()));

    // a month later, long past the due date
    ClockUtil.setCurrentTime(new java.util.Date(System.currentTimeMillis() + 30L * 24 * 3600 * 1000));
    JsonNode task = api.listedTask(OPERATOR_LORENTEGGIO, "", taskId).orElseThrow();

    assertThat(task.path("suspended").asBoolean()).isTrue();
    assertThat(task.path("overdue").asBoolean()).isFalse();
    assertThat(task.path("deadline").path("kind").asText()).isEqualTo("FIRST_APPOINTMENT");
    assertThat(task.path("deadline").path("state").asText()).isEqualTo("OPEN");
    assertThat(api.listedTask(OPERATOR_LORENTEGGIO, "overdue=true", taskId)).isEmpty();
    assertThat(api.listedTask(OPERATOR_LORENTEGGIO, "overdue=false", taskId)).isPresent();
  }

  // ------------------------------------------------------------------ bad requests change nothing

  static Stream<Arguments> badSuspensions() {
    Map<String, Object> noReason = new HashMap<>();
    noReason.put("reason", null);
    return Stream.of(
        Arguments.of("suspension", noReason, "reason"),
        Arguments.of("suspension", Map.of("reason", "NAPPING"), "reason"),
        Arguments.of("suspension", Map.of("reason", "ILLNESS", "expectedResumption", "2020-01-01"),
            "expectedResumption"),
        Arguments.of("suspension", Map.of("reason", "ILLNESS", "expectedResumption", "10000-01-01"),
            "expectedResumption"),
        Arguments.of("withdrawal", Map.of("reason", "MOVED"), "date"),
        Arguments.of("withdrawal", Map.of("reason", "BORED", "date", "2026-01-01"), "reason"),
        Arguments.of("withdrawal", Map.of("reason", "MOVED", "date", "2099-01-01"), "date"),
        Arguments.of("withdrawal", Map.of("reason", "MOVED", "date", "2000-01-01"), "date"),
        Arguments.of("resumption", Map.of("reason", " "), "reason"),
        Arguments.of("resumption", Map.of("reason", "x".repeat(501)), "reason"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("badSuspensions")
  void shouldAnswerABadRequestNamingTheFieldAndChangeNothing(String action, Map<String, Object> body, String field) {
    UUID pathway = api.pathwayAtFirstAppointment(LORENTEGGIO, "SOLCO").pathwayId();

    ApiClient.Response response = api.as(CPI_MILANO).post(path(pathway, action), body);

    assertThat(response.status()).as("%s", response).isEqualTo(400);
    assertThat(response.isProblem()).isTrue();
    assertThat(response.json().path("errors").findValuesAsText("field")).contains(field);
    assertThat(api.pathwayRecord(pathway).get("status")).isEqualTo("ACTIVE");
    assertThat(api.count("select count(*) from pathway_suspension where pathway_id = ?", pathway)).isZero();
  }

  @Test
  void shouldAnswerConflictsForAResumptionWithoutSuspensionASecondSuspensionAndAClosedPathway() {
    UUID pathway = api.pathwayAtFirstAppointment(LORENTEGGIO, "SOLCO").pathwayId();

    assertThat(api.as(CPI_MILANO).post(path(pathway, "resumption"), BACK).status()).isEqualTo(409);
    assertThat(api.as(CPI_MILANO).post(path(pathway, "suspension"), ILLNESS).status()).isEqualTo(201);
    ApiClient.Response again = api.as(MANAGER).post(path(pathway, "suspension"), ILLNESS);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().path("detail").asText()).contains("already suspended");
    // a withdrawal while suspended closes it; nothing can be suspended or resumed afterwards
    assertThat(api.as(LAB_LORENTEGGIO).post(path(pathway, "withdrawal"), Map.of("reason", "HEALTH", "date", today()))
        .status()).isEqualTo(201);
    assertThat(api.as(CPI_MILANO).post(path(pathway, "resumption"), BACK).status()).isEqualTo(409);
    assertThat(api.as(CPI_MILANO).post(path(pathway, "suspension"), ILLNESS).status()).isEqualTo(409);
    assertThat(api.as(CPI_MILANO).post(path(pathway, "withdrawal"), Map.of("reason", "HEALTH", "date", today()))
        .status()).isEqualTo(409);
    assertThat(api.count("select count(*) from pathway_suspension where pathway_id = ? and resumed_at is null",
        pathway)).isZero();
  }

  @Test
  void shouldAnswerNotFoundForAPathwayThatDoesNotExist() {
    assertThat(api.as(CPI_MILANO).post(path(UUID.randomUUID(), "suspension"), ILLNESS).status()).isEqualTo(404);
    assertThat(api.as(CPI_MILANO).post(path(UUID.randomUUID(), "withdrawal"),
        Map.of("reason", "HEALTH", "date", today())).status()).isEqualTo(404);
  }

  // ------------------------------------------------------------------ the trail

  @Test
  void shouldShowDeadlinesSuspensionsAndWithdrawalInTheAuditTrail() {
    UUID pathway = api.pathwayAtFirstAppointment(LORENTEGGIO, "SOLCO").pathwayId();
    api.as(CPI_MILANO).post(path(pathway, "suspension"), ILLNESS);
    api.as(CPI_MILANO).post(path(pathway, "resumption"), BACK);
    api.as(LAB_LORENTEGGIO).post(path(pathway, "withdrawal"), Map.of("reason", "MOVED", "date", today()));

    JsonNode trail = api.as(AUDITOR).get("/api/pathways/" + pathway + "/audit").json();

    List<String> types = trail.findValuesAsText("type");
    assertThat(types).containsSubsequence("DEADLINE_CREATED", "DEADLINE_MET", "PATHWAY_SUSPENDED", "PATHWAY_RESUMED",
        "DEADLINE_CANCELLED", "PATHWAY_WITHDRAWN");
    JsonNode suspended = find(trail, "PATHWAY_SUSPENDED");
    assertThat(suspended.path("actor").asText()).isEqualTo(CPI_MILANO);
    assertThat(suspended.path("details").path("reason").asText()).isEqualTo("ILLNESS");
    assertThat(trail.toString()).doesNotContain("Rientrata");
  }

  // ------------------------------------------------------------------ reasons

  @Test
  void shouldListTheReasonsAndLetOnlyAManagerAddOne() {
    assertThat(api.as(OPERATOR_LORENTEGGIO).get("/api/reasons/SUSPENSION").json().findValuesAsText("code"))
        .contains("ILLNESS", "MATERNITY", "HOST_CLOSURE", "PERSONAL", "PROGRAMME_PAUSE", "OTHER");
    assertThat(api.as(LAB_LORENTEGGIO).get("/api/reasons/WITHDRAWAL").json().findValuesAsText("code"))
        .contains("PERSONAL", "FOUND_JOB_ALONE", "MOVED", "HEALTH", "NO_LONGER_INTERESTED", "OTHER");
    assertThat(api.as(CPI_MILANO).get("/api/reasons/HOLIDAY").status()).isEqualTo(404);
    assertThat(api.anonymous().get("/api/reasons/SUSPENSION").status()).isEqualTo(401);

    String code = "FLOOD_" + Long.toString(System.nanoTime() % 100000);
    Map<String, Object> flood = Map.of("code", code, "name", "Alluvione");
    assertThat(api.as(CPI_MILANO).post("/api/reasons/SUSPENSION", flood).status()).isEqualTo(403);
    assertThat(api.as(MANAGER).post("/api/reasons/SUSPENSION", Map.of("code", "lower case", "name", "x")).status())
        .isEqualTo(400);
    assertThat(api.as(MANAGER).post("/api/reasons/SUSPENSION", flood).status()).isEqualTo(201);
    assertThat(api.as(MANAGER).post("/api/reasons/SUSPENSION", flood).status()).isEqualTo(409);

    UUID pathway = api.pathwayAtFirstAppointment(LORENTEGGIO, "SOLCO").pathwayId();
    assertThat(api.as(CPI_MILANO).post(path(pathway, "suspension"), Map.of("reason", code)).status()).isEqualTo(201);
  }

  // ------------------------------------------------------------------ helpers

  private ApiClient client(String user) {
    return user == null ? api.anonymous() : api.as(user);
  }

  private static String path(UUID pathway, String action) {
    return "/api/pathways/" + pathway + "/" + action;
  }

  private static String today() {
    return org.erplab.pathways.common.domain.EngineClock.now().toLocalDate().toString();
  }

  private static JsonNode find(JsonNode trail, String type) {
    for (JsonNode entry : trail) {
      if (type.equals(entry.path("type").asText())) {
        return entry;
      }
    }
    throw new AssertionError("no " + type + " in " + trail);
  }
}
