package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR;
import static org.erplab.pathways.api.ApiFixtures.CPI_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.assertInvalid;
import static org.erplab.pathways.api.ApiFixtures.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.TestProjects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A project's clocks over real HTTP: the project-wide pause and its resumption (202 with the operation, its progress,
 * each pathway suspended and then shifted), the programme's end date, and the notice in the task list. Each test has a
 * project of its own (so no other test's pathways are paused), with a manager and a lab user of its own.
 */
@PathwaysSpringTest
class ProjectClockApiTest {

  private final ApiFixtures api;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;

  private String project;
  private String lab;
  private String manager;

  @Autowired
  ProjectClockApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
  }

  @BeforeEach
  void newProject() {
    project = TestProjects.create(jdbc, "P", LocalDate.of(2027, 6, 30));
    jdbc.sql("insert into project_organisation (project_code, organisation_code, lead_entity) values (?, 'MILOLAB', true)")
        .param(project).update();
    Tenant tenant = identityService.newTenant(project);
    tenant.setName("Progetto " + project);
    identityService.saveTenant(tenant);
    lab = "lab." + project.toLowerCase() + ".test";
    api.ensureUser(lab, "lab", "MILOLAB", project);
    // a manager of this project alone: the demo manager's projects stay as other tests expect them
    manager = "manager." + project.toLowerCase() + ".test";
    api.ensureUser(manager, "manager", "REGIONE_LOMBARDIA", project);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldPauseEveryOpenPathwayOfTheProjectAndResumeThemTogetherShiftingTheirDeadlines() {
    // given: Monday 23 November 2026, three pathways waiting for their intake interview
    setClock(LocalDateTime.of(2026, 11, 23, 10, 0));
    List<UUID> pathways = List.of(start(), start(), start());
    String dueBefore = deadlineDue(pathways.get(0));

    // when: the manager pauses the project
    ApiClient.Response paused = api.as(manager).post(projectPath("suspension"),
        Map.of("reason", "PROGRAMME_PAUSE", "expectedResumption", "2026-12-15"));

    // then: answered at once with the operation, which suspends every pathway
    assertThat(paused.status()).as("%s", paused).isEqualTo(202);
    String operation = paused.json().path("id").asText();
    assertThat(paused.header("Location")).contains("/api/projects/" + project + "/operations/" + operation);
    assertThat(paused.json().path("kind").asText()).isEqualTo("SUSPEND");
    assertThat(paused.json().path("total").asInt()).isEqualTo(3);
    JsonNode done = awaitDone(operation);
    assertThat(done.path("done").asInt()).isEqualTo(3);
    assertThat(done.path("pending").asInt()).isZero();
    for (UUID pathway : pathways) {
      JsonNode view = api.as(lab).get("/api/pathways/" + pathway).json();
      assertThat(view.path("status").asText()).isEqualTo("SUSPENDED");
      assertThat(view.path("suspensions").get(0).path("projectOperationId").asText()).isEqualTo(operation);
      assertThat(view.path("suspensions").get(0).path("reason").asText()).isEqualTo("PROGRAMME_PAUSE");
    }

    // and: a second pause, or a pathway's own resumption, is a conflict that changes nothing
    assertProblem(api.as(manager).post(projectPath("suspension"), Map.of("reason", "PROGRAMME_PAUSE")), 409);
    ApiClient.Response own = api.as(manager).post("/api/pathways/" + pathways.get(0) + "/resumption",
        Map.of("reason", "prova"));
    assertProblem(own, 409);
    assertThat(own.json().path("detail").asText()).contains("project's pause");

    // when: the project resumes on Wednesday 25 November
    setClock(LocalDateTime.of(2026, 11, 25, 9, 0));
    ApiClient.Response resumed = api.as(manager).post(projectPath("resumption"), Map.of("reason", "Fine lockdown"));

    // then: every pathway is active again, its deadline moved by the 2 working days the pause covered
    assertThat(resumed.status()).as("%s", resumed).isEqualTo(202);
    assertThat(resumed.json().path("kind").asText()).isEqualTo("RESUME");
    assertThat(resumed.json().path("pauseId").asText()).isEqualTo(operation);
    assertThat(awaitDone(resumed.json().path("id").asText()).path("done").asInt()).isEqualTo(3);
    for (UUID pathway : pathways) {
      JsonNode view = api.as(lab).get("/api/pathways/" + pathway).json();
      assertThat(view.path("status").asText()).isEqualTo("ACTIVE");
      assertThat(view.path("suspensions").get(0).path("shiftedWorkingDays").asInt()).isEqualTo(2);
    }
    assertThat(deadlineDue(pathways.get(0))).isNotEqualTo(dueBefore);
    assertThat(api.as(lab).get("/api/pathways/" + pathways.get(0)).json().path("deadlines").get(0)
        .path("shiftedWorkingDays").asInt()).isEqualTo(2);
    assertProblem(api.as(manager).post(projectPath("resumption"), Map.of("reason", "ancora")), 409);
    JsonNode list = api.as(manager).get(projectPath("operations")).json();
    assertThat(list.findValuesAsText("kind")).containsExactly("RESUME", "SUSPEND");
  }

  @Test
  void shouldLetOnlyTheProjectsManagersPauseAndRefuseBadRequestsChangingNothing() {
    UUID pathway = start();
    Map<String, Object> pause = Map.of("reason", "PROGRAMME_PAUSE");

    assertProblem(api.as(lab).post(projectPath("suspension"), pause), 403);
    assertProblem(api.as(CPI_BOLLATE).post(projectPath("suspension"), pause), 404);
    assertProblem(api.as(AUDITOR).post(projectPath("suspension"), pause), 403);
    assertThat(api.anonymous().post(projectPath("suspension"), pause).status()).isEqualTo(401);
    assertProblem(api.as(manager).post("/api/projects/NO_SUCH_PROJECT/suspension", pause), 404);
    assertInvalid(api.as(manager).post(projectPath("suspension"), Map.of()), "reason");
    assertInvalid(api.as(manager).post(projectPath("suspension"), Map.of("reason", "HOLIDAY")), "reason");
    assertInvalid(api.as(manager).post(projectPath("suspension"),
        Map.of("reason", "PROGRAMME_PAUSE", "expectedResumption", "2020-01-01")), "expectedResumption");
    assertInvalid(api.as(manager).post(projectPath("suspension"),
        Map.of("reason", "PROGRAMME_PAUSE", "expectedResumption", "2027-02-30")), "expectedResumption");
    assertProblem(api.as(manager).post(projectPath("resumption"), Map.of("reason", "niente da riprendere")), 409);
    assertInvalid(api.as(manager).post(projectPath("resumption"), Map.of()), "reason");

    assertThat(api.as(manager).get(projectPath("operations")).json()).isEmpty();
    assertThat(api.as(lab).get(projectPath("operations")).status()).isEqualTo(200);
    assertProblem(api.as(manager).get(projectPath("operations/" + UUID.randomUUID())), 404);
    assertThat(api.pathwayRecord(pathway).get("status")).isEqualTo("ACTIVE");
  }

  @Test
  void shouldChangeTheProgrammesEndWithAReasonAndMoveItsTimers() {
    setClock(LocalDateTime.of(2026, 11, 23, 10, 0));

    ApiClient.Response changed = api.as(manager).put(projectPath("end-date"),
        Map.of("endDate", "2027-12-31", "reason", "Proroga di sei mesi per la pandemia"));

    assertThat(changed.status()).as("%s", changed).isEqualTo(200);
    assertThat(changed.json().path("endDate").asText()).isEqualTo("2027-12-31");
    assertThat(changed.json().path("changes").get(0).path("oldEndDate").asText()).isEqualTo("2027-06-30");
    assertThat(changed.json().path("changes").get(0).path("changedBy").asText()).isEqualTo(manager);
    assertThat(api.as(lab).get(projectPath("end-date")).json().path("endDate").asText()).isEqualTo("2027-12-31");
    // the programme's warning waits for 1 December 2027
    Date warning = managementService.createJobQuery().tenantIdIn(project).activityId("Timer_EndWarning")
        .singleResult().getDuedate();
    assertThat(warning).isEqualTo(Date.from(LocalDate.of(2027, 12, 1).atStartOfDay(EngineClock.ZONE).toInstant()));

    assertProblem(api.as(lab).put(projectPath("end-date"), Map.of("endDate", "2028-01-31", "reason", "x")), 403);
    assertInvalid(api.as(manager).put(projectPath("end-date"), Map.of("endDate", "2028-01-31")), "reason");
    assertInvalid(api.as(manager).put(projectPath("end-date"), Map.of("endDate", "2028-02-30", "reason", "x")),
        "endDate");
    assertInvalid(api.as(manager).put(projectPath("end-date"), Map.of("endDate", "2026-01-31", "reason", "x")),
        "endDate");
    assertThat(api.as(manager).get(projectPath("end-date")).json().path("changes")).hasSize(1);
  }

  @Test
  void shouldTellTheOperatorsThatTheProgrammeEndsWithinThirtyDays() {
    setClock(LocalDateTime.of(2026, 11, 23, 10, 0));
    start();
    assertThat(myTask().path("programmeEndsOn").isNull()).isTrue();

    setClock(LocalDateTime.of(2027, 6, 1, 9, 0));
    assertThat(myTask().path("programmeEndsOn").asText()).isEqualTo("2027-06-30");
  }

  @Test
  void shouldGiveTheManagerTheProgrammesWarningAsATaskWithItsForm() {
    setClock(LocalDateTime.of(2026, 11, 23, 10, 0));
    api.as(manager).put(projectPath("end-date"), Map.of("endDate", "2027-03-31", "reason", "Chiusura anticipata"));
    var warning = managementService.createJobQuery().tenantIdIn(project).activityId("Timer_EndWarning").singleResult();
    ClockUtil.setCurrentTime(new Date(warning.getDuedate().getTime() + 60_000));
    managementService.executeJob(warning.getId());

    ApiClient.Response tasks = api.as(manager).get("/api/tasks?project=" + project);
    assertThat(tasks.status()).as("%s", tasks).isEqualTo(200);
    JsonNode task = tasks.json().get(0);
    assertThat(task.path("taskKey").asText()).isEqualTo("Task_ProgrammeEnding");
    assertThat(task.path("formKey").asText()).isEqualTo("programme-ending");
    assertThat(task.path("pathwayId").isNull()).isTrue();
    assertThat(task.path("programmeEndsOn").asText()).isEqualTo("2027-03-31");
    assertThat(api.as(lab).get("/api/tasks?project=" + project).json()).isEmpty();

    String id = task.path("id").asText();
    assertInvalid(api.as(manager).post("/api/tasks/" + id + "/complete", ApiFixtures.body(Map.of())), "endDecision");
    assertInvalid(api.as(manager).post("/api/tasks/" + id + "/complete",
        ApiFixtures.body(Map.of("endDecision", "MAYBE"))), "endDecision");
    api.completeTask(manager, id, Map.of("endDecision", "CLOSE_AT_END"));
    assertThat(managementService.createJobQuery().tenantIdIn(project).activityId("Timer_ProgrammeEnd").count())
        .isEqualTo(1);
  }

  private JsonNode myTask() {
    ApiClient.Response tasks = api.as(lab).get("/api/tasks?project=" + project);
    assertThat(tasks.status()).as("%s", tasks).isEqualTo(200);
    assertThat(tasks.json()).hasSize(1);
    return tasks.json().get(0);
  }

  private UUID start() {
    return api.startPathway(lab, project).pathwayId();
  }

  private String deadlineDue(UUID pathway) {
    return api.as(lab).get("/api/pathways/" + pathway).json().path("deadlines").get(0).path("due").asText();
  }

  private String projectPath(String rest) {
    return "/api/projects/" + project + "/" + rest;
  }

  private static void setClock(LocalDateTime rome) {
    ClockUtil.setCurrentTime(Date.from(rome.atZone(EngineClock.ZONE).toInstant()));
  }

  private JsonNode awaitDone(String operation) {
    String path = projectPath("operations/" + operation);
    TestProjects.await(() -> "DONE".equals(api.as(manager).get(path).json().path("status").asText()),
        Duration.ofSeconds(60));
    JsonNode view = api.as(manager).get(path).json();
    assertThat(view.path("status").asText()).as("operation %s", view).isEqualTo("DONE");
    return view;
  }

}
