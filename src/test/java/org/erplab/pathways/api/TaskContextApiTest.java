package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR;
import static org.erplab.pathways.api.ApiFixtures.CPI_MILANO;
import static org.erplab.pathways.api.ApiFixtures.LAB_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.MANAGER;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.TASK_CALL_BACK;
import static org.erplab.pathways.api.ApiFixtures.TASK_FIRST_APPOINTMENT;
import static org.erplab.pathways.api.ApiFixtures.TASK_INTAKE_INTERVIEW;
import static org.erplab.pathways.api.ApiFixtures.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * What the Tasklist plugin "Persona" reads beside a task's form ({@code GET /api/tasks/{id}/context}): the person
 * for the roles that read personal files (each read in the access log, channel TASKLIST), the pathway alone for the
 * others, and nothing (404) for a task the caller would not find in its worklist.
 */
@PathwaysSpringTest
class TaskContextApiTest {

  static final String PHONE = "+39 347 7654321";
  static final String EMAIL = "registrata@example.org";

  private final ApiFixtures api;
  private final TaskService taskService;
  private final RuntimeService runtimeService;

  @Autowired
  TaskContextApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
    this.taskService = context.getBean(TaskService.class);
    this.runtimeService = context.getBean(RuntimeService.class);
  }

  /** A person who registered on the public page: the lab's call-back task waits. */
  static SelfRegistered selfRegistered(ApiFixtures api, String project) {
    TestPeople.Person person = TestPeople.adult();
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("projectCode", project);
    request.put("fiscalCode", person.fiscalCode());
    request.put("firstName", person.firstName());
    request.put("lastName", person.lastName());
    request.put("phone", PHONE);
    request.put("email", EMAIL);
    request.put("consent", true);
    ApiClient.Response response = api.anonymous().from(ApiClient.someAddress())
        .post("/api/public/registrations", request);
    assertThat(response.status()).as("%s", response).isEqualTo(202);
    UUID pathwayId = api.openPathways(person.fiscalCode(), project).get(0);
    UUID participantId = UUID.fromString(String.valueOf(api.pathwayRecord(pathwayId).get("participant_id")));
    return new SelfRegistered(pathwayId, participantId, person, api.taskOf(pathwayId, TASK_CALL_BACK));
  }

  record SelfRegistered(UUID pathwayId, UUID participantId, TestPeople.Person person, String callBackTask) {}

  @Test
  void shouldShowTheLabWhomToCallBesideTheCallBackAndLogTheRead() {
    SelfRegistered registered = selfRegistered(api, LORENTEGGIO);
    int logged = accessLog(registered.participantId()).size();

    ApiClient.Response response = api.as(LAB_LORENTEGGIO).get(context(registered.callBackTask()));

    assertThat(response.status()).as("%s", response).isEqualTo(200);
    JsonNode context = response.json();
    assertThat(context.path("taskId").asText()).isEqualTo(registered.callBackTask());
    assertThat(context.path("taskKey").asText()).isEqualTo(TASK_CALL_BACK);
    assertThat(context.path("pathwayId").asText()).isEqualTo(registered.pathwayId().toString());
    assertThat(context.path("projectCode").asText()).isEqualTo(LORENTEGGIO);
    assertThat(context.path("stage").asText()).isEqualTo("INTAKE");
    assertThat(context.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(context.path("personalData").asBoolean()).isTrue();
    assertThat(context.path("person").path("firstName").asText()).isEqualTo(registered.person().firstName());
    assertThat(context.path("person").path("lastName").asText()).isEqualTo(registered.person().lastName());
    assertThat(context.path("person").path("phone").asText()).isEqualTo(PHONE);
    assertThat(context.path("person").path("email").asText()).isEqualTo(EMAIL);
    // the person's fiscal code and birth date are not needed to call back: not sent
    assertThat(response.body()).doesNotContain(registered.person().fiscalCode());
    assertThat(context.path("due").asText()).isNotBlank();
    JsonNode deadline = context.path("openDeadlines").get(0);
    assertThat(deadline.path("kind").asText()).isEqualTo("CALL_BACK");
    assertThat(deadline.path("thisTask").asBoolean()).isTrue();
    assertThat(context.path("notes").isArray()).isTrue();

    List<JsonNode> log = accessLog(registered.participantId());
    assertThat(log).hasSize(logged + 1);
    assertThat(log.get(log.size() - 1).path("userId").asText()).isEqualTo(LAB_LORENTEGGIO);
    assertThat(log.get(log.size() - 1).path("channel").asText())
        .isEqualTo("TASKLIST GET /api/tasks/" + registered.callBackTask() + "/context");
  }

  @Test
  void shouldShowTheHoursSoFarBesideTheCourseOutcome() {
    // a pathway in training: 6 of the course's 40 hours attended when the course ends
    UUID pathway = api.pathwayInTraining();
    ApiClient.Response recorded = api.as(OPERATOR_LORENTEGGIO).post("/api/pathways/" + pathway + "/attendance",
        Map.of("courseCode", "MAG-01", "date", EngineClock.today().toString(), "hours", new BigDecimal("6")));
    assertThat(recorded.status()).as("%s", recorded).isEqualTo(201);
    Job courseEnd = api.managementService().createJobQuery().timers()
        .processInstanceId(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(pathway.toString())
            .processDefinitionKey("training").singleResult().getId())
        .singleResult();
    api.managementService().executeJob(courseEnd.getId());

    // the course was not completed: the operator decides how to go on, with the hours beside the form
    JsonNode context = api.as(OPERATOR_LORENTEGGIO).get(context(api.taskOf(pathway, "Task_CourseOutcome"))).json();

    assertThat(context.path("stage").asText()).isEqualTo("TRAINING");
    JsonNode course = context.path("hours").path("courses").get(0);
    assertThat(course.path("code").asText()).isEqualTo("MAG-01");
    assertThat(course.path("title").asText()).isEqualTo("Logistica di magazzino");
    assertThat(course.path("plannedHours").decimalValue()).isEqualByComparingTo("40");
    assertThat(course.path("attendedHours").decimalValue()).isEqualByComparingTo("6");
    assertThat(course.path("attendanceRate").decimalValue()).isEqualByComparingTo("15");
    assertThat(context.path("hours").path("internship").isArray()).isTrue();
    assertThat(context.path("hours").path("internship")).isEmpty();
  }

  @Test
  void shouldShowTheRecentCaseNotesNewestFirst() {
    SelfRegistered registered = selfRegistered(api, LORENTEGGIO);
    api.completeTask(LAB_LORENTEGGIO, registered.callBackTask(),
        Map.of("contactOutcome", "REACHED", "note", "Richiamata alle 10, disponibile martedì"));
    String interview = api.taskOf(registered.pathwayId(), TASK_INTAKE_INTERVIEW);

    JsonNode context = api.as(LAB_LORENTEGGIO).get(context(interview)).json();

    assertThat(context.path("taskKey").asText()).isEqualTo(TASK_INTAKE_INTERVIEW);
    assertThat(context.path("notes")).hasSize(1);
    assertThat(context.path("notes").get(0).path("text").asText()).isEqualTo("Richiamata alle 10, disponibile martedì");
    assertThat(context.path("notes").get(0).path("author").asText()).isEqualTo(LAB_LORENTEGGIO);
  }

  @Test
  void shouldShowTheOperatorThePersonOfThePathwayHandedToIt() {
    ApiFixtures.Started handedOver = api.pathwayAtFirstAppointment(LORENTEGGIO, "SOLCO");
    String appointment = api.taskOf(handedOver.pathwayId(), TASK_FIRST_APPOINTMENT);

    JsonNode context = api.as(OPERATOR_LORENTEGGIO).get(context(appointment)).json();

    assertThat(context.path("personalData").asBoolean()).isTrue();
    assertThat(context.path("person").path("lastName").asText()).isEqualTo(handedOver.person().lastName());
    assertThat(context.path("operatorOrganisation").asText()).isEqualTo("SOLCO");
  }

  @Test
  void shouldShowOnlyThePathwayToARoleThatReadsNoPersonalFiles() {
    // a manager working a task (assigned to it): the pathway's facts, not the person, and no read logged
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    String interview = api.taskOf(started.pathwayId(), TASK_INTAKE_INTERVIEW);
    taskService.setAssignee(interview, MANAGER);
    int logged = accessLog(started.participantId()).size();

    ApiClient.Response response = api.as(MANAGER).get(context(interview));

    assertThat(response.status()).as("%s", response).isEqualTo(200);
    JsonNode context = response.json();
    assertThat(context.path("projectCode").asText()).isEqualTo(LORENTEGGIO);
    assertThat(context.path("stage").asText()).isEqualTo("INTAKE");
    assertThat(context.path("personalData").asBoolean()).isFalse();
    assertThat(context.path("person").isNull()).isTrue();
    assertThat(context.path("notes").isNull()).isTrue();
    assertThat(response.body()).doesNotContain(started.person().lastName()).doesNotContain("+39");
    assertThat(accessLog(started.participantId())).hasSize(logged);
  }

  @Test
  void shouldLeaveThePersonOutWhenOnlyThePathwayIsAskedFor() {
    // the task cards of Tasklist's list show the project and the stage: no person read, nothing logged
    SelfRegistered registered = selfRegistered(api, LORENTEGGIO);
    int logged = accessLog(registered.participantId()).size();

    ApiClient.Response response = api.as(LAB_LORENTEGGIO).get(context(registered.callBackTask()) + "?personal=false");

    assertThat(response.status()).as("%s", response).isEqualTo(200);
    assertThat(response.json().path("projectCode").asText()).isEqualTo(LORENTEGGIO);
    assertThat(response.json().path("stage").asText()).isEqualTo("INTAKE");
    assertThat(response.json().path("personalData").asBoolean()).isFalse();
    assertThat(response.body()).doesNotContain(registered.person().lastName()).doesNotContain(PHONE);
    assertThat(accessLog(registered.participantId())).hasSize(logged);
    assertProblem(api.as(LAB_LORENTEGGIO).get(context(registered.callBackTask()) + "?personal=maybe"), 400);
  }

  @ParameterizedTest
  @ValueSource(strings = {LAB_BOLLATE, OPERATOR_BOLLATE, OPERATOR_LORENTEGGIO, CPI_MILANO, MANAGER, AUDITOR})
  void shouldNotFindATaskTheCallerWouldNotFindInItsWorklist(String user) {
    // another project's lab and operator; an operator with no part in it; the CPI, the manager and the auditor of
    // the project, none of whose groups is a candidate of the lab's call-back
    SelfRegistered registered = selfRegistered(api, LORENTEGGIO);
    int logged = accessLog(registered.participantId()).size();

    ApiClient.Response response = api.as(user).get(context(registered.callBackTask()));

    assertProblem(response, 404);
    assertThat(response.body()).doesNotContain(registered.person().lastName()).doesNotContain(PHONE);
    assertThat(accessLog(registered.participantId())).hasSize(logged);
  }

  @Test
  void shouldNotFindAnUnknownOrCompletedTask() {
    assertProblem(api.as(LAB_LORENTEGGIO).get(context(UUID.randomUUID().toString())), 404);
    assertProblem(api.as(LAB_LORENTEGGIO).get(context("not-a-task-id")), 404);
    SelfRegistered registered = selfRegistered(api, LORENTEGGIO);
    api.completeTask(LAB_LORENTEGGIO, registered.callBackTask(), Map.of("contactOutcome", "REACHED"));
    assertProblem(api.as(LAB_LORENTEGGIO).get(context(registered.callBackTask())), 404);
  }

  @Test
  void shouldAskForALogin() {
    SelfRegistered registered = selfRegistered(api, LORENTEGGIO);
    assertThat(api.anonymous().get(context(registered.callBackTask())).status()).isEqualTo(401);
    assertThat(api.withWrongPassword().get(context(registered.callBackTask())).status()).isEqualTo(401);
  }

  private static String context(String taskId) {
    return "/api/tasks/" + taskId + "/context";
  }

  private List<JsonNode> accessLog(UUID participantId) {
    ApiClient.Response response = api.as(AUDITOR).get("/api/participants/" + participantId + "/access-log");
    assertThat(response.status()).as("%s", response).isEqualTo(200);
    List<JsonNode> entries = new ArrayList<>();
    response.json().forEach(entries::add);
    return entries;
  }
}
