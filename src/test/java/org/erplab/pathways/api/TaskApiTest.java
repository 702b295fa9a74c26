package org.erplab.pathways.api;

import org.erplab.pathways.common.domain.EngineClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.CPI_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.CPI_MILANO;
import static org.erplab.pathways.api.ApiFixtures.CPI_MILANO_2;
import static org.erplab.pathways.api.ApiFixtures.LAB_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.TASK_ASSIGN_OPERATOR;
import static org.erplab.pathways.api.ApiFixtures.TASK_CALL_BACK;
import static org.erplab.pathways.api.ApiFixtures.TASK_FIRST_APPOINTMENT;
import static org.erplab.pathways.api.ApiFixtures.TASK_INTAKE_INTERVIEW;
import static org.erplab.pathways.api.ApiFixtures.TASK_VERIFY_ELIGIBILITY;
import static org.erplab.pathways.api.ApiFixtures.assertInvalid;
import static org.erplab.pathways.api.ApiFixtures.assertProblem;
import static org.erplab.pathways.api.ApiFixtures.body;
import static org.erplab.pathways.api.ApiFixtures.dateTime;
import static org.erplab.pathways.api.ApiFixtures.endOfDay;
import static org.erplab.pathways.api.ApiFixtures.interview;
import static org.erplab.pathways.api.ApiFixtures.interviewWith;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.TestPeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The work list: {@code GET /api/tasks} and {@code POST /api/tasks/{id}/claim|unclaim|complete} over real HTTP. */
@PathwaysSpringTest
class TaskApiTest {

  private final ApiFixtures api;

  @Autowired
  TaskApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // ------------------------------------------------------------------ GET /api/tasks

  @Test
  void shouldListMyOpenTaskWithEveryField() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    Task engineTask = api.openTask(started.pathwayId(), TASK_INTAKE_INTERVIEW).orElseThrow();

    JsonNode task = api.listedTask(LAB_LORENTEGGIO, "", engineTask.getId()).orElseThrow();

    List<String> fields = new ArrayList<>();
    task.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactlyInAnyOrder("id", "name", "taskKey", "pathwayId", "projectCode",
        "candidateGroups", "assignee", "created", "due", "overdue", "suspended", "deadline", "priority", "formKey",
        "programmeEndsOn");
    assertThat(task.path("suspended").asBoolean(true)).isFalse();
    assertThat(task.path("deadline").path("kind").asText()).isEqualTo("INTAKE_INTERVIEW");
    assertThat(task.path("deadline").path("state").asText()).isEqualTo("OPEN");
    assertThat(dateTime(task.path("deadline").path("due")).toInstant())
        .isEqualTo(engineTask.getDueDate().toInstant());
    assertThat(task.path("name").asText()).isEqualTo("Colloquio di presa in carico");
    assertThat(task.path("taskKey").asText()).isEqualTo(TASK_INTAKE_INTERVIEW);
    assertThat(task.path("pathwayId").asText()).isEqualTo(started.pathwayId().toString());
    assertThat(task.path("projectCode").asText()).isEqualTo(LORENTEGGIO);
    assertThat(strings(task.path("candidateGroups"))).containsExactly("lab");
    assertThat(task.path("assignee").isNull()).isTrue();
    assertThat(dateTime(task.path("created")).toInstant()).isEqualTo(engineTask.getCreateTime().toInstant());
    assertThat(dateTime(task.path("due")).toInstant()).isEqualTo(engineTask.getDueDate().toInstant());
    assertThat(task.path("overdue").asBoolean(true)).isFalse();
    assertThat(task.path("formKey").asText()).isEqualTo("intake-interview");
  }

  @Test
  void shouldSetDueDatesAtTheEndOfTheNthWorkingDayOfTheProjectsCalendarInRome() {
    // Friday 4 December 2026: Monday 7 is Milano's patron day (not Bollate's), Tuesday 8 a national holiday
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(LocalDate.of(2026, 12, 4), LocalTime.of(10, 0),
        ApiFixtures.ROME).toInstant()));

    ApiFixtures.Started interview = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    ApiFixtures.Started callBack = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO, TestPeople.adult(),
        "SELF_REGISTRATION");
    ApiFixtures.Started bollateCallBack = api.startPathway(LAB_BOLLATE, BOLLATE, TestPeople.adult(),
        "SELF_REGISTRATION");

    JsonNode interviewTask = api.listedTask(LAB_LORENTEGGIO, "project=LORENTEGGIO",
        api.taskOf(interview.pathwayId(), TASK_INTAKE_INTERVIEW)).orElseThrow();
    JsonNode callBackTask = api.listedTask(LAB_LORENTEGGIO, "project=LORENTEGGIO",
        api.taskOf(callBack.pathwayId(), TASK_CALL_BACK)).orElseThrow();
    JsonNode bollateTask = api.listedTask(LAB_BOLLATE, "project=BOLLATE",
        api.taskOf(bollateCallBack.pathwayId(), TASK_CALL_BACK)).orElseThrow();
    // 10 working days: 9, 10, 11, 14, 15, 16, 17, 18, 21, 22
    assertThat(dateTime(interviewTask.path("due"))).isEqualTo(endOfDay(LocalDate.of(2026, 12, 22)));
    // 5 working days in Milano: 9, 10, 11, 14, 15
    assertThat(dateTime(callBackTask.path("due"))).isEqualTo(endOfDay(LocalDate.of(2026, 12, 15)));
    // 5 working days in Bollate: 7, 9, 10, 11, 14
    assertThat(dateTime(bollateTask.path("due"))).isEqualTo(endOfDay(LocalDate.of(2026, 12, 14)));
    assertThat(dateTime(interviewTask.path("created")).toInstant()).isEqualTo(ClockUtil.getCurrentTime().toInstant());
    assertThat(interviewTask.path("due").asText()).endsWith("+01:00");
  }

  @Test
  void shouldListATaskAsOverdueOnlyAfterTheEngineClockPassesItsDueDate() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    Task task = api.openTask(started.pathwayId(), TASK_INTAKE_INTERVIEW).orElseThrow();
    assertThat(api.listedTask(LAB_LORENTEGGIO, "overdue=true", task.getId())).isEmpty();
    assertThat(api.listedTask(LAB_LORENTEGGIO, "overdue=false", task.getId())).isPresent();

    ClockUtil.setCurrentTime(new Date(task.getDueDate().getTime() - 60_000));
    assertThat(api.listedTask(LAB_LORENTEGGIO, "overdue=true", task.getId())).isEmpty();

    ClockUtil.setCurrentTime(new Date(task.getDueDate().getTime() + 60_000));
    JsonNode overdue = api.listedTask(LAB_LORENTEGGIO, "overdue=true", task.getId()).orElseThrow();
    assertThat(overdue.path("overdue").asBoolean()).isTrue();
    assertThat(api.listedTask(LAB_LORENTEGGIO, "overdue=false", task.getId())).isEmpty();
    assertThat(api.listedTask(LAB_LORENTEGGIO, "", task.getId()).orElseThrow().path("overdue").asBoolean()).isTrue();
    assertThat(api.allTasks(LAB_LORENTEGGIO, "overdue=true"))
        .allSatisfy(t -> assertThat(t.path("overdue").asBoolean()).isTrue());
  }

  @Test
  void shouldNeverListTheOtherProjectsTasks() {
    ApiFixtures.Started lorenteggio = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    ApiFixtures.Started bollate = api.startPathway(LAB_BOLLATE, BOLLATE);
    String lorenteggioTask = api.taskOf(lorenteggio.pathwayId(), TASK_INTAKE_INTERVIEW);
    String bollateTask = api.taskOf(bollate.pathwayId(), TASK_INTAKE_INTERVIEW);

    List<JsonNode> bollateList = api.allTasks(LAB_BOLLATE, "");
    List<JsonNode> lorenteggioList = api.allTasks(LAB_LORENTEGGIO, "");

    assertThat(ids(bollateList)).contains(bollateTask).doesNotContain(lorenteggioTask);
    assertThat(ids(lorenteggioList)).contains(lorenteggioTask).doesNotContain(bollateTask);
    assertThat(bollateList).allSatisfy(t -> assertThat(t.path("projectCode").asText()).isEqualTo(BOLLATE));
    assertThat(lorenteggioList).allSatisfy(t -> assertThat(t.path("projectCode").asText()).isEqualTo(LORENTEGGIO));
  }

  @Test
  void shouldFilterByProjectForAUserOfBothProjects() {
    ApiFixtures.Started lorenteggio = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    api.completeTask(LAB_LORENTEGGIO, api.taskOf(lorenteggio.pathwayId(), TASK_INTAKE_INTERVIEW),
        interviewWith("naspiRecipient", true));
    ClockUtil.setCurrentTime(new Date(api.openTask(lorenteggio.pathwayId(), TASK_VERIFY_ELIGIBILITY).orElseThrow()
        .getDueDate().getTime() + 60_000));
    // the manager's task: the overdue alert of the verification (fired by the test, the job executor is off)
    var managementService = api.managementService();
    managementService.createJobQuery().processInstanceId(api.openTask(lorenteggio.pathwayId(),
        TASK_VERIFY_ELIGIBILITY).orElseThrow().getProcessInstanceId()).timers().list()
        .forEach(job -> managementService.executeJob(job.getId()));
    String alert = api.taskOf(lorenteggio.pathwayId(), "Task_VerificationOverdueAlert");

    assertThat(ids(api.allTasks(ApiFixtures.MANAGER, ""))).contains(alert);
    assertThat(ids(api.allTasks(ApiFixtures.MANAGER, "project=LORENTEGGIO"))).contains(alert);
    assertThat(ids(api.allTasks(ApiFixtures.MANAGER, "project=BOLLATE"))).doesNotContain(alert);
    assertThat(api.allTasks(ApiFixtures.MANAGER, "project=BOLLATE"))
        .allSatisfy(t -> assertThat(t.path("projectCode").asText()).isEqualTo(BOLLATE));
    assertThat(api.openTaskKeys(lorenteggio.pathwayId()))
        .containsExactlyInAnyOrder(TASK_VERIFY_ELIGIBILITY, "Task_VerificationOverdueAlert");
  }

  @ParameterizedTest
  @ValueSource(strings = {"BOLLATE", "ATLANTIDE"})
  void shouldAnswer403ForAProjectIDoNotServe(String project) {
    assertProblem(api.as(LAB_LORENTEGGIO).get("/api/tasks?project=" + project), 403);
  }

  @Test
  void shouldListOnlyTheTasksOfMyGroups() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    String interviewTask = api.taskOf(started.pathwayId(), TASK_INTAKE_INTERVIEW);
    assertThat(api.listedTask(CPI_MILANO, "", interviewTask)).isEmpty();
    assertThat(api.listedTask(OPERATOR_LORENTEGGIO, "", interviewTask)).isEmpty();
    assertThat(api.listedTask(ApiFixtures.AUDITOR, "", interviewTask)).isEmpty();

    api.completeTask(LAB_LORENTEGGIO, interviewTask, interview());
    String assignTask = api.taskOf(started.pathwayId(), TASK_ASSIGN_OPERATOR);
    JsonNode listed = api.listedTask(CPI_MILANO, "", assignTask).orElseThrow();
    assertThat(strings(listed.path("candidateGroups"))).containsExactly("cpi");
    assertThat(listed.path("formKey").asText()).isEqualTo("assign-operator");
    assertThat(api.listedTask(LAB_LORENTEGGIO, "", assignTask)).isEmpty();
    assertThat(api.listedTask(CPI_BOLLATE, "", assignTask)).isEmpty();
  }

  @Test
  void shouldListTheFirstAppointmentOnlyForTheChosenOperatorOrganisation() {
    ApiFixtures.Started toSolco = api.pathwayAtFirstAppointment(LORENTEGGIO, "SOLCO");
    ApiFixtures.Started toMestieri = api.pathwayAtFirstAppointment(LORENTEGGIO, "MESTIERI");
    String solcoTask = api.taskOf(toSolco.pathwayId(), TASK_FIRST_APPOINTMENT);
    String mestieriTask = api.taskOf(toMestieri.pathwayId(), TASK_FIRST_APPOINTMENT);

    List<JsonNode> operatorList = api.allTasks(OPERATOR_LORENTEGGIO, "");

    assertThat(ids(operatorList)).contains(solcoTask).doesNotContain(mestieriTask);
    JsonNode listed = operatorList.stream().filter(t -> solcoTask.equals(t.path("id").asText())).findFirst()
        .orElseThrow();
    assertThat(strings(listed.path("candidateGroups"))).containsExactly("SOLCO");
    assertThat(listed.path("formKey").asText()).isEqualTo("first-appointment");
    assertThat(ids(api.allTasks(OPERATOR_BOLLATE, ""))).doesNotContain(solcoTask, mestieriTask);
    // a competitor's pathway does not exist for SOLCO (need to know)
    assertProblem(api.as(OPERATOR_LORENTEGGIO).post("/api/tasks/" + mestieriTask + "/claim", null), 404);
    assertThat(api.task(mestieriTask).getAssignee()).isNull();
  }

  @Test
  void shouldPageTheList() {
    api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);

    ApiClient.Response first = api.as(LAB_LORENTEGGIO).get("/api/tasks?firstResult=0&maxResults=1");
    ApiClient.Response second = api.as(LAB_LORENTEGGIO).get("/api/tasks?firstResult=1&maxResults=1");

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json()).hasSize(1);
    assertThat(second.json()).hasSize(1);
    assertThat(second.json().get(0).path("id").asText()).isNotEqualTo(first.json().get(0).path("id").asText());
  }

  @Test
  void shouldNarrowTheListToOnePathway() {
    ApiFixtures.Started one = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    ApiFixtures.Started other = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    ApiFixtures.Started bollate = api.startPathway(LAB_BOLLATE, BOLLATE);
    String oneTask = api.taskOf(one.pathwayId(), TASK_INTAKE_INTERVIEW);

    List<JsonNode> listed = api.allTasks(LAB_LORENTEGGIO, "pathwayId=" + one.pathwayId());

    assertThat(ids(listed)).containsExactly(oneTask);
    assertThat(listed.get(0).path("pathwayId").asText()).isEqualTo(one.pathwayId().toString());
    assertThat(api.allTasks(LAB_LORENTEGGIO, "pathwayId=" + other.pathwayId() + "&taskKey=" + TASK_CALL_BACK))
        .as("the other pathway has no call-back").isEmpty();
    assertThat(api.allTasks(LAB_LORENTEGGIO, "pathwayId=" + bollate.pathwayId()))
        .as("another project's pathway: nothing, as if it did not exist").isEmpty();
    assertThat(api.allTasks(CPI_MILANO, "pathwayId=" + one.pathwayId()))
        .as("a pathway of my project with no task of my groups").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"overdue=perhaps", "maxResults=many", "firstResult=x", "pathwayId=not-a-uuid"})
  void shouldRefuseInvalidQueryParameters(String query) {
    assertInvalid(api.as(LAB_LORENTEGGIO).get("/api/tasks?" + query), query.substring(0, query.indexOf('=')));
  }

  @Test
  void shouldAnswer401ForTheWorkListWithoutLogin() {
    assertProblem(api.anonymous().get("/api/tasks"), 401);
    assertProblem(api.withWrongPassword().get("/api/tasks"), 401);
    assertThat(api.raw("GET", "/api/tasks", null, null).wwwAuthenticate()).isPresent();
  }

  // ------------------------------------------------------------------ claim / unclaim

  @Test
  void shouldClaimAndReleaseATask() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    String taskId = api.taskOf(started.pathwayId(), TASK_INTAKE_INTERVIEW);

    ApiClient.Response claimed = api.as(LAB_LORENTEGGIO).post("/api/tasks/" + taskId + "/claim", null);

    assertThat(claimed.status()).as("%s", claimed).isEqualTo(204);
    assertThat(claimed.body()).isEmpty();
    assertThat(api.task(taskId).getAssignee()).isEqualTo(LAB_LORENTEGGIO);
    assertThat(api.listedTask(LAB_LORENTEGGIO, "", taskId).orElseThrow().path("assignee").asText())
        .isEqualTo(LAB_LORENTEGGIO);
    assertThat(api.as(LAB_LORENTEGGIO).post("/api/tasks/" + taskId + "/claim", null).status())
        .as("claiming my own task again").isEqualTo(204);

    ApiClient.Response released = api.as(LAB_LORENTEGGIO).post("/api/tasks/" + taskId + "/unclaim", null);

    assertThat(released.status()).as("%s", released).isEqualTo(204);
    assertThat(api.task(taskId).getAssignee()).isNull();
    assertThat(api.listedTask(LAB_LORENTEGGIO, "", taskId).orElseThrow().path("assignee").isNull()).isTrue();
  }

  @Test
  void shouldRefuseToClaimReleaseOrCompleteATaskClaimedBySomeoneElse() {
    ApiFixtures.Started started = api.eligiblePathway(LORENTEGGIO);
    String taskId = api.taskOf(started.pathwayId(), TASK_ASSIGN_OPERATOR);
    assertThat(api.as(CPI_MILANO).post("/api/tasks/" + taskId + "/claim", null).status()).isEqualTo(204);

    assertProblem(api.as(CPI_MILANO_2).post("/api/tasks/" + taskId + "/claim", null), 409);
    assertProblem(api.as(CPI_MILANO_2).post("/api/tasks/" + taskId + "/unclaim", null), 409);
    assertProblem(api.as(CPI_MILANO_2).post("/api/tasks/" + taskId + "/complete",
        body(Map.of("operatorOrganisation", "SOLCO"))), 409);

    assertThat(api.task(taskId).getAssignee()).isEqualTo(CPI_MILANO);
    assertThat(api.pathwayRecord(started.pathwayId()).get("operator_organisation")).isNull();

    assertThat(api.as(CPI_MILANO).post("/api/tasks/" + taskId + "/unclaim", null).status()).isEqualTo(204);
    assertThat(api.as(CPI_MILANO_2).post("/api/tasks/" + taskId + "/claim", null).status()).isEqualTo(204);
    assertThat(api.task(taskId).getAssignee()).isEqualTo(CPI_MILANO_2);
  }

  @Test
  void shouldRecordAnUnclaimedTaskCompletedThroughTheApiAsClaimedAndCompletedByItsCaller() {
    ApiFixtures.Started started = api.eligiblePathway(LORENTEGGIO);
    String taskId = api.taskOf(started.pathwayId(), TASK_ASSIGN_OPERATOR);

    api.completeTask(CPI_MILANO, taskId, Map.of("operatorOrganisation", "SOLCO"));

    assertThat(api.completedBy(taskId)).isEqualTo(CPI_MILANO);
    assertThat(api.taskOperations(taskId)).as("the user operation log, operation by user")
        .containsExactlyInAnyOrder("Claim " + CPI_MILANO, "Complete " + CPI_MILANO);
  }

  @Test
  void shouldAnswer409ForATaskAlreadyCompleted() {
    ApiFixtures.Started started = api.eligiblePathway(LORENTEGGIO);
    String taskId = api.taskOf(started.pathwayId(), TASK_ASSIGN_OPERATOR);
    api.completeTask(CPI_MILANO, taskId, Map.of("operatorOrganisation", "SOLCO"));

    assertProblem(api.as(CPI_MILANO).post("/api/tasks/" + taskId + "/complete",
        body(Map.of("operatorOrganisation", "MESTIERI"))), 409);
    assertProblem(api.as(CPI_MILANO_2).post("/api/tasks/" + taskId + "/complete",
        body(Map.of("operatorOrganisation", "MESTIERI"))), 409);
    assertProblem(api.as(CPI_MILANO_2).post("/api/tasks/" + taskId + "/claim", null), 409);

    assertThat(api.pathwayRecord(started.pathwayId()).get("operator_organisation")).isEqualTo("SOLCO");
    assertThat(api.openTaskKeys(started.pathwayId())).containsExactly(TASK_FIRST_APPOINTMENT);
  }

  @Test
  void shouldAnswer404ForAnUnknownTask() {
    String unknown = "no-such-task";
    assertProblem(api.as(LAB_LORENTEGGIO).post("/api/tasks/" + unknown + "/claim", null), 404);
    assertProblem(api.as(LAB_LORENTEGGIO).post("/api/tasks/" + unknown + "/unclaim", null), 404);
    assertProblem(api.as(LAB_LORENTEGGIO).post("/api/tasks/" + unknown + "/complete", body(interview())), 404);
  }

  @Test
  void shouldAnswer404ToTheOtherProjectForOpenAndCompletedTasks() {
    ApiFixtures.Started started = api.eligiblePathway(LORENTEGGIO);
    String open = api.taskOf(started.pathwayId(), TASK_ASSIGN_OPERATOR);
    String completed = api.completedTaskOf(started.pathwayId(), TASK_INTAKE_INTERVIEW);

    assertProblem(api.as(CPI_BOLLATE).post("/api/tasks/" + open + "/claim", null), 404);
    assertProblem(api.as(CPI_BOLLATE).post("/api/tasks/" + open + "/unclaim", null), 404);
    assertProblem(api.as(CPI_BOLLATE).post("/api/tasks/" + open + "/complete",
        body(Map.of("operatorOrganisation", "SOLCO"))), 404);
    // a completed task of another project is not "already completed" (409) but unknown
    assertProblem(api.as(LAB_BOLLATE).post("/api/tasks/" + completed + "/complete", body(interview())), 404);
    assertProblem(api.as(LAB_BOLLATE).post("/api/tasks/" + completed + "/claim", null), 404);

    assertThat(api.task(open).getAssignee()).isNull();
    assertThat(api.openTaskKeys(started.pathwayId())).containsExactly(TASK_ASSIGN_OPERATOR);
  }

  @Test
  void shouldAnswer403WhenMyGroupsMayNotWorkTheTask() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    String taskId = api.taskOf(started.pathwayId(), TASK_INTAKE_INTERVIEW);

    // (administrators may: DoorMatrixTest)
    for (String user : List.of(CPI_MILANO, ApiFixtures.MANAGER, ApiFixtures.AUDITOR)) {
      assertProblem(api.as(user).post("/api/tasks/" + taskId + "/claim", null), 403);
      assertProblem(api.as(user).post("/api/tasks/" + taskId + "/complete", body(interview())), 403);
    }
    // an operator has no part in a pathway at intake: the task does not exist for it
    assertProblem(api.as(OPERATOR_LORENTEGGIO).post("/api/tasks/" + taskId + "/claim", null), 404);
    assertProblem(api.as(OPERATOR_LORENTEGGIO).post("/api/tasks/" + taskId + "/complete", body(interview())), 404);

    assertThat(api.task(taskId).getAssignee()).isNull();
    assertThat(api.openTaskKeys(started.pathwayId())).containsExactly(TASK_INTAKE_INTERVIEW);
    assertThat(api.vulnerabilityCount(started.pathwayId())).isZero();
  }

  @Test
  void shouldAnswer401ForClaimAndCompleteWithoutLogin() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    String taskId = api.taskOf(started.pathwayId(), TASK_INTAKE_INTERVIEW);

    assertProblem(api.anonymous().post("/api/tasks/" + taskId + "/claim", null), 401);
    assertProblem(api.anonymous().post("/api/tasks/" + taskId + "/unclaim", null), 401);
    assertProblem(api.anonymous().post("/api/tasks/" + taskId + "/complete", body(interview())), 401);
    assertProblem(api.withWrongPassword()
        .post("/api/tasks/" + taskId + "/complete", body(interview())), 401);

    assertThat(api.task(taskId).getAssignee()).isNull();
    assertThat(api.openTaskKeys(started.pathwayId())).containsExactly(TASK_INTAKE_INTERVIEW);
  }

  // ------------------------------------------------------------------ complete: happy paths

  @Test
  void shouldCompleteTheInterviewAndHandTheEligiblePersonToTheCpi() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    String taskId = api.taskOf(started.pathwayId(), TASK_INTAKE_INTERVIEW);
    Map<String, Object> answers = interviewWith("vulnerabilities", List.of("MIGRANT", "DISABILITY"));
    answers.put("permitStatus", "VALID");

    ApiClient.Response response = api.as(LAB_LORENTEGGIO).post("/api/tasks/" + taskId + "/complete", body(answers));

    assertThat(response.status()).as("%s", response).isEqualTo(204);
    assertThat(api.task(taskId)).isNull();
    assertThat(api.completedBy(taskId)).isEqualTo(LAB_LORENTEGGIO);
    assertThat(api.openTaskKeys(started.pathwayId())).containsExactly(TASK_ASSIGN_OPERATOR);
    assertThat(api.pathwayRecord(started.pathwayId()).get("stage")).isEqualTo("OPERATOR_ASSIGNMENT");
    JsonNode participant = api.as(LAB_LORENTEGGIO).get("/api/participants/" + started.participantId()).json();
    assertThat(strings(participant.path("vulnerabilities"))).containsExactlyInAnyOrder("MIGRANT", "DISABILITY");
    assertThat(participant.path("notes").get(0).path("text").asText()).isEqualTo("Colloquio svolto in sede");
  }

  @Test
  void shouldCompleteTheInterviewWithoutOptionalFields() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    String taskId = api.taskOf(started.pathwayId(), TASK_INTAKE_INTERVIEW);
    Map<String, Object> answers = interview();
    answers.remove("note");

    ApiClient.Response response = api.as(LAB_LORENTEGGIO).post("/api/tasks/" + taskId + "/complete", body(answers));

    assertThat(response.status()).as("%s", response).isEqualTo(204);
    assertThat(api.openTaskKeys(started.pathwayId())).containsExactly(TASK_ASSIGN_OPERATOR);
  }

  @Test
  void shouldSendANaspiRecipientToTheCpisVerificationAndThenToTheOperatorAssignment() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    api.completeTask(LAB_LORENTEGGIO, api.taskOf(started.pathwayId(), TASK_INTAKE_INTERVIEW),
        interviewWith("naspiRecipient", true));
    String verification = api.taskOf(started.pathwayId(), TASK_VERIFY_ELIGIBILITY);
    assertThat(api.listedTask(CPI_MILANO, "project=LORENTEGGIO", verification).orElseThrow()
        .path("formKey").asText()).isEqualTo("verify-eligibility");

    assertInvalid(api.as(CPI_MILANO).post("/api/tasks/" + verification + "/complete",
        body(Map.of("verificationOutcome", "MAYBE"))), "verificationOutcome");
    assertThat(api.task(verification)).isNotNull();

    api.completeTask(CPI_MILANO, verification,
        Map.of("verificationOutcome", "ELIGIBLE", "verificationNote", "NASpI verificata"));
    assertThat(api.openTaskKeys(started.pathwayId())).containsExactly(TASK_ASSIGN_OPERATOR);
  }

  @Test
  void shouldAnswerACompletionWithTheCallersOpenTasksInThePathwayWhenAskedTo() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    String interview = api.taskOf(started.pathwayId(), TASK_INTAKE_INTERVIEW);

    // the lab's interview sends the person to the CPI: nothing more for the lab in this pathway
    ApiClient.Response byLab = api.as(LAB_LORENTEGGIO).post("/api/tasks/" + interview + "/complete",
        body(interviewWith("naspiRecipient", true)), "Prefer", "return=representation");

    assertThat(byLab.status()).as("%s", byLab).isEqualTo(200);
    assertThat(byLab.header("Preference-Applied")).contains("return=representation");
    assertThat(byLab.json().path("id").asText()).isEqualTo(interview);
    assertThat(byLab.json().path("pathwayId").asText()).isEqualTo(started.pathwayId().toString());
    assertThat(byLab.json().path("nextTasks")).isEmpty();

    // a refused completion is refused as without the preference, and changes nothing
    String verification = api.taskOf(started.pathwayId(), TASK_VERIFY_ELIGIBILITY);
    assertInvalid(api.as(CPI_MILANO).post("/api/tasks/" + verification + "/complete",
        body(Map.of("verificationOutcome", "MAYBE")), "Prefer", "return=representation"), "verificationOutcome");
    assertThat(api.task(verification)).isNotNull();

    // the CPI's verification leads to the CPI's own next task: given in the answer, as the list gives it
    ApiClient.Response byCpi = api.as(CPI_MILANO).post("/api/tasks/" + verification + "/complete",
        body(Map.of("verificationOutcome", "ELIGIBLE", "verificationNote", "NASpI verificata")),
        "Prefer", "return=representation");

    assertThat(byCpi.status()).as("%s", byCpi).isEqualTo(200);
    String assignment = api.taskOf(started.pathwayId(), TASK_ASSIGN_OPERATOR);
    JsonNode next = byCpi.json().path("nextTasks");
    assertThat(next).hasSize(1);
    assertThat(next.get(0).path("id").asText()).isEqualTo(assignment);
    assertThat(next.get(0).path("taskKey").asText()).isEqualTo(TASK_ASSIGN_OPERATOR);
    assertThat(next.get(0)).isEqualTo(api.listedTask(CPI_MILANO, "pathwayId=" + started.pathwayId(), assignment)
        .orElseThrow());

    // without the preference: 204, no body
    ApiClient.Response plain = api.as(CPI_MILANO).post("/api/tasks/" + assignment + "/complete",
        body(Map.of("operatorOrganisation", "SOLCO")));
    assertThat(plain.status()).as("%s", plain).isEqualTo(204);
    assertThat(plain.body()).isEmpty();
  }

  @Test
  void shouldShowTheCpiTheOtherProjectsPathwayOfThePersonInTheVerificationFormAndNothingPersonal() {
    TestPeople.Person person = TestPeople.adult();
    api.startPathway(LAB_BOLLATE, BOLLATE, person, "LAB");
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO, person, "LAB");
    api.completeTask(LAB_LORENTEGGIO, api.taskOf(started.pathwayId(), TASK_INTAKE_INTERVIEW), interview());
    String verification = api.taskOf(started.pathwayId(), TASK_VERIFY_ELIGIBILITY);
    assertThat(api.listedTask(CPI_MILANO, "project=LORENTEGGIO", verification)).isPresent();

    ApiClient.Response form = api.as(CPI_MILANO).get("/engine-rest/task/" + verification + "/form-variables");

    assertThat(form.status()).as("%s", form).isEqualTo(200);
    assertThat(form.json().path("verificationItems").path("value").asText()).isEqualTo("OTHER_ENROLMENT");
    assertThat(form.json().path("otherEnrolments").path("value").asText()).startsWith("BOLLATE: ").endsWith(" (ACTIVE)");
    assertThat(form.body()).doesNotContain(person.fiscalCode()).doesNotContain(person.lastName());
  }

  @Test
  void shouldAssignTheOperatorAndLetItRecordTheFirstAppointment() {
    ApiFixtures.Started started = api.eligiblePathway(LORENTEGGIO);

    api.completeTask(CPI_MILANO, api.taskOf(started.pathwayId(), TASK_ASSIGN_OPERATOR),
        Map.of("operatorOrganisation", "SOLCO"));

    assertThat(api.pathwayRecord(started.pathwayId()).get("operator_organisation")).isEqualTo("SOLCO");
    assertThat(api.pathwayRecord(started.pathwayId()).get("stage")).isEqualTo("FIRST_APPOINTMENT");
    String appointment = api.taskOf(started.pathwayId(), TASK_FIRST_APPOINTMENT);

    assertInvalid(api.as(OPERATOR_LORENTEGGIO).post("/api/tasks/" + appointment + "/complete",
        body(Map.of("appointmentDate", "domani"))), "appointmentDate");
    assertThat(api.task(appointment)).isNotNull();

    api.completeTask(OPERATOR_LORENTEGGIO, appointment, Map.of("appointmentDate", LocalDate.now(EngineClock.ZONE).toString()));
    assertThat(api.openTaskKeys(started.pathwayId())).containsExactly("Task_SkillsAssessment");
    assertThat(api.pathwayRecord(started.pathwayId()).get("stage")).isEqualTo("SKILLS_ASSESSMENT");
    assertThat(api.completedBy(appointment)).isEqualTo(OPERATOR_LORENTEGGIO);
  }

  @Test
  void shouldRecordTheCallBackAndMoveOnToTheInterview() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO, TestPeople.adult(),
        "SELF_REGISTRATION");
    String callBack = api.taskOf(started.pathwayId(), TASK_CALL_BACK);

    assertInvalid(api.as(LAB_LORENTEGGIO).post("/api/tasks/" + callBack + "/complete",
        body(Map.of("contactOutcome", "BUSY"))), "contactOutcome");
    api.completeTask(LAB_LORENTEGGIO, callBack, Map.of("contactOutcome", "REACHED", "note", "Richiamata"));

    assertThat(api.openTaskKeys(started.pathwayId())).containsExactly(TASK_INTAKE_INTERVIEW);
  }

  // ------------------------------------------------------------------ complete: validation

  static Stream<Arguments> invalidInterviews() {
    return Stream.of(
        Arguments.of("missing required field", interviewWith("employmentStatus", null), List.of("employmentStatus")),
        Arguments.of("missing vulnerabilities", interviewWith("vulnerabilities", null), List.of("vulnerabilities")),
        Arguments.of("empty vulnerabilities", interviewWith("vulnerabilities", List.of()), List.of("vulnerabilities")),
        Arguments.of("blank select", interviewWith("education", " "), List.of("education")),
        Arguments.of("value not allowed", interviewWith("education", "PHD"), List.of("education")),
        Arguments.of("lower-case value", interviewWith("otherMeasure", "none"), List.of("otherMeasure")),
        Arguments.of("boolean as text", interviewWith("consentGiven", "yes"), List.of("consentGiven")),
        Arguments.of("boolean as number", interviewWith("residentInErp", 1), List.of("residentInErp")),
        Arguments.of("select as number", interviewWith("employmentStatus", 3), List.of("employmentStatus")),
        Arguments.of("list as text", interviewWith("vulnerabilities", "NONE"), List.of("vulnerabilities")),
        Arguments.of("list value not allowed", interviewWith("vulnerabilities", List.of("ALIEN")),
            List.of("vulnerabilities")),
        Arguments.of("NONE with another value", interviewWith("vulnerabilities", List.of("NONE", "MIGRANT")),
            List.of("vulnerabilities")),
        Arguments.of("note as number", interviewWith("note", 5), List.of("note")),
        Arguments.of("unknown field", interviewWith("salary", 1200), List.of("salary")),
        Arguments.of("personal data smuggled in", interviewWith("fiscalCode", "RSSMRA85T10A562S"),
            List.of("fiscalCode")),
        Arguments.of("several errors", several(), List.of("education", "hasDid", "salary")),
        Arguments.of("a yes/no left out", interviewWith("consentGiven", null), List.of("consentGiven")),
        Arguments.of("a yes/no left out, not a no", interviewWith("residentInErp", null), List.of("residentInErp")),
        Arguments.of("note longer than its column", interviewWith("note", "x".repeat(4001)), List.of("note")),
        Arguments.of("no values at all", new LinkedHashMap<>(),
            List.of("consentGiven", "residentInErp", "housingHardship", "employmentStatus", "hasDid", "education",
                "naspiRecipient", "otherMeasure", "permitStatus", "vulnerabilities")));
  }

  private static Map<String, Object> several() {
    Map<String, Object> values = interviewWith("education", "PHD");
    values.put("hasDid", "no");
    values.put("salary", 1200);
    return values;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidInterviews")
  void shouldRefuseAnInvalidInterviewNamingTheFieldsAndChangeNothing(String name, Map<String, Object> answers,
      List<String> fields) {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    String taskId = api.taskOf(started.pathwayId(), TASK_INTAKE_INTERVIEW);

    ApiClient.Response response = api.as(LAB_LORENTEGGIO).post("/api/tasks/" + taskId + "/complete", body(answers));

    assertInvalid(response, fields.toArray(String[]::new));
    assertUntouched(started, taskId);
  }

  @Test
  void shouldRefuseACompletionWithoutBodyNamingTheRequiredFields() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    String taskId = api.taskOf(started.pathwayId(), TASK_INTAKE_INTERVIEW);

    ApiClient.Response response = api.as(LAB_LORENTEGGIO).post("/api/tasks/" + taskId + "/complete", "");

    assertInvalid(response, "consentGiven", "residentInErp", "housingHardship", "employmentStatus", "hasDid",
        "education", "naspiRecipient", "otherMeasure", "permitStatus", "vulnerabilities");
    assertUntouched(started, taskId);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"variables\": {\"consentGiven\": tru", "{\"variables\": \"all of them\"}", "[1, 2]"})
  void shouldRefuseACompletionThatIsNotAVariablesObject(String json) {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    String taskId = api.taskOf(started.pathwayId(), TASK_INTAKE_INTERVIEW);

    ApiClient.Response response = api.as(LAB_LORENTEGGIO).post("/api/tasks/" + taskId + "/complete", json);

    assertProblem(response, 400);
    assertUntouched(started, taskId);
  }

  private void assertUntouched(ApiFixtures.Started started, String taskId) {
    Task task = api.task(taskId);
    assertThat(task).as("the task is still open").isNotNull();
    assertThat(task.getAssignee()).as("and not claimed").isNull();
    assertThat(api.openTaskKeys(started.pathwayId())).containsExactly(TASK_INTAKE_INTERVIEW);
    assertThat(api.pathwayRecord(started.pathwayId()).get("stage")).isEqualTo("INTAKE");
    assertThat(api.vulnerabilityCount(started.pathwayId())).isZero();
  }

  static Stream<Arguments> invalidOperators() {
    return Stream.of(
        Arguments.of("the lab is not an accredited operator", "MILOLAB"),
        Arguments.of("the CPI is not an accredited operator", "AFOL_MET"),
        Arguments.of("an accredited operator of the other project", "CONSORZIO_SIR"),
        Arguments.of("an unknown organisation", "NESSUNO"),
        Arguments.of("lower case", "solco"),
        Arguments.of("blank", " "),
        Arguments.of("not text", 42));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidOperators")
  void shouldRefuseAnOrganisationThatIsNotAnAccreditedOperatorOfTheProject(String name, Object organisation) {
    ApiFixtures.Started started = api.eligiblePathway(LORENTEGGIO);
    String taskId = api.taskOf(started.pathwayId(), TASK_ASSIGN_OPERATOR);
    Map<String, Object> values = new HashMap<>();
    values.put("operatorOrganisation", organisation);

    ApiClient.Response response = api.as(CPI_MILANO).post("/api/tasks/" + taskId + "/complete", body(values));

    assertInvalid(response, "operatorOrganisation");
    assertThat(api.task(taskId)).isNotNull();
    assertThat(api.task(taskId).getAssignee()).isNull();
    assertThat(api.openTaskKeys(started.pathwayId())).containsExactly(TASK_ASSIGN_OPERATOR);
    assertThat(api.pathwayRecord(started.pathwayId()).get("operator_organisation")).isNull();
  }

  // ------------------------------------------------------------------ concurrency

  /** Repeated: the second completion can arrive at any point of the first one's transaction. */
  @RepeatedTest(10)
  void shouldLetExactlyOneOfTwoConcurrentCompletionsWin() throws Exception {
    ApiFixtures.Started started = api.eligiblePathway(LORENTEGGIO);
    String taskId = api.taskOf(started.pathwayId(), TASK_ASSIGN_OPERATOR);
    String path = "/api/tasks/" + taskId + "/complete";

    List<ApiClient.Response> responses = ApiFixtures.simultaneously(
        () -> api.as(CPI_MILANO).post(path, body(Map.of("operatorOrganisation", "SOLCO"))),
        () -> api.as(CPI_MILANO_2).post(path, body(Map.of("operatorOrganisation", "MESTIERI"))));

    ApiClient.Response first = responses.get(0);
    ApiClient.Response second = responses.get(1);
    assertThat(List.of(first.status(), second.status())).as("%s / %s", first, second)
        .containsExactlyInAnyOrder(204, 409);
    assertProblem(first.status() == 409 ? first : second, 409);
    String winner = first.status() == 204 ? CPI_MILANO : CPI_MILANO_2;
    assertThat(api.completedBy(taskId)).isEqualTo(winner);
    assertThat(api.pathwayRecord(started.pathwayId()).get("operator_organisation"))
        .isEqualTo(winner.equals(CPI_MILANO) ? "SOLCO" : "MESTIERI");
    assertThat(api.openTaskKeys(started.pathwayId())).containsExactly(TASK_FIRST_APPOINTMENT);
  }

  @RepeatedTest(5)
  void shouldLetExactlyOneOfTwoConcurrentClaimsWin() throws Exception {
    ApiFixtures.Started started = api.eligiblePathway(LORENTEGGIO);
    String taskId = api.taskOf(started.pathwayId(), TASK_ASSIGN_OPERATOR);
    String path = "/api/tasks/" + taskId + "/claim";

    List<ApiClient.Response> responses = ApiFixtures.simultaneously(
        () -> api.as(CPI_MILANO).post(path, null),
        () -> api.as(CPI_MILANO_2).post(path, null));

    assertThat(responses).extracting(ApiClient.Response::status).as("%s", responses)
        .containsExactlyInAnyOrder(204, 409);
    String winner = responses.get(0).status() == 204 ? CPI_MILANO : CPI_MILANO_2;
    assertThat(api.task(taskId).getAssignee()).isEqualTo(winner);
  }

  private static List<String> ids(List<JsonNode> tasks) {
    return tasks.stream().map(t -> t.path("id").asText()).toList();
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
