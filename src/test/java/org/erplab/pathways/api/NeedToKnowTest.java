package org.erplab.pathways.api;

import org.erplab.pathways.common.domain.EngineClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.ADMIN;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.CPI_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.CPI_MILANO;
import static org.erplab.pathways.api.ApiFixtures.HOUSING_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LAB_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.MANAGER;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_MESTIERI;
import static org.erplab.pathways.api.ApiFixtures.SOCIAL_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.TASK_ASSIGN_OPERATOR;
import static org.erplab.pathways.api.ApiFixtures.TASK_FIRST_APPOINTMENT;
import static org.erplab.pathways.api.ApiFixtures.TASK_INTAKE_INTERVIEW;
import static org.erplab.pathways.api.ApiFixtures.TASK_VERIFY_ELIGIBILITY;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.erplab.pathways.api.Doors.Door;
import org.erplab.pathways.api.Doors.EngineDoor;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Need to know (ADR 0010), one pathway from intake to hand-over, at every door (our API, engine REST, the webapps'
 * engine API): an accredited operator sees a pathway only while it is assigned to it; its competitor, social services
 * and ALER never; the lab, the CPI, the programme's managers and auditors of the project always; nobody of another
 * project ever.
 */
@PathwaysSpringTest
class NeedToKnowTest {

  /** Whose organisation has a part in every pathway of LORENTEGGIO. */
  static final List<String> PROJECT_WIDE = List.of(LAB_LORENTEGGIO, CPI_MILANO, MANAGER, AUDITOR);
  /** LORENTEGGIO's organisations with no part in this pathway until it is assigned to them (or ever, today). */
  static final List<String> NO_PART_YET = List.of(OPERATOR_LORENTEGGIO, OPERATOR_MESTIERI, SOCIAL_LORENTEGGIO,
      HOUSING_LORENTEGGIO);
  static final List<String> OTHER_PROJECT = List.of(LAB_BOLLATE, CPI_BOLLATE, OPERATOR_BOLLATE, AUDITOR_BOLLATE);
  static final List<Door> ENGINE_DOORS = List.of(Door.REST, Door.WEB);

  private final ApiFixtures api;
  private final TaskService taskService;
  private final RuntimeService runtimeService;

  @Autowired
  NeedToKnowTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
    this.taskService = context.getBean(TaskService.class);
    this.runtimeService = context.getBean(RuntimeService.class);
  }

  @Test
  void shouldShowAPathwayToAnOperatorOnlyWhileItIsAssignedToIt() {
    // given a person taken in charge by the lab: the pathway is at intake
    ApiFixtures.Started pathway = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    assertThat(api.openTaskKeys(pathway.pathwayId())).containsExactly(TASK_INTAKE_INTERVIEW);

    // then no operator, social services or ALER sees anything of it, nor anybody of BOLLATE; the project sees it
    everyoneButTheProjectSeesNothing(pathway);

    // when the interview sends the person to the CPI's verification: the pathway is at eligibility
    api.completeTask(LAB_LORENTEGGIO, api.taskOf(pathway.pathwayId(), TASK_INTAKE_INTERVIEW),
        ApiFixtures.interviewWith("naspiRecipient", true));
    assertThat(api.openTaskKeys(pathway.pathwayId())).containsExactly(TASK_VERIFY_ELIGIBILITY);

    // then still the same
    everyoneButTheProjectSeesNothing(pathway);

    // when the CPI finds the person eligible: the pathway waits for the CPI to choose an operator
    api.completeTask(CPI_MILANO, api.taskOf(pathway.pathwayId(), TASK_VERIFY_ELIGIBILITY),
        Map.of("verificationOutcome", "ELIGIBLE", "verificationNote", "NASpI verificata"));
    assertThat(api.openTaskKeys(pathway.pathwayId())).containsExactly(TASK_ASSIGN_OPERATOR);

    // then still the same
    everyoneButTheProjectSeesNothing(pathway);

    // when the CPI assigns the pathway to SOLCO
    api.completeTask(CPI_MILANO, api.taskOf(pathway.pathwayId(), TASK_ASSIGN_OPERATOR),
        Map.of("operatorOrganisation", "SOLCO"));
    String solcoTask = api.taskOf(pathway.pathwayId(), TASK_FIRST_APPOINTMENT);

    // then SOLCO sees its hand-over task, the pathway, its audit trail and the person's file, and nothing of the
    // project's own part (the pathway's instance, intake, eligibility) nor any engine history
    seesItsPart(OPERATOR_LORENTEGGIO, pathway, solcoTask);
    // and MESTIERI, social services, ALER and BOLLATE still see nothing; the project sees SOLCO's part too
    for (String user : List.of(OPERATOR_MESTIERI, SOCIAL_LORENTEGGIO, HOUSING_LORENTEGGIO)) {
      seesNothing(user, pathway);
    }
    OTHER_PROJECT.forEach(user -> seesNothing(user, pathway));
    PROJECT_WIDE.forEach(user -> seesEverything(user, pathway));

    // when the pathway is handed over to MESTIERI instead: an administrator ends the hand-over in SOLCO's part and
    // the CPI chooses again
    ApiClient.Response moved = Doors.engine(api.port(), Door.REST, ADMIN).post(
        "/process-instance/" + pathway.processInstanceId() + "/modification", Map.of("instructions", List.of(
            Map.of("type", "cancel", "activityId", "CallActivity_Handover"),
            Map.of("type", "startBeforeActivity", "activityId", "Task_AssignOperator"))));
    assertThat(moved.status()).as("%s", moved).isEqualTo(204);
    api.completeTask(CPI_MILANO, api.taskOf(pathway.pathwayId(), TASK_ASSIGN_OPERATOR),
        Map.of("operatorOrganisation", "MESTIERI"));
    String mestieriTask = api.taskOf(pathway.pathwayId(), TASK_FIRST_APPOINTMENT);

    // then SOLCO has lost the pathway at every door, and MESTIERI has it
    seesNothing(OPERATOR_LORENTEGGIO, pathway);
    // its hand-over task was cancelled, not completed: it no longer exists, at every door
    Map<String, Object> appointment = Map.of("appointmentDate", LocalDate.now(EngineClock.ZONE).toString());
    for (String action : List.of("claim", "unclaim", "complete")) {
      ApiClient.Response response = api.as(OPERATOR_LORENTEGGIO).post("/api/tasks/" + solcoTask + "/" + action,
          action.equals("complete") ? ApiFixtures.body(appointment) : null);
      assertThat(response.status()).as("%s of the cancelled task through our API: %s", action, response)
          .isEqualTo(404);
      for (Door door : ENGINE_DOORS) {
        response = Doors.engine(api.port(), door, OPERATOR_LORENTEGGIO).post("/task/" + solcoTask + "/" + action,
            action.equals("claim") ? Map.of("userId", OPERATOR_LORENTEGGIO)
                : Map.of("variables", Doors.typedAll(appointment)));
        assertThat(response.status()).as("%s of the cancelled task, %s: %s", action, door, response).isEqualTo(404);
      }
    }
    seesItsPart(OPERATOR_MESTIERI, pathway, mestieriTask);
    PROJECT_WIDE.forEach(user -> seesEverything(user, pathway));

    // when MESTIERI records the first appointment: the pathway is handed over (skills assessment, still active)
    api.completeTask(OPERATOR_MESTIERI, mestieriTask, Map.of("appointmentDate", LocalDate.now(EngineClock.ZONE).toString()));
    assertThat(api.pathwayRecord(pathway.pathwayId())).containsEntry("stage", "SKILLS_ASSESSMENT")
        .containsEntry("status", "ACTIVE").containsEntry("operator_organisation", "MESTIERI");

    // then MESTIERI still reads the pathway, its trail and the file (it works on it now), SOLCO nothing
    readsThePathway(OPERATOR_MESTIERI, pathway, true);
    seesNothing(OPERATOR_LORENTEGGIO, pathway);

    // when the pathway is closed (the participant withdraws during MESTIERI's skills assessment)
    ApiClient.Response withdrawn = api.as(LAB_LORENTEGGIO).post("/api/pathways/" + pathway.pathwayId() + "/withdrawal",
        Map.of("reason", "MOVED", "date", LocalDate.now(EngineClock.ZONE).toString()));
    assertThat(withdrawn.status()).as("%s", withdrawn).isEqualTo(201);

    // then the operator loses it too: 404 on our API; the project still reads it
    seesNothing(OPERATOR_MESTIERI, pathway);
    seesNothing(OPERATOR_LORENTEGGIO, pathway);
    readsThePathway(LAB_LORENTEGGIO, pathway, true);
    readsThePathway(AUDITOR, pathway, false);
  }

  // ------------------------------------------------------------------ what each sees

  private void everyoneButTheProjectSeesNothing(ApiFixtures.Started pathway) {
    NO_PART_YET.forEach(user -> seesNothing(user, pathway));
    OTHER_PROJECT.forEach(user -> seesNothing(user, pathway));
    PROJECT_WIDE.forEach(user -> seesEverything(user, pathway));
  }

  /** Nothing of the pathway exists for the user, at any door: 404 for single resources, absent from every list. */
  private void seesNothing(String user, ApiFixtures.Started pathway) {
    String key = pathway.pathwayId().toString();
    // our API
    ApiClient client = api.as(user);
    assertThat(api.allTasks(user, "")).as("%s: my tasks", user)
        .noneSatisfy(t -> assertThat(t.path("pathwayId").asText()).isEqualTo(key));
    assertThat(client.get("/api/pathways/" + key).status()).as("%s: pathway", user).isEqualTo(404);
    assertThat(client.get("/api/pathways/" + key + "/audit").status()).as("%s: audit", user).isEqualTo(404);
    ApiClient.Response file = client.get("/api/participants/" + pathway.participantId());
    // ALER and auditors read no personal file at all (403 whatever the file); everybody else: no such file
    assertThat(file.status()).as("%s: file %s", user, file)
        .isEqualTo(List.of(HOUSING_LORENTEGGIO, AUDITOR_BOLLATE).contains(user) ? 403 : 404);
    assertThat(file.body()).doesNotContain(pathway.person().fiscalCode());
    // the engine's doors
    for (Door door : ENGINE_DOORS) {
      EngineDoor engine = Doors.engine(api.port(), door, user);
      String as = user + " " + door;
      assertThat(engine.get("/task?processInstanceBusinessKey=" + key).json()).as("%s: tasks", as).isEmpty();
      assertThat(engine.get("/process-instance?businessKey=" + key).json()).as("%s: instances", as).isEmpty();
      assertThat(engine.get("/history/process-instance?processInstanceBusinessKey=" + key).json())
          .as("%s: history", as).isEmpty();
      assertThat(engine.get("/history/task?processInstanceBusinessKey=" + key).json()).as("%s: task history", as)
          .isEmpty();
      assertThat(engine.get("/history/variable-instance?processInstanceId=" + pathway.processInstanceId()).json())
          .as("%s: variable history", as).isEmpty();
      for (Task task : openTasks(pathway)) {
        assertThat(engine.get("/task/" + task.getId()).status()).as("%s: task %s", as, task.getTaskDefinitionKey())
            .isEqualTo(404);
      }
      for (ProcessInstance instance : instances(pathway)) {
        assertThat(engine.get("/process-instance/" + instance.getId()).status()).as("%s: instance", as)
            .isEqualTo(404);
      }
      ApiClient.Response history = engine.get("/history/process-instance/" + pathway.processInstanceId());
      assertThat(history.status()).as("%s: history of the pathway %s", as, history).isIn(403, 404);
      assertThat(history.body()).doesNotContain(key);
    }
  }

  /**
   * The operator sees its part: its hand-over task in its lists, the pathway, its trail and the person's file on our
   * API; at the engine's doors the hand-over and nothing else (not the pathway's own instance, no history).
   */
  private void seesItsPart(String user, ApiFixtures.Started pathway, String handoverTask) {
    String key = pathway.pathwayId().toString();
    assertThat(api.allTasks(user, "")).as("%s: my tasks", user)
        .filteredOn(t -> t.path("pathwayId").asText().equals(key))
        .extracting(t -> t.path("id").asText()).containsExactly(handoverTask);
    readsThePathway(user, pathway, true);
    String handover = api.task(handoverTask).getProcessInstanceId();
    for (Door door : ENGINE_DOORS) {
      EngineDoor engine = Doors.engine(api.port(), door, user);
      String as = user + " " + door;
      assertThat(ids(engine.get("/task?processInstanceBusinessKey=" + key))).as("%s: tasks", as)
          .containsExactly(handoverTask);
      assertThat(engine.get("/task/" + handoverTask).status()).as("%s: task", as).isEqualTo(200);
      assertThat(ids(engine.get("/process-instance?businessKey=" + key))).as("%s: instances", as)
          .containsExactly(handover);
      assertThat(engine.get("/process-instance/" + pathway.processInstanceId()).status()).as("%s: pathway", as)
          .isEqualTo(404);
      // operators read the trail through our API, which applies need to know; not the engine's history
      assertThat(engine.get("/history/process-instance?processInstanceBusinessKey=" + key).json())
          .as("%s: history", as).isEmpty();
      assertThat(engine.get("/history/task?processInstanceBusinessKey=" + key).json()).as("%s: task history", as)
          .isEmpty();
      ApiClient.Response history = engine.get("/history/process-instance/" + handover);
      assertThat(history.status()).as("%s: history of its hand-over %s", as, history).isIn(403, 404);
    }
  }

  /** The lab, the CPI, managers and auditors of the project see every task, instance and the history of it. */
  private void seesEverything(String user, ApiFixtures.Started pathway) {
    String key = pathway.pathwayId().toString();
    readsThePathway(user, pathway, List.of(LAB_LORENTEGGIO, CPI_MILANO).contains(user));
    List<String> tasks = openTasks(pathway).stream().map(Task::getId).toList();
    List<String> instances = instances(pathway).stream().map(ProcessInstance::getId).toList();
    for (Door door : ENGINE_DOORS) {
      EngineDoor engine = Doors.engine(api.port(), door, user);
      String as = user + " " + door;
      assertThat(ids(engine.get("/task?processInstanceBusinessKey=" + key))).as("%s: tasks", as)
          .containsExactlyInAnyOrderElementsOf(tasks);
      assertThat(ids(engine.get("/process-instance?businessKey=" + key))).as("%s: instances", as)
          .containsExactlyInAnyOrderElementsOf(instances);
      assertThat(ids(engine.get("/history/process-instance?processInstanceBusinessKey=" + key)))
          .as("%s: history", as).contains(pathway.processInstanceId());
    }
  }

  /** Our API: the pathway, its audit trail and (for roles that read personal files) the person's file. */
  private void readsThePathway(String user, ApiFixtures.Started pathway, boolean readsFiles) {
    ApiClient client = api.as(user);
    ApiClient.Response view = client.get("/api/pathways/" + pathway.pathwayId());
    assertThat(view.status()).as("%s: pathway %s", user, view).isEqualTo(200);
    ApiClient.Response audit = client.get("/api/pathways/" + pathway.pathwayId() + "/audit");
    assertThat(audit.status()).as("%s: audit %s", user, audit).isEqualTo(200);
    assertThat(audit.json().size()).isPositive();
    ApiClient.Response file = client.get("/api/participants/" + pathway.participantId());
    assertThat(file.status()).as("%s: file %s", user, file).isEqualTo(readsFiles ? 200 : 403);
  }

  private List<Task> openTasks(ApiFixtures.Started pathway) {
    return taskService.createTaskQuery().processInstanceBusinessKey(pathway.pathwayId().toString()).list();
  }

  private List<ProcessInstance> instances(ApiFixtures.Started pathway) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(pathway.pathwayId().toString())
        .list();
  }

  private static List<String> ids(ApiClient.Response response) {
    assertThat(response.status()).as("%s", response).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    for (JsonNode item : response.json()) {
      ids.add(item.path("id").asText());
    }
    return ids;
  }
}
