package org.erplab.pathways.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.AppNode;
import org.erplab.pathways.support.Cluster;
import org.erplab.pathways.support.IntakeAnswers;
import org.erplab.pathways.support.Multipart;
import org.erplab.pathways.support.TestPeople;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes for real (issue 11): the packaged application started twice at the same moment on one empty PostgreSQL,
 * the job executor on in both, as {@code deploy/} runs it with no start order. Pathways go through both nodes; each
 * node serves what the other wrote; timers made due on the shared database fire once each, whichever node acquires
 * them; a model deployed on one node runs on the other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

  private static final String LAB = "lab.lorenteggio";
  private static final String CPI = "cpi.milano";
  private static final String VERIFICATION_TIMER = "Timer_VerificationOverdue";

  private EmbeddedPostgres postgres;
  private Cluster cluster;
  private AppNode one;
  private AppNode two;
  private JdbcClient jdbc;

  @BeforeAll
  void startTwoNodesAtOnce(@TempDir Path directory) throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    cluster = new Cluster(postgres, directory);
    jdbc = cluster.jdbc();
    one = cluster.launch("node-1");
    two = cluster.launch("node-2");
    Cluster.awaitReady(one);
    Cluster.awaitReady(two);
  }

  @AfterAll
  void stop() throws IOException {
    if (cluster != null) {
      cluster.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  @Order(1)
  void shouldStartBothAtTheSameMomentOnAnEmptyDatabaseWithoutARace() {
    assertThat(count("select count(*) from act_re_deployment")).as("one deployment of the models").isEqualTo(1);
    assertThat(jdbc.sql("select distinct version_ from act_re_procdef").query(Integer.class).list())
        .as("no second version of any model").containsExactly(1);
    assertThat(count("select count(*) from project")).isEqualTo(2);
    assertThat(count("select count(*) from act_id_user")).as("the demo users, once").isEqualTo(14);
    assertThat(count("select count(*) from (select fiscal_code from participant group by project_code, fiscal_code"
        + " having count(*) > 1) twice")).isZero();
    assertThat(count("select count(*) from flyway_schema_history where not success")).isZero();
    for (AppNode node : List.of(one, two)) {
      assertThat(node.log().lines().filter(line -> line.contains(" ERROR ")).toList())
          .as("errors in the log of " + node.name()).isEmpty();
      assertThat(node.as("admin").get("/api/projects").json().findValuesAsText("code"))
          .containsExactlyInAnyOrder("LORENTEGGIO", "BOLLATE");
    }
  }

  @Test
  @Order(2)
  void shouldServeFromEachNodeWhatTheOtherWrote() {
    String pathwayId = start(one, "LAB");
    JsonNode seenByOne = one.as(LAB).get("/api/pathways/" + pathwayId).json();
    ApiClient.Response seenByTwo = two.as(LAB).get("/api/pathways/" + pathwayId);
    assertThat(seenByTwo.status()).as(seenByTwo.toString()).isEqualTo(200);
    assertThat(seenByTwo.json()).isEqualTo(seenByOne);

    String taskId = task(two, LAB, pathwayId, "Task_IntakeInterview");
    complete(two, LAB, taskId, IntakeAnswers.eligibleWith(Map.of("naspiRecipient", true)));
    assertThat(task(one, CPI, pathwayId, "Task_VerifyEligibility")).as("the CPI's task, on the other node").isNotNull();
    ApiClient.Response again = one.as(LAB).post("/api/tasks/" + taskId + "/complete",
        Map.of("variables", IntakeAnswers.eligible()));
    assertThat(again.status()).as("the task completed on node 2, completed again on node 1: " + again)
        .isIn(404, 409);
  }

  @Test
  @Order(3)
  void shouldFireEveryDueTimerOnceWhicheverNodeTakesIt() {
    int pathways = 24;
    List<String> started = new ArrayList<>();
    for (int i = 0; i < pathways; i++) {
      AppNode node = i % 2 == 0 ? one : two;
      String pathwayId = start(node, "LAB");
      complete(node, LAB, task(node, LAB, pathwayId, "Task_IntakeInterview"),
          IntakeAnswers.eligibleWith(Map.of("naspiRecipient", true)));
      started.add(pathwayId);
    }
    String jobs = """
        from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_
        where d.act_id_ = :timer and j.process_instance_id_ in
          (select proc_inst_id_ from act_ru_execution where business_key_ in (:keys)
           union select p.id_ from act_ru_execution p where p.super_exec_ in
             (select id_ from act_ru_execution where business_key_ in (:keys)))""";
    List<String> due = jdbc.sql("select j.id_ " + jobs).param("keys", started).param("timer", VERIFICATION_TIMER)
        .query(String.class).list();
    assertThat(due).as("a verification timer per pathway").hasSize(pathways);

    // time passes: the deadline falls now, on the database both nodes poll
    jdbc.sql("update act_ru_job set duedate_ = current_timestamp - interval '1 second' where id_ in (:ids)")
        .param("ids", due).update();
    await("every timer fired").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> count("select count(*) from deadline where kind = 'VERIFICATION'"
        + " and state = 'MISSED' and pathway_id in (" + uuids(started) + ")") == pathways);

    List<Map<String, Object>> runs = jdbc.sql("""
        select job_id_ as job, count(*) as runs, min(hostname_) as node from act_hi_job_log
        where job_id_ in (:ids) and job_state_ = 2 group by job_id_""").param("ids", due).query().listOfRows();
    assertThat(runs).as("each timer succeeded once").hasSize(pathways)
        .allSatisfy(run -> assertThat(((Number) run.get("runs")).intValue()).isEqualTo(1));
    Map<String, Long> byNode = new LinkedHashMap<>();
    runs.forEach(run -> byNode.merge((String) run.get("node"), 1L, Long::sum));
    System.out.println("Verification timers fired, by node: " + byNode);
    assertThat(byNode.keySet()).isSubsetOf("node-1", "node-2");
    assertThat(count("""
        select count(*) from (select deadline_id from pathway_event where event_type = 'DEADLINE_MISSED'
          and pathway_id in (%s) group by deadline_id having count(*) > 1) twice""".formatted(uuids(started))))
        .as("no deadline missed twice").isZero();
    assertThat(count("select count(*) from pathway_event where event_type = 'DEADLINE_MISSED' and pathway_id in ("
        + uuids(started) + ")")).isEqualTo(pathways);
    assertThat(count("select count(*) from act_ru_job where id_ in ('" + String.join("','", due) + "')")).isZero();
  }

  @Test
  @Order(4)
  void shouldRunOnOneNodeAModelDeployedOnTheOther() throws IOException {
    String intake = Files.readString(Path.of("processes/intake/intake.bpmn"), StandardCharsets.UTF_8);
    String interview = "<bpmn:userTask id=\"Task_IntakeInterview\" ";
    assertThat(intake).contains(interview);
    Multipart modeler = new Multipart().field("deployment-name", "modeler-" + UUID.randomUUID())
        .field("deployment-source", "Camunda Modeler").field("deploy-changed-only", "true")
        .file("intake.bpmn", "intake.bpmn", "application/octet-stream",
            intake.replace(interview, interview + "camunda:priority=\"45\" "));
    ApiClient.Response deployed = one.as("manager").postMultipart("/engine-rest/deployment/create", modeler);
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);

    String pathwayId = start(two, "LAB");
    JsonNode interviewTask = two.as("admin").get("/engine-rest/task?processInstanceBusinessKey=" + pathwayId
        + "&taskDefinitionKey=Task_IntakeInterview").json();
    assertThat(interviewTask).as("the interview of a pathway started on node 2").hasSize(1);
    assertThat(interviewTask.get(0).get("priority").asInt()).as("the model deployed on node 1").isEqualTo(45);
    String definition = interviewTask.get(0).get("processDefinitionId").asText();
    assertThat(jdbc.sql("select version_ from act_re_procdef where id_ = ?").param(definition).query(Integer.class)
        .single()).isEqualTo(2);
    // and the node that deployed it runs it too
    String other = start(one, "LAB");
    assertThat(one.as("admin").get("/engine-rest/task?processInstanceBusinessKey=" + other
        + "&taskDefinitionKey=Task_IntakeInterview").json().get(0).get("priority").asInt()).isEqualTo(45);
  }

  private String start(AppNode node, String channel) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("projectCode", "LORENTEGGIO");
    request.put("channel", channel);
    request.put("person", TestPeople.adult().asRequest());
    ApiClient.Response started = node.as(LAB).post("/api/pathways", request);
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    return started.json().get("pathwayId").asText();
  }

  private static String task(AppNode node, String user, String pathwayId, String taskKey) {
    ApiClient.Response tasks = node.as(user).get("/api/tasks?pathwayId=" + pathwayId + "&taskKey=" + taskKey);
    assertThat(tasks.status()).as(tasks.toString()).isEqualTo(200);
    assertThat(tasks.json()).as(taskKey + " of " + pathwayId + " for " + user + " on " + node.name()).hasSize(1);
    return tasks.json().get(0).get("id").asText();
  }

  private static void complete(AppNode node, String user, String taskId, Map<String, Object> variables) {
    ApiClient.Response completed = node.as(user).post("/api/tasks/" + taskId + "/complete",
        Map.of("variables", variables));
    assertThat(completed.status()).as(completed.toString()).isEqualTo(204);
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  private static String uuids(List<String> ids) {
    return "'" + String.join("','", ids) + "'";
  }

}
