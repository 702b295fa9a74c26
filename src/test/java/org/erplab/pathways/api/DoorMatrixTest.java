package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.ADMIN;
import static org.erplab.pathways.api.ApiFixtures.CPI_MILANO;
import static org.erplab.pathways.api.ApiFixtures.CPI_MILANO_2;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.TASK_ASSIGN_OPERATOR;
import static org.erplab.pathways.api.ApiFixtures.TASK_INTAKE_INTERVIEW;
import static org.erplab.pathways.api.ApiFixtures.body;
import static org.erplab.pathways.api.ApiFixtures.interview;
import static org.erplab.pathways.api.ApiFixtures.pathwayRequest;
import static org.erplab.pathways.api.Doors.typed;
import static org.erplab.pathways.api.Doors.typedAll;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.erplab.pathways.api.Doors.Door;
import org.erplab.pathways.api.Doors.EngineDoor;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.Multipart;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.TestPeople;
import org.erplab.pathways.support.WebappClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Every door gives the same answer (ADR 0009, 0010): one table says, for each user (rows) and each action through each
 * door (columns: our API, engine REST, the webapps' engine API as Tasklist and Cockpit call it), what the answer is,
 * on LORENTEGGIO's pathways. Every refused write is checked to have changed nothing. The tests after the table take
 * each rule further at the engine's doors (every way to start a process, to change a task, to write a variable;
 * claims of colleagues and of completed tasks; logins). {@link AuthorizationMatrixTest} covers the rest of
 * {@code /api}; {@link NeedToKnowTest} follows one pathway through its parts.
 */
@PathwaysSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DoorMatrixTest {

  static final String ANONYMOUS = "(anonymous)";

  /**
   * The actions: a start, lists and reads, work on a task of the lab (Task_IntakeInterview) and of the CPI
   * (Task_AssignOperator), what nobody does to a task, variables, history, instances and deployments.
   */
  enum Action {
    START("start"), TASKS("tasks"), READ_LAB_TASK("r-lab"), CLAIM_LAB_TASK("c-lab"), COMPLETE_LAB_TASK("done"),
    READ_CPI_TASK("r-cpi"), CLAIM_CPI_TASK("c-cpi"), CLAIM_FOR_OTHER("c-oth"), ASSIGN("asgn"), DELEGATE("dlgt"),
    COMMENT("cmnt"), ATTACH("atch"), CREATE_TASK("t-new"), WRITE_VARIABLE("w-var"), WRITE_UNDECLARED("w-cf2"),
    HISTORY("hist"), INSTANCES("inst"), DEPLOY("depl");

    final String label;

    Action(String label) {
      this.label = label;
    }
  }

  /**
   * Rows: users (the name on the first of its three lines); columns: actions; one line per door. A cell is the status
   * answered; {@code has} / {@code none}: 200, and the lab's task or the pathway's instances are listed / not listed;
   * {@code -}: the door has no such action.
   *
   * <ul>
   *   <li>start: {@code POST /api/pathways}; engine doors {@code POST /process-definition/key/pathway/start}
   *   <li>tasks: {@code GET /api/tasks} (my tasks); engine doors {@code GET /task?processInstanceBusinessKey=}
   *   <li>r-lab, r-cpi: {@code GET /task/{id}}; c-lab, c-cpi: claim for oneself; done: complete the lab's interview
   *       ({@code /api/tasks/{id}/complete}, engine REST {@code complete}, webapps {@code submit-form})
   *   <li>c-oth: claim for someone else; asgn: {@code POST /task/{id}/assignee}; dlgt: {@code /delegate};
   *       cmnt: {@code /comment/create}; atch: {@code /attachment/create}; t-new: {@code POST /task/create}
   *   <li>w-var: {@code POST /process-instance/{id}/variables} of a declared variable; w-cf2: of an undeclared one
   *   <li>hist: {@code GET /api/pathways/{id}/audit}; engine doors {@code GET /history/process-instance?...}
   *   <li>inst: {@code GET /api/pathways/{id}}; engine doors {@code GET /process-instance?businessKey=}
   *   <li>depl: {@code POST /deployment/create}
   * </ul>
   */
  static final String MATRIX = """
      user                      door  start tasks r-lab c-lab done  r-cpi c-cpi c-oth asgn  dlgt  cmnt  atch  t-new w-var w-cf2 hist  inst  depl
      (anonymous)               api   401   401   -     401   401   -     401   -     -     -     -     -     -     -     -     401   401   -
                                rest  401   401   401   401   401   401   401   401   401   401   401   401   401   401   401   401   401   401
                                web   401   401   401   401   401   401   401   401   401   401   401   401   401   401   401   401   401   401
      lab.lorenteggio           api   201   has   -     204   204   -     403   -     -     -     -     -     -     -     -     200   200   -
                                rest  403   has   200   204   204   200   403   403   403   403   403   403   403   403   403   has   has   403
                                web   403   has   200   204   204   200   403   403   403   403   403   403   403   403   403   has   has   403
      cpi.milano                api   201   none  -     403   403   -     204   -     -     -     -     -     -     -     -     200   200   -
                                rest  403   has   200   403   403   200   204   403   403   403   403   403   403   403   403   has   has   403
                                web   403   has   200   403   403   200   204   403   403   403   403   403   403   403   403   has   has   403
      operator.lorenteggio      api   403   none  -     404   404   -     404   -     -     -     -     -     -     -     -     404   404   -
                                rest  403   none  404   404   404   404   404   404   404   403   403   403   403   404   404   none  none  403
                                web   403   none  404   404   404   404   404   404   404   403   403   403   403   404   404   none  none  403
      operator.mestieri.test    api   403   none  -     404   404   -     404   -     -     -     -     -     -     -     -     404   404   -
                                rest  403   none  404   404   404   404   404   404   404   403   403   403   403   404   404   none  none  403
                                web   403   none  404   404   404   404   404   404   404   403   403   403   403   404   404   none  none  403
      social.lorenteggio.test   api   403   none  -     404   404   -     404   -     -     -     -     -     -     -     -     404   404   -
                                rest  403   none  404   404   404   404   404   404   404   403   403   403   403   404   404   none  none  403
                                web   403   none  404   404   404   404   404   404   404   403   403   403   403   404   404   none  none  403
      housing.lorenteggio.test  api   403   none  -     404   404   -     404   -     -     -     -     -     -     -     -     404   404   -
                                rest  403   none  404   404   404   404   404   404   404   403   403   403   403   404   404   none  none  403
                                web   403   none  404   404   404   404   404   404   404   403   403   403   403   404   404   none  none  403
      manager                   api   403   none  -     403   403   -     403   -     -     -     -     -     -     -     -     200   200   -
                                rest  403   has   200   403   403   200   403   403   403   403   403   403   403   403   403   has   has   200
                                web   403   has   200   403   403   200   403   403   403   403   403   403   403   403   403   has   has   200
      auditor                   api   403   none  -     403   403   -     403   -     -     -     -     -     -     -     -     200   200   -
                                rest  403   has   200   403   403   200   403   403   403   403   403   403   403   403   403   has   has   403
                                web   403   has   200   403   403   200   403   403   403   403   403   403   403   403   403   has   has   403
      admin                     api   403   none  -     204   204   -     204   -     -     -     -     -     -     -     -     403   403   -
                                rest  403   has   200   204   204   200   204   204   204   403   403   403   403   204   400   has   has   200
                                web   403   has   200   204   204   200   204   204   204   403   403   403   403   204   400   has   has   200
      privacy                   api   403   none  -     403   403   -     403   -     -     -     -     -     -     -     -     403   403   -
                                rest  403   none  404   403   403   404   403   403   403   403   403   403   403   403   403   none  none  403
      lab.bollate               api   403   none  -     404   404   -     404   -     -     -     -     -     -     -     -     404   404   -
                                rest  403   none  404   404   404   404   404   404   404   403   403   403   403   404   404   none  none  403
                                web   403   none  404   404   404   404   404   404   404   403   403   403   403   404   404   none  none  403
      cpi.bollate               api   403   none  -     404   404   -     404   -     -     -     -     -     -     -     -     404   404   -
                                rest  403   none  404   404   404   404   404   404   404   403   403   403   403   404   404   none  none  403
                                web   403   none  404   404   404   404   404   404   404   403   403   403   403   404   404   none  none  403
      operator.bollate          api   403   none  -     404   404   -     404   -     -     -     -     -     -     -     -     404   404   -
                                rest  403   none  404   404   404   404   404   404   404   403   403   403   403   404   404   none  none  403
                                web   403   none  404   404   404   404   404   404   404   403   403   403   403   404   404   none  none  403
      auditor.bollate.test      api   403   none  -     403   403   -     403   -     -     -     -     -     -     -     -     404   404   -
                                rest  403   none  404   404   404   404   404   404   404   403   403   403   403   404   404   none  none  403
                                web   403   none  404   404   404   404   404   404   404   403   403   403   403   404   404   none  none  403
      """;

  record Cell(String user, Door door, Action action, String expected) {
    @Override
    public String toString() {
      return user + " " + door.name().toLowerCase() + " " + action.label + " -> " + expected;
    }
  }

  /** The table as cases, checked to be complete (every user has one line per door and a cell per action). */
  static List<Cell> cells() {
    List<String> lines = MATRIX.lines().filter(l -> !l.isBlank()).toList();
    List<String> header = Arrays.asList(lines.get(0).trim().split("\\s+"));
    List<Action> columns = header.subList(2, header.size()).stream()
        .map(label -> Arrays.stream(Action.values()).filter(a -> a.label.equals(label)).findFirst().orElseThrow())
        .toList();
    assertThat(columns).containsExactly(Action.values());
    List<Cell> cells = new ArrayList<>();
    String user = null;
    for (String line : lines.subList(1, lines.size())) {
      List<String> tokens = new ArrayList<>(Arrays.asList(line.trim().split("\\s+")));
      if (!Arrays.stream(Door.values()).anyMatch(d -> d.name().equalsIgnoreCase(tokens.get(0)))) {
        user = tokens.remove(0);
      }
      Door door = Door.valueOf(tokens.remove(0).toUpperCase());
      assertThat(tokens).as("cells of %s %s", user, door).hasSize(columns.size());
      for (int i = 0; i < columns.size(); i++) {
        if (!tokens.get(i).equals("-")) {
          cells.add(new Cell(user, door, columns.get(i), tokens.get(i)));
        }
      }
    }
    return cells;
  }

  static Stream<Arguments> matrix() {
    return cells().stream().map(Arguments::of);
  }

  private final ApiFixtures api;
  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private ApiFixtures.Started atIntake;
  private ApiFixtures.Started atAssignment;
  private ApiFixtures.Started closed;

  @Autowired
  DoorMatrixTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
    this.taskService = context.getBean(TaskService.class);
    this.repositoryService = context.getBean(RepositoryService.class);
  }

  /** The pathway every refused request is tried on, waiting at the lab's interview (started inside a test). */
  private ApiFixtures.Started atIntake() {
    if (atIntake == null || api.openTask(atIntake.pathwayId(), TASK_INTAKE_INTERVIEW).isEmpty()) {
      atIntake = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    }
    return atIntake;
  }

  /** The pathway waiting at the CPI's Task_AssignOperator. */
  private ApiFixtures.Started atAssignment() {
    if (atAssignment == null || api.openTask(atAssignment.pathwayId(), TASK_ASSIGN_OPERATOR).isEmpty()) {
      atAssignment = api.eligiblePathway(LORENTEGGIO);
    }
    return atAssignment;
  }

  /** A refused request that went through anyway must not spoil the next cases: the shared tasks are released. */
  @AfterEach
  void releaseSharedTasks() {
    for (ApiFixtures.Started shared : Arrays.asList(atIntake, atAssignment)) {
      if (shared != null) {
        for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(shared.pathwayId().toString()).list()) {
          if (task.getAssignee() != null || task.getOwner() != null) {
            taskService.setOwner(task.getId(), null);
            taskService.setAssignee(task.getId(), null);
          }
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matrix")
  void shouldAnswerAsTheTableSaysAtEveryDoor(Cell cell) {
    boolean succeeds = cell.expected().startsWith("2") || cell.expected().equals("has") || cell.expected().equals("none");
    if (cell.door() == Door.API) {
      throughApi(cell, succeeds);
    } else {
      throughEngine(cell, Doors.engine(api.port(), cell.door(), ANONYMOUS.equals(cell.user()) ? null : cell.user()),
          succeeds);
    }
  }

  // ------------------------------------------------------------------ our API

  private void throughApi(Cell cell, boolean succeeds) {
    ApiClient client = ANONYMOUS.equals(cell.user()) ? api.anonymous() : api.as(cell.user());
    switch (cell.action()) {
      case START -> {
        TestPeople.Person person = TestPeople.adult();
        ApiClient.Response response = client.post("/api/pathways", pathwayRequest(LORENTEGGIO, "LAB", person.asRequest()));
        expect(cell, response);
        assertThat(api.participantCount(person.fiscalCode())).isEqualTo(succeeds ? 1 : 0);
      }
      case TASKS -> {
        String interview = api.taskOf(atIntake().pathwayId(), TASK_INTAKE_INTERVIEW);
        if (ANONYMOUS.equals(cell.user())) {
          expect(cell, client.get("/api/tasks"));
        } else {
          boolean listed = api.listedTask(cell.user(), "taskKey=" + TASK_INTAKE_INTERVIEW, interview).isPresent();
          assertThat(listed ? "has" : "none").as("%s", cell).isEqualTo(cell.expected());
        }
      }
      case CLAIM_LAB_TASK -> {
        String task = succeeds ? labTaskOfANewPathway() : api.taskOf(atIntake().pathwayId(), TASK_INTAKE_INTERVIEW);
        expect(cell, client.post("/api/tasks/" + task + "/claim", null));
        assertThat(api.task(task).getAssignee()).isEqualTo(succeeds ? cell.user() : null);
      }
      case COMPLETE_LAB_TASK -> {
        ApiFixtures.Started pathway = succeeds ? api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO) : atIntake();
        String task = api.taskOf(pathway.pathwayId(), TASK_INTAKE_INTERVIEW);
        expect(cell, client.post("/api/tasks/" + task + "/complete", body(interview())));
        assertCompleted(pathway, succeeds);
      }
      case CLAIM_CPI_TASK -> {
        String task = succeeds ? cpiTaskOfANewPathway() : api.taskOf(atAssignment().pathwayId(), TASK_ASSIGN_OPERATOR);
        expect(cell, client.post("/api/tasks/" + task + "/claim", null));
        assertThat(api.task(task).getAssignee()).isEqualTo(succeeds ? cell.user() : null);
      }
      case HISTORY -> {
        ApiClient.Response response = client.get("/api/pathways/" + atIntake().pathwayId() + "/audit");
        expect(cell, response);
        if (succeeds) {
          assertThat(response.json().findValuesAsText("elementId")).contains(TASK_INTAKE_INTERVIEW);
        }
      }
      case INSTANCES -> {
        ApiClient.Response response = client.get("/api/pathways/" + atIntake().pathwayId());
        expect(cell, response);
        if (succeeds) {
          assertThat(response.json().path("id").asText()).isEqualTo(atIntake().pathwayId().toString());
        }
      }
      default -> throw new IllegalArgumentException("no " + cell.action() + " in our API");
    }
  }

  // ------------------------------------------------------------------ engine REST and the webapps' engine API

  private void throughEngine(Cell cell, EngineDoor door, boolean succeeds) {
    switch (cell.action()) {
      case START -> {
        long instances = api.count("select count(*) from ACT_HI_PROCINST");
        expect(cell, door.post("/process-definition/key/pathway/start", Map.of(
            "businessKey", UUID.randomUUID().toString(),
            "variables", Map.of("projectCode", typed(LORENTEGGIO), "pathwayId", typed(UUID.randomUUID().toString())))));
        assertThat(api.count("select count(*) from ACT_HI_PROCINST")).as("instances").isEqualTo(instances);
      }
      case TASKS -> {
        String interview = api.taskOf(atIntake().pathwayId(), TASK_INTAKE_INTERVIEW);
        ApiClient.Response response = door.get("/task?processInstanceBusinessKey=" + atIntake().pathwayId());
        expectList(cell, response, interview);
      }
      case READ_LAB_TASK -> readTask(cell, door, api.taskOf(atIntake().pathwayId(), TASK_INTAKE_INTERVIEW));
      case READ_CPI_TASK -> readTask(cell, door, api.taskOf(atAssignment().pathwayId(), TASK_ASSIGN_OPERATOR));
      case CLAIM_LAB_TASK -> {
        String task = succeeds ? labTaskOfANewPathway() : api.taskOf(atIntake().pathwayId(), TASK_INTAKE_INTERVIEW);
        expect(cell, door.post("/task/" + task + "/claim", Map.of("userId", cell.user())));
        assertThat(api.task(task).getAssignee()).isEqualTo(succeeds ? cell.user() : null);
      }
      case CLAIM_CPI_TASK -> {
        String task = succeeds ? cpiTaskOfANewPathway() : api.taskOf(atAssignment().pathwayId(), TASK_ASSIGN_OPERATOR);
        expect(cell, door.post("/task/" + task + "/claim", Map.of("userId", cell.user())));
        assertThat(api.task(task).getAssignee()).isEqualTo(succeeds ? cell.user() : null);
      }
      case COMPLETE_LAB_TASK -> {
        ApiFixtures.Started pathway = succeeds ? api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO) : atIntake();
        String task = api.taskOf(pathway.pathwayId(), TASK_INTAKE_INTERVIEW);
        // engine REST as an integration would call it; the webapps as Tasklist submits a form
        String how = cell.door() == Door.REST ? "/complete" : "/submit-form";
        expect(cell, door.post("/task/" + task + how, Map.of("variables", typedAll(interview()))));
        assertCompleted(pathway, succeeds);
      }
      case CLAIM_FOR_OTHER -> {
        String task = succeeds ? labTaskOfANewPathway() : api.taskOf(atIntake().pathwayId(), TASK_INTAKE_INTERVIEW);
        expect(cell, door.post("/task/" + task + "/claim", Map.of("userId", CPI_MILANO_2)));
        assertThat(api.task(task).getAssignee()).isEqualTo(succeeds ? CPI_MILANO_2 : null);
      }
      case ASSIGN -> {
        String task = succeeds ? labTaskOfANewPathway() : api.taskOf(atIntake().pathwayId(), TASK_INTAKE_INTERVIEW);
        expect(cell, door.post("/task/" + task + "/assignee", Map.of("userId", LAB_LORENTEGGIO)));
        assertThat(api.task(task).getAssignee()).isEqualTo(succeeds ? LAB_LORENTEGGIO : null);
      }
      case DELEGATE -> {
        String task = api.taskOf(atIntake().pathwayId(), TASK_INTAKE_INTERVIEW);
        expect(cell, door.post("/task/" + task + "/delegate", Map.of("userId", LAB_LORENTEGGIO)));
        Task after = api.task(task);
        assertThat(after.getAssignee()).isNull();
        assertThat(after.getOwner()).isNull();
        assertThat(after.getDelegationState()).isNull();
      }
      case COMMENT -> {
        String task = api.taskOf(atIntake().pathwayId(), TASK_INTAKE_INTERVIEW);
        long comments = api.count("select count(*) from ACT_HI_COMMENT");
        expect(cell, door.post("/task/" + task + "/comment/create", Map.of("message", "Telefonato, richiamare")));
        assertThat(api.count("select count(*) from ACT_HI_COMMENT")).as("comments").isEqualTo(comments);
      }
      case ATTACH -> {
        String task = api.taskOf(atIntake().pathwayId(), TASK_INTAKE_INTERVIEW);
        long attachments = api.count("select count(*) from ACT_HI_ATTACHMENT");
        expect(cell, door.postMultipart("/task/" + task + "/attachment/create", new Multipart()
            .field("attachment-name", "documento.txt")
            .field("attachment-description", "Carta d'identita")
            .field("attachment-type", "text/plain")
            .file("content", "documento.txt", "text/plain", "RSSMRA85T10F205R")));
        assertThat(api.count("select count(*) from ACT_HI_ATTACHMENT")).as("attachments").isEqualTo(attachments);
      }
      case CREATE_TASK -> {
        String id = UUID.randomUUID().toString();
        long tasks = api.count("select count(*) from ACT_RU_TASK");
        expect(cell, door.post("/task/create", Map.of("id", id, "name", "Richiamare la signora Rossi")));
        assertThat(api.count("select count(*) from ACT_RU_TASK")).as("tasks").isEqualTo(tasks);
        assertThat(api.count("select count(*) from ACT_HI_TASKINST where ID_ = ?", id)).isZero();
      }
      case WRITE_VARIABLE -> {
        ApiFixtures.Started pathway = succeeds ? api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO) : atIntake();
        String intake = api.task(api.taskOf(pathway.pathwayId(), TASK_INTAKE_INTERVIEW)).getProcessInstanceId();
        long details = api.count("select count(*) from ACT_HI_DETAIL where PROC_INST_ID_ = ?", intake);
        expect(cell, door.post("/process-instance/" + intake + "/variables",
            Map.of("modifications", Map.of("employmentStatus", typed("UNEMPLOYED")))));
        assertThat(api.count("select count(*) from ACT_HI_VARINST where PROC_INST_ID_ = ? and NAME_ = 'employmentStatus'",
            intake)).isEqualTo(succeeds ? 1 : 0);
        if (!succeeds) {
          assertThat(api.count("select count(*) from ACT_HI_DETAIL where PROC_INST_ID_ = ?", intake)).isEqualTo(details);
        }
      }
      case WRITE_UNDECLARED -> {
        String intake = api.task(api.taskOf(atIntake().pathwayId(), TASK_INTAKE_INTERVIEW)).getProcessInstanceId();
        ApiClient.Response response = door.post("/process-instance/" + intake + "/variables",
            Map.of("modifications", Map.of("cf2", typed("RSSMRA85T10F205R"))));
        expect(cell, response);
        if (cell.expected().equals("400")) {
          assertThat(response.json().findValuesAsText("field")).containsExactly("cf2");
        }
        assertThat(api.count("select count(*) from ACT_HI_VARINST where NAME_ = 'cf2'")).isZero();
        assertThat(api.count("select count(*) from ACT_RU_VARIABLE where NAME_ = 'cf2'")).isZero();
      }
      case HISTORY -> expectList(cell,
          door.get("/history/process-instance?processInstanceBusinessKey=" + atIntake().pathwayId()),
          atIntake().processInstanceId());
      case INSTANCES -> expectList(cell, door.get("/process-instance?businessKey=" + atIntake().pathwayId()),
          atIntake().processInstanceId());
      case DEPLOY -> {
        long deployments = api.count("select count(*) from ACT_RE_DEPLOYMENT");
        String name = "door-matrix-" + UUID.randomUUID();
        // a good model (the shipped decision, as a new version): who may deploy, not what, is the question here
        ApiClient.Response response = door.postMultipart("/deployment/create", new Multipart()
            .field("deployment-name", name)
            .file("data", "referral.dmn", "application/octet-stream", shippedModel("processes/eligibility/referral.dmn")));
        try {
          expect(cell, response);
          assertThat(api.count("select count(*) from ACT_RE_DEPLOYMENT")).isEqualTo(deployments + (succeeds ? 1 : 0));
        } finally {
          // the application's models stay the only deployment the other tests see
          repositoryService.createDeploymentQuery().deploymentName(name).list()
              .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
        }
      }
    }
  }

  // ------------------------------------------------------------------ rule by rule, beyond the table

  static Stream<Arguments> everyUserAtEachEngineDoor() {
    return cells().stream().map(Cell::user).distinct().filter(u -> !ANONYMOUS.equals(u))
        .flatMap(user -> ApiFixtures.PRIVACY.equals(user) ? Stream.of(Arguments.of(user, Door.REST))
            // the privacy officer has no webapp login at all (ErasureApiTest)
            : Stream.of(Arguments.of(user, Door.REST), Arguments.of(user, Door.WEB)));
  }

  /**
   * Rule 1: no process starts through an engine door, whoever asks (admins too), whatever process, project or
   * tenant is named, by key, by id, with a form or by restarting a closed pathway; nothing is created.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyUserAtEachEngineDoor")
  void shouldRefuseEveryProcessStartWhateverTheProcessProjectOrTenant(String user, Door door) {
    EngineDoor engine = Doors.engine(api.port(), door, user);
    String closed = closedPathway().processInstanceId();
    long instances = api.count("select count(*) from ACT_HI_PROCINST");
    long executions = api.count("select count(*) from ACT_RU_EXECUTION");
    List<String> notRefused = new ArrayList<>();
    for (String key : List.of("pathway", "intake", "eligibility", "handover")) {
      String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
          .latestVersion().singleResult().getId();
      for (String project : List.of(LORENTEGGIO, ApiFixtures.BOLLATE)) {
        Map<String, Object> start = Map.of("businessKey", UUID.randomUUID().toString(), "variables", Map.of(
            "projectCode", typed(project), "pathwayId", typed(UUID.randomUUID().toString()),
            "operatorOrganisation", typed("SOLCO")));
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put("/process-definition/key/" + key + "/start", "");
        requests.put("/process-definition/key/" + key + "/submit-form", "");
        requests.put("/process-definition/" + definition + "/start", "");
        requests.put("/process-definition/" + definition + "/submit-form", "");
        for (String tenant : List.of(project, project + ".SOLCO", project + ".CONSORZIO_SIR")) {
          requests.put("/process-definition/key/" + key + "/tenant-id/" + tenant + "/start", "");
          requests.put("/process-definition/key/" + key + "/tenant-id/" + tenant + "/submit-form", "");
        }
        requests.keySet().forEach(path -> {
          ApiClient.Response response = engine.post(path, start);
          if (response.status() != 403) {
            notRefused.add(project + " " + path + " -> " + response);
          }
        });
      }
      if (key.equals("pathway")) {
        ApiClient.Response restart = engine.post("/process-definition/" + definition + "/restart", Map.of(
            "processInstanceIds", List.of(closed),
            "instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "CallActivity_Intake"))));
        if (restart.status() != 403) {
          notRefused.add("restart " + closed + " -> " + restart);
        }
      }
    }
    assertThat(notRefused).as("starts not refused with 403").isEmpty();
    assertThat(api.count("select count(*) from ACT_HI_PROCINST")).as("process instances in history").isEqualTo(instances);
    assertThat(api.count("select count(*) from ACT_RU_EXECUTION")).as("executions").isEqualTo(executions);
  }

  /** A pathway closed at the interview (no consent): what a restart would bring back. */
  private ApiFixtures.Started closedPathway() {
    if (closed == null) {
      closed = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
      api.completeTask(LAB_LORENTEGGIO, api.taskOf(closed.pathwayId(), TASK_INTAKE_INTERVIEW),
          ApiFixtures.interviewWith("consentGiven", false));
      assertThat(api.pathwayRecord(closed.pathwayId()).get("status")).isEqualTo("CLOSED");
    }
    return closed;
  }

  /**
   * Rule 2: a candidate claims for itself only; a colleague's claim is a conflict (409, as {@code /api} answers),
   * to claim, release or complete; the claimant may release its own claim.
   */
  @ParameterizedTest
  @EnumSource(value = Door.class, names = {"REST", "WEB"})
  void shouldLetACandidateClaimOnlyForItselfAndReleaseOnlyItsOwnClaim(Door door) {
    EngineDoor lab = Doors.engine(api.port(), door, LAB_LORENTEGGIO);
    EngineDoor colleague = Doors.engine(api.port(), door, ApiFixtures.LAB_LORENTEGGIO_2);
    String task = labTaskOfANewPathway();

    expectStatus(lab.post("/task/" + task + "/claim", Map.of("userId", ApiFixtures.LAB_LORENTEGGIO_2)), 403);
    assertThat(api.task(task).getAssignee()).isNull();
    expectStatus(lab.post("/task/" + task + "/claim", Map.of("userId", LAB_LORENTEGGIO)), 204);

    expectStatus(colleague.post("/task/" + task + "/claim", Map.of("userId", ApiFixtures.LAB_LORENTEGGIO_2)), 409);
    expectStatus(colleague.post("/task/" + task + "/unclaim", null), 409);
    expectStatus(colleague.post("/task/" + task + "/complete", Map.of("variables", typedAll(interview()))), 409);
    assertThat(api.task(task).getAssignee()).isEqualTo(LAB_LORENTEGGIO);
    // the CPI is no candidate: it may not release the lab's claim either
    expectStatus(Doors.engine(api.port(), door, CPI_MILANO).post("/task/" + task + "/unclaim", null), 403);
    assertThat(api.task(task).getAssignee()).isEqualTo(LAB_LORENTEGGIO);

    expectStatus(lab.post("/task/" + task + "/unclaim", null), 204);
    assertThat(api.task(task).getAssignee()).isNull();
    expectStatus(colleague.post("/task/" + task + "/claim", Map.of("userId", ApiFixtures.LAB_LORENTEGGIO_2)), 204);
    assertThat(api.task(task).getAssignee()).isEqualTo(ApiFixtures.LAB_LORENTEGGIO_2);
  }

  /**
   * Rule 2: even the candidate who holds the task never assigns, delegates, sets the owner, adds or removes
   * candidates, edits, deletes, resolves it or throws a BPMN error or escalation at it; the task stays as it was.
   */
  @ParameterizedTest
  @EnumSource(value = Door.class, names = {"REST", "WEB"})
  void shouldRefuseEveryOtherChangeOfATaskEvenToTheCandidateHoldingIt(Door door) {
    EngineDoor lab = Doors.engine(api.port(), door, LAB_LORENTEGGIO);
    ApiFixtures.Started pathway = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    String task = api.taskOf(pathway.pathwayId(), TASK_INTAKE_INTERVIEW);
    expectStatus(lab.post("/task/" + task + "/claim", Map.of("userId", LAB_LORENTEGGIO)), 204);
    Task before = api.task(task);
    List<String> linksBefore = identityLinks(task);

    Map<String, ApiClient.Response> answers = new LinkedHashMap<>();
    answers.put("assign to a colleague", lab.post("/task/" + task + "/assignee",
        Map.of("userId", ApiFixtures.LAB_LORENTEGGIO_2)));
    answers.put("delegate", lab.post("/task/" + task + "/delegate", Map.of("userId", ApiFixtures.LAB_LORENTEGGIO_2)));
    answers.put("resolve", lab.post("/task/" + task + "/resolve", Map.of("variables", Map.of())));
    answers.put("add a candidate group", lab.post("/task/" + task + "/identity-links",
        Map.of("groupId", "cpi", "type", "candidate")));
    answers.put("add a candidate user", lab.post("/task/" + task + "/identity-links",
        Map.of("userId", CPI_MILANO, "type", "candidate")));
    answers.put("remove the candidate group", lab.post("/task/" + task + "/identity-links/delete",
        Map.of("groupId", "lab", "type", "candidate")));
    answers.put("set the owner", lab.put("/task/" + task, taskDto(before, CPI_MILANO, before.getPriority())));
    answers.put("change the task", lab.put("/task/" + task, taskDto(before, null, 1)));
    answers.put("delete", lab.delete("/task/" + task));
    answers.put("BPMN error", lab.post("/task/" + task + "/bpmnError", Map.of("errorCode", "NO_CONSENT")));
    answers.put("BPMN escalation", lab.post("/task/" + task + "/bpmnEscalation", Map.of("escalationCode", "LATE")));

    assertThat(answers).allSatisfy((what, response) ->
        assertThat(response.status()).as("%s: %s", what, response).isEqualTo(403));
    Task after = api.task(task);
    assertThat(after).as("the task is still open").isNotNull();
    assertThat(after.getAssignee()).isEqualTo(LAB_LORENTEGGIO);
    assertThat(after.getOwner()).isNull();
    assertThat(after.getDelegationState()).isNull();
    assertThat(after.getPriority()).isEqualTo(before.getPriority());
    assertThat(after.getName()).isEqualTo(before.getName());
    assertThat(identityLinks(task)).isEqualTo(linksBefore);
    assertThat(api.openTaskKeys(pathway.pathwayId())).containsExactly(TASK_INTAKE_INTERVIEW);
  }

  private Map<String, Object> taskDto(Task task, String owner, int priority) {
    Map<String, Object> dto = new LinkedHashMap<>();
    dto.put("name", task.getName());
    dto.put("assignee", task.getAssignee());
    dto.put("owner", owner);
    dto.put("priority", priority);
    return dto;
  }

  private List<String> identityLinks(String taskId) {
    return taskService.getIdentityLinksForTask(taskId).stream()
        .map(l -> l.getType() + ":" + l.getGroupId() + ":" + l.getUserId()).sorted().toList();
  }

  /** The six ways to write a variable at the engine doors, on the task's instance or on the task itself. */
  static List<String> variableWrites() {
    return List.of("PUT /task/{task}/variables/{name}", "POST /task/{task}/variables",
        "PUT /task/{task}/localVariables/{name}", "POST /task/{task}/localVariables",
        "PUT /process-instance/{instance}/variables/{name}", "POST /process-instance/{instance}/variables");
  }

  private static ApiClient.Response write(EngineDoor door, String how, String task, String instance, String name,
      Object value) {
    String path = how.substring(how.indexOf(' ') + 1).replace("{task}", task).replace("{instance}", instance)
        .replace("{name}", name);
    return how.startsWith("PUT") ? door.put(path, typed(value))
        : door.post(path, Map.of("modifications", Map.of(name, typed(value))));
  }

  /** Rule 3: variables are written directly by administrators only (a repair); a candidate changes them by its form. */
  @ParameterizedTest
  @EnumSource(value = Door.class, names = {"REST", "WEB"})
  void shouldLetOnlyAnAdministratorWriteADeclaredVariable(Door door) {
    for (String how : variableWrites()) {
      ApiFixtures.Started pathway = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
      String task = api.taskOf(pathway.pathwayId(), TASK_INTAKE_INTERVIEW);
      String instance = api.task(task).getProcessInstanceId();
      expectStatus(Doors.engine(api.port(), door, LAB_LORENTEGGIO).post("/task/" + task + "/claim",
          Map.of("userId", LAB_LORENTEGGIO)), 204);

      for (String user : List.of(LAB_LORENTEGGIO, CPI_MILANO, ApiFixtures.MANAGER, ApiFixtures.AUDITOR)) {
        ApiClient.Response refused = write(Doors.engine(api.port(), door, user), how, task, instance,
            "employmentStatus", "EMPLOYED");
        assertThat(refused.status()).as("%s by %s: %s", how, user, refused).isEqualTo(403);
      }
      assertThat(api.count("select count(*) from ACT_HI_VARINST where PROC_INST_ID_ = ? and NAME_ = 'employmentStatus'",
          instance)).as("%s: nothing written", how).isZero();

      ApiClient.Response repaired = write(Doors.engine(api.port(), door, ADMIN), how, task, instance,
          "employmentStatus", "EMPLOYED");
      assertThat(repaired.status()).as("%s by the admin: %s", how, repaired).isEqualTo(204);
      assertThat(api.count("select count(*) from ACT_HI_VARINST where PROC_INST_ID_ = ? and NAME_ = 'employmentStatus'",
          instance)).as("%s: written", how).isEqualTo(1);
    }
  }

  /**
   * Rule 3: not even an administrator writes an undeclared variable, a value of the wrong kind, or a sensitive value
   * outside the completion of its task: 400 naming the variable, and nothing reaches the engine's tables.
   */
  @ParameterizedTest
  @EnumSource(value = Door.class, names = {"REST", "WEB"})
  void shouldRefuseUndeclaredWronglyTypedAndSensitiveVariablesEvenToAnAdministrator(Door door) {
    EngineDoor admin = Doors.engine(api.port(), door, ADMIN);
    ApiFixtures.Started pathway = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    String interview = api.taskOf(pathway.pathwayId(), TASK_INTAKE_INTERVIEW);
    String intake = api.task(interview).getProcessInstanceId();
    ApiFixtures.Started verifying = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    api.completeTask(LAB_LORENTEGGIO, api.taskOf(verifying.pathwayId(), TASK_INTAKE_INTERVIEW),
        ApiFixtures.interviewWith("naspiRecipient", true));
    String verify = api.taskOf(verifying.pathwayId(), ApiFixtures.TASK_VERIFY_ELIGIBILITY);
    String eligibility = api.task(verify).getProcessInstanceId();

    Map<String, Object[]> refusals = new LinkedHashMap<>();
    refusals.put("cf2", new Object[] {interview, intake, "RSSMRA85T10F205R"});
    refusals.put("consentGiven", new Object[] {interview, intake, "yes"});
    refusals.put("note", new Object[] {interview, intake, "La signora ha raccontato che..."});
    refusals.put("vulnerabilities", new Object[] {interview, intake, List.of("GENDER_VIOLENCE")});
    refusals.put("verificationNote", new Object[] {verify, eligibility, "Documenti del marito"});
    for (String how : variableWrites()) {
      refusals.forEach((name, target) -> {
        ApiClient.Response response = write(admin, how, (String) target[0], (String) target[1], name, target[2]);
        assertThat(response.status()).as("%s %s: %s", how, name, response).isEqualTo(400);
        assertThat(response.json().findValuesAsText("field")).as("%s %s: %s", how, name, response)
            .containsExactly(name);
      });
    }
    for (String instance : List.of(intake, eligibility)) {
      assertThat(api.count("select count(*) from ACT_HI_VARINST where PROC_INST_ID_ = ? and NAME_ in "
          + "('cf2', 'consentGiven', 'note', 'vulnerabilities', 'verificationNote')", instance)).isZero();
      assertThat(api.count("select count(*) from ACT_RU_VARIABLE where PROC_INST_ID_ = ? and NAME_ in "
          + "('cf2', 'consentGiven', 'note', 'vulnerabilities', 'verificationNote')", instance)).isZero();
    }
  }

  /**
   * Rule 2, once a task is done: claiming, releasing or completing it again is a conflict (409) for whoever sees it,
   * and another project's users learn nothing (404), at every door.
   */
  @ParameterizedTest
  @EnumSource(Door.class)
  void shouldAnswerACompletedTaskAsAConflictAndAsUnknownToAnotherProject(Door door) {
    ApiFixtures.Started pathway = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    String task = api.taskOf(pathway.pathwayId(), TASK_INTAKE_INTERVIEW);
    api.completeTask(LAB_LORENTEGGIO, task, interview());

    for (String action : List.of("claim", "unclaim", "complete")) {
      for (String user : List.of(LAB_LORENTEGGIO, ApiFixtures.LAB_BOLLATE)) {
        ApiClient.Response response;
        if (door == Door.API) {
          response = api.as(user).post("/api/tasks/" + task + "/" + action,
              action.equals("complete") ? body(interview()) : null);
        } else {
          response = Doors.engine(api.port(), door, user).post("/task/" + task + "/" + action,
              action.equals("claim") ? Map.of("userId", user) : Map.of("variables", typedAll(interview())));
        }
        assertThat(response.status()).as("%s by %s: %s", action, user, response)
            .isEqualTo(user.equals(LAB_LORENTEGGIO) ? 409 : 404);
      }
    }
    assertThat(api.openTaskKeys(pathway.pathwayId())).containsExactly(TASK_ASSIGN_OPERATOR);
  }

  /** Rule 6: no login, or a wrong password, is a 401 at every door (from a fresh address: logins are throttled). */
  @ParameterizedTest
  @EnumSource(Door.class)
  void shouldAnswer401WithoutALoginOrWithAWrongPassword(Door door) {
    String wrongUser = ApiFixtures.WRONG_PASSWORD_USER;
    switch (door) {
      case API -> {
        expectStatus(api.anonymous().get("/api/tasks"), 401);
        expectStatus(ApiClient.as(api.port(), wrongUser, "wrong").from(ApiClient.someAddress()).get("/api/tasks"), 401);
      }
      case REST -> {
        expectStatus(api.anonymous().get("/engine-rest/task"), 401);
        expectStatus(ApiClient.as(api.port(), wrongUser, "wrong").from(ApiClient.someAddress())
            .get("/engine-rest/task"), 401);
      }
      case WEB -> {
        expectStatus(WebappClient.anonymous(api.port()).get("/task"), 401);
        WebappClient browser = WebappClient.from(api.port(), ApiClient.someAddress());
        expectStatus(browser.login(wrongUser, "wrong"), 401);
        expectStatus(browser.get("/task"), 401);
      }
    }
  }

  private static void expectStatus(ApiClient.Response response, int status) {
    assertThat(response.status()).as("%s", response).isEqualTo(status);
  }

  private void readTask(Cell cell, EngineDoor door, String taskId) {
    ApiClient.Response response = door.get("/task/" + taskId);
    expect(cell, response);
    if (response.status() == 200) {
      assertThat(response.json().path("id").asText()).isEqualTo(taskId);
    } else {
      assertThat(response.body()).doesNotContain(atIntake().pathwayId().toString(), LORENTEGGIO);
    }
  }

  private String labTaskOfANewPathway() {
    return api.taskOf(api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO).pathwayId(), TASK_INTAKE_INTERVIEW);
  }

  private String cpiTaskOfANewPathway() {
    return api.taskOf(api.eligiblePathway(LORENTEGGIO).pathwayId(), TASK_ASSIGN_OPERATOR);
  }

  /** The interview was completed (the CPI's assignment is next, the answers filed) or nothing changed. */
  private void assertCompleted(ApiFixtures.Started pathway, boolean completed) {
    assertThat(api.openTaskKeys(pathway.pathwayId()))
        .containsExactly(completed ? TASK_ASSIGN_OPERATOR : TASK_INTAKE_INTERVIEW);
    assertThat(api.vulnerabilityCount(pathway.pathwayId())).isEqualTo(completed ? 1 : 0);
    if (!completed) {
      assertThat(api.task(api.taskOf(pathway.pathwayId(), TASK_INTAKE_INTERVIEW)).getAssignee()).isNull();
    }
  }

  private static void expect(Cell cell, ApiClient.Response response) {
    assertThat(String.valueOf(response.status())).as("%s: %s", cell, response).isEqualTo(cell.expected());
  }

  /** {@code has} / {@code none}: a 200 list that holds / does not hold the id; otherwise the status. */
  private static void expectList(Cell cell, ApiClient.Response response, String id) {
    if (!cell.expected().equals("has") && !cell.expected().equals("none")) {
      expect(cell, response);
      return;
    }
    assertThat(response.status()).as("%s: %s", cell, response).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    for (JsonNode item : response.json()) {
      ids.add(item.path("id").asText());
    }
    assertThat(ids.contains(id) ? "has" : "none").as("%s: %s", cell, response).isEqualTo(cell.expected());
  }

  private static String shippedModel(String path) {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of(path));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
