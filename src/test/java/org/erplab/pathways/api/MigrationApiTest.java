package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.ADMIN;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.MANAGER;
import static org.erplab.pathways.api.ApiFixtures.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.security.process.ProcessStarts;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.OwnProject;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * {@code POST /api/admin/migrations} and the audit record over real HTTP, with a real change: three versions of a
 * test model deployed through the engine as a manager's deployment would be (version 2 adds a task, version 3 renames
 * one: its id changes), instances of two projects of the tests' own, the batch's jobs run through ManagementService
 * (the job executor is off in tests). The deployments are deleted at the end, instances and history with them.
 */
@PathwaysSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrationApiTest {

  /**
   * The test versions take the key of a real process, the simplest: only a catalogued process can be started (the door
   * rules); they are the latest versions only while this class runs, and deleted after it.
   */
  static final String KEY = "arrears-reduction";

  private final ApiFixtures api;
  private final ApplicationContext context;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  private final List<String> deployments = new ArrayList<>();
  private ProcessDefinition v1;
  private ProcessDefinition v2;
  private ProcessDefinition v3;

  @Autowired
  MigrationApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
    this.context = context;
  }

  @BeforeAll
  void deployThreeVersions() {
    v1 = deploy("migration/migration-sample-v1.bpmn");
    v2 = deploy("migration/migration-sample-v2-task-added.bpmn");
    v3 = deploy("migration/migration-sample-v3-task-renamed.bpmn");
    assertThat(List.of(v2.getVersion() - v1.getVersion(), v3.getVersion() - v2.getVersion())).containsExactly(1, 1);
  }

  @AfterAll
  void deleteTheTestModel() {
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
  }

  @Test
  void shouldMoveInstancesOntoAVersionWithATaskAddedInABatchAndRecordIt() {
    OwnProject project = OwnProject.create(context, "MA", EngineClock.today().plusYears(1));
    OwnProject other = OwnProject.create(context, "MB", EngineClock.today().plusYears(1));
    String first = start(v1, project, "Task_First");
    String second = start(v1, project, "Task_Second");
    String others = start(v1, other, "Task_First");

    ApiClient.Response dry = migrate(project.manager(), v1, v2, null, true);
    assertThat(dry.status()).as("%s", dry).isEqualTo(200);
    assertThat(dry.json().path("canMove").asInt()).isEqualTo(2);
    assertThat(dry.json().path("cannotMove").asInt()).isZero();
    assertThat(ids(dry.json().path("instances"))).containsExactlyInAnyOrder(first, second);
    assertThat(definitionOf(first)).as("a dry run moves nothing").isEqualTo(v1.getId());

    ApiClient.Response run = migrate(project.manager(), v1, v2, null, false);

    assertThat(run.status()).as("%s", run).isEqualTo(202);
    String migration = run.json().path("migrationId").asText();
    assertThat(run.header("Location")).contains("/api/admin/migrations/" + migration);
    String batchId = run.json().path("batchId").asText();
    JsonNode running = api.as(project.manager()).get("/api/admin/migrations/" + migration).json();
    assertThat(running.path("outcome").asText()).isEqualTo("RUNNING");
    assertThat(running.path("batchId").asText()).isEqualTo(batchId);

    runBatch(batchId);

    assertThat(definitionOf(first)).isEqualTo(v2.getId());
    assertThat(definitionOf(second)).isEqualTo(v2.getId());
    assertThat(definitionOf(others)).as("another project's instance").isEqualTo(v1.getId());
    // each move is in the audit record, as it happened
    assertThat(context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
        .sql("select details from audit_event where event_type = 'INSTANCE_MIGRATED' and process_instance_id = ?")
        .param(first).query(String.class).list())
        .singleElement().satisfies(d -> assertThat(d).contains("\"version\":" + v2.getVersion()));
    JsonNode record = api.as(project.manager()).get("/api/admin/migrations/" + migration).json();
    assertThat(record.path("outcome").asText()).isEqualTo("COMPLETED");
    assertThat(record.path("processKey").asText()).isEqualTo(KEY);
    assertThat(record.path("sourceVersion").asInt()).isEqualTo(v1.getVersion());
    assertThat(record.path("targetVersion").asInt()).isEqualTo(v2.getVersion());
    assertThat(record.path("instanceCount").asInt()).isEqualTo(2);
    assertThat(record.path("requestedBy").asText()).isEqualTo(project.manager());
    assertThat(record.path("requestedAt").isMissingNode()).isFalse();
    assertThat(record.path("finishedAt").isNull()).isFalse();
    // the new version runs: after the first task comes the task version 2 added
    taskService.complete(taskService.createTaskQuery().processInstanceId(first).singleResult().getId());
    assertThat(taskService.createTaskQuery().processInstanceId(first).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_Added");

    // tenant-aware reading: the other project's manager does not see it; an admin does
    assertProblem(api.as(other.manager()).get("/api/admin/migrations/" + migration), 404);
    assertThat(ids(api.as(other.manager()).get("/api/admin/migrations").json(), "id")).doesNotContain(migration);
    assertThat(ids(api.as(project.manager()).get("/api/admin/migrations").json(), "id")).contains(migration);
    assertThat(api.as(ADMIN).get("/api/admin/migrations/" + migration).status()).isEqualTo(200);
  }

  @Test
  void shouldSayWhyAnInstanceInARenamedTaskCannotMoveAndMoveItWithAMapping() {
    OwnProject project = OwnProject.create(context, "MR", EngineClock.today().plusYears(1));
    OwnProject other = OwnProject.create(context, "MS", EngineClock.today().plusYears(1));
    String atFirst = start(v2, project, "Task_First");
    String atRenamed = start(v2, project, "Task_Second");
    String others = start(v2, other, "Task_Second");

    JsonNode dry = migrate(project.manager(), v2, v3, null, true).json();

    assertThat(dry.path("canMove").asInt()).isEqualTo(1);
    assertThat(dry.path("cannotMove").asInt()).isEqualTo(1);
    Map<String, JsonNode> checks = byId(dry.path("instances"));
    assertThat(checks).containsOnlyKeys(atFirst, atRenamed);
    assertThat(checks.get(atFirst).path("canMove").asBoolean()).isTrue();
    assertThat(checks.get(atRenamed).path("canMove").asBoolean()).isFalse();
    assertThat(checks.get(atRenamed).path("reasons").get(0).asText())
        .isEqualTo("ferma in «Task_Second» (Secondo compito): l'attività non ha una corrispondente nella versione "
            + v3.getVersion() + " (indicare una corrispondenza {from, to})");
    // with the renamed task mapped explicitly, both can move
    List<Map<String, String>> mapping = List.of(Map.of("from", "Task_Second", "to", "Task_Check"));
    JsonNode mapped = migrate(project.manager(), v2, v3, mapping, true).json();
    assertThat(mapped.path("canMove").asInt()).isEqualTo(2);
    assertThat(mapped.path("cannotMove").asInt()).isZero();

    ApiClient.Response run = migrate(project.manager(), v2, v3, mapping, false);
    assertThat(run.status()).as("%s", run).isEqualTo(202);
    runBatch(run.json().path("batchId").asText());

    assertThat(definitionOf(atFirst)).isEqualTo(v3.getId());
    assertThat(definitionOf(atRenamed)).isEqualTo(v3.getId());
    assertThat(taskService.createTaskQuery().processInstanceId(atRenamed).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_Check");
    assertThat(definitionOf(others)).isEqualTo(v2.getId());
    JsonNode record = api.as(project.manager()).get("/api/admin/migrations/" + run.json().path("migrationId").asText())
        .json();
    assertThat(record.path("outcome").asText()).isEqualTo("COMPLETED");
    assertThat(record.path("mappings").get(0).path("from").asText()).isEqualTo("Task_Second");
    assertThat(record.path("mappings").get(0).path("to").asText()).isEqualTo("Task_Check");
    assertThat(ids(record.path("instances"), "processInstanceId")).containsExactlyInAnyOrder(atFirst, atRenamed);
  }

  @Test
  void shouldLetOnlyManagersAndAdminsMigrateAndNameWhatIsWrong() {
    for (String user : List.of(LAB_LORENTEGGIO, ApiFixtures.CPI_MILANO, ApiFixtures.AUDITOR,
        ApiFixtures.OPERATOR_LORENTEGGIO)) {
      assertProblem(migrate(user, v1, v2, null, true), 403);
      assertProblem(api.as(user).get("/api/admin/migrations"), 403);
    }
    assertThat(api.anonymous().post("/api/admin/migrations", Map.of("processKey", KEY)).status()).isEqualTo(401);
    assertThat(migrate(ADMIN, v1, v2, null, true).status()).isEqualTo(200);

    assertProblem(api.as(MANAGER).post("/api/admin/migrations", Map.of("processKey", "no-such-model",
        "sourceVersion", 1, "targetVersion", 2, "dryRun", true)), 404);
    assertFields(api.as(MANAGER).post("/api/admin/migrations", Map.of("dryRun", true)),
        "processKey", "sourceVersion", "targetVersion");
    assertFields(migrate(MANAGER, 999, v2.getVersion(), null, true), "sourceVersion");
    assertFields(migrate(MANAGER, v2, v2, null, true), "targetVersion");
    assertFields(migrate(MANAGER, v2, v3, List.of(Map.of("from", "Task_Nowhere", "to", "Task_Check")), true),
        "mappings[0].from");
    assertProblem(api.as(MANAGER).get("/api/admin/migrations/" + java.util.UUID.randomUUID()), 404);
  }

  // ------------------------------------------------------------------ helpers

  private ProcessDefinition deploy(String resource) {
    Deployment deployment = repositoryService.createDeployment().name(KEY).addClasspathResource(resource).deploy();
    deployments.add(deployment.getId());
    return repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult();
  }

  /** An instance of that version in the project, waiting at {@code activity}. */
  private String start(ProcessDefinition version, OwnProject project, String activity) {
    return start(runtimeService, version, project, activity);
  }

  /** As {@link #start(ProcessDefinition, OwnProject, String)}, for other tests of migrations (their page). */
  static String start(RuntimeService runtimeService, ProcessDefinition version, OwnProject project, String activity) {
    return ProcessStarts.permit(KEY, project.code(), () -> runtimeService.createProcessInstanceById(version.getId())
        .startBeforeActivity(activity).execute().getId());
  }

  private String definitionOf(String instanceId) {
    return definitionOf(runtimeService, instanceId);
  }

  static String definitionOf(RuntimeService runtimeService, String instanceId) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).singleResult()
        .getProcessDefinitionId();
  }

  private ApiClient.Response migrate(String user, ProcessDefinition source, ProcessDefinition target,
      List<Map<String, String>> mappings, boolean dryRun) {
    return migrate(user, source.getVersion(), target.getVersion(), mappings, dryRun);
  }

  private ApiClient.Response migrate(String user, int source, int target, List<Map<String, String>> mappings,
      boolean dryRun) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("processKey", KEY);
    body.put("sourceVersion", source);
    body.put("targetVersion", target);
    body.put("dryRun", dryRun);
    if (mappings != null) {
      body.put("mappings", mappings);
    }
    return api.as(user).post("/api/admin/migrations", body);
  }

  /** The seed job, the migration jobs and the monitor job of the batch, until the batch is over. */
  private void runBatch(String batchId) {
    runBatch(managementService, batchId);
  }

  /** As {@link #runBatch(String)}, for other tests of migrations (their page). */
  static void runBatch(ManagementService managementService, String batchId) {
    for (int round = 0; round < 20; round++) {
      Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
      if (batch == null) {
        return;
      }
      Set<String> definitions = java.util.stream.Stream.of(batch.getSeedJobDefinitionId(),
          batch.getBatchJobDefinitionId(), batch.getMonitorJobDefinitionId()).filter(java.util.Objects::nonNull)
          .collect(java.util.stream.Collectors.toSet());
      for (Job job : managementService.createJobQuery().list()) {
        if (definitions.contains(job.getJobDefinitionId())) {
          managementService.executeJob(job.getId());
        }
      }
    }
    throw new AssertionError("the batch did not end");
  }

  private static List<String> ids(JsonNode instances) {
    return ids(instances, "processInstanceId");
  }

  private static List<String> ids(JsonNode list, String field) {
    List<String> ids = new ArrayList<>();
    list.forEach(n -> ids.add(n.path(field).asText()));
    return ids;
  }

  private static Map<String, JsonNode> byId(JsonNode instances) {
    Map<String, JsonNode> map = new LinkedHashMap<>();
    instances.forEach(n -> map.put(n.path("processInstanceId").asText(), n));
    return map;
  }

  private static void assertFields(ApiClient.Response response, String... fields) {
    assertProblem(response, 400);
    List<String> named = new ArrayList<>();
    response.json().path("errors").forEach(e -> named.add(e.path("field").asText()));
    assertThat(named).as("%s", response).containsExactlyInAnyOrder(fields);
  }
}
