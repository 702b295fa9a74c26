package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.CPI_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.LAB_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.TASK_INTAKE_INTERVIEW;
import static org.erplab.pathways.api.ApiFixtures.basic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Camunda's own REST API ({@code /engine-rest}) is another door to the same pathways: it requires a login, and the
 * tenant check keeps every project's tasks, instances and history from the other project's users, even those in the
 * same role group (the lab of Bollate is a candidate of every lab task).
 */
@PathwaysSpringTest
class EngineRestIsolationTest {

  private final ApiFixtures api;
  private ApiFixtures.Started lorenteggio;
  private String interviewTask;

  @Autowired
  EngineRestIsolationTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
  }

  @BeforeEach
  void startLorenteggioPathway() {
    lorenteggio = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    interviewTask = api.taskOf(lorenteggio.pathwayId(), TASK_INTAKE_INTERVIEW);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/task", "/engine-rest/process-instance", "/engine-rest/history/process-instance",
      "/engine-rest/history/task", "/engine-rest/process-definition", "/engine-rest/user"})
  void shouldAnswer401WithoutLoginOrWithAWrongPassword(String path) {
    ApiFixtures.RawResponse anonymous = api.raw("GET", path, null, null);
    ApiFixtures.RawResponse wrong = api.raw("GET", path, basic(ApiFixtures.WRONG_PASSWORD_USER, "wrong"), null);

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.wwwAuthenticate()).hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
    assertThat(anonymous.body()).doesNotContain(interviewTask);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.body()).doesNotContain(interviewTask);
  }

  @Test
  void shouldAnswer401ToAnAnonymousCompletion() {
    ApiFixtures.RawResponse response = api.raw("POST", "/engine-rest/task/" + interviewTask + "/complete", null,
        "{\"variables\":{}}");

    assertThat(response.status()).isEqualTo(401);
    assertThat(api.task(interviewTask)).isNotNull();
  }

  @Test
  void shouldShowTheProjectsOwnTasksAndHistoryToItsStaff() {
    String key = lorenteggio.pathwayId().toString();

    assertThat(ids(get(LAB_LORENTEGGIO, "/engine-rest/task?processInstanceBusinessKey=" + key)))
        .containsExactly(interviewTask);
    assertThat(ids(get(LAB_LORENTEGGIO, "/engine-rest/history/process-instance?processInstanceBusinessKey=" + key)))
        .contains(lorenteggio.processInstanceId());
    assertThat(ids(get(ApiFixtures.CPI_MILANO, "/engine-rest/process-instance?businessKey=" + key)))
        .contains(lorenteggio.processInstanceId());
    // an operator has no part in a pathway at intake (need to know): the instance is not listed
    assertThat(get(OPERATOR_LORENTEGGIO, "/engine-rest/process-instance?businessKey=" + key)).isEmpty();
  }

  @Test
  void shouldLetTheLabAndTheCpiReadTheirProjectsProcessInstances() {
    String key = lorenteggio.pathwayId().toString();

    assertThat(ids(get(LAB_LORENTEGGIO, "/engine-rest/process-instance?businessKey=" + key)))
        .contains(lorenteggio.processInstanceId());
    assertThat(ids(get(ApiFixtures.CPI_MILANO, "/engine-rest/process-instance?businessKey=" + key)))
        .contains(lorenteggio.processInstanceId());
  }

  @Test
  void shouldHideAnotherProjectsTasksFromItsUsers() {
    String key = lorenteggio.pathwayId().toString();

    assertThat(get(LAB_BOLLATE, "/engine-rest/task?processInstanceBusinessKey=" + key)).isEmpty();
    assertThat(ids(get(LAB_BOLLATE, "/engine-rest/task?candidateGroup=lab&maxResults=1000")))
        .doesNotContain(interviewTask);
    assertThat(get(LAB_BOLLATE, "/engine-rest/task?candidateGroup=lab&maxResults=1000"))
        .allSatisfy(t -> assertThat(t.path("tenantId").asText()).isEqualTo(ApiFixtures.BOLLATE));
    assertThat(get(LAB_BOLLATE, "/engine-rest/task/count?processInstanceBusinessKey=" + key).path("count").asInt())
        .isZero();
    assertThat(api.as(LAB_BOLLATE).get("/engine-rest/task/" + interviewTask).status()).isEqualTo(404);
  }

  @Test
  void shouldHideAnotherProjectsProcessInstancesFromItsUsers() {
    String key = lorenteggio.pathwayId().toString();

    assertThat(get(LAB_BOLLATE, "/engine-rest/process-instance?businessKey=" + key)).isEmpty();
    assertThat(get(OPERATOR_BOLLATE, "/engine-rest/process-instance?businessKey=" + key)).isEmpty();
    // the project's own instances, or those of its part the operator's organisation works on (BOLLATE.CONSORZIO_SIR)
    assertThat(get(OPERATOR_BOLLATE, "/engine-rest/process-instance?maxResults=1000"))
        .allSatisfy(p -> assertThat(p.path("tenantId").asText())
            .isIn(ApiFixtures.BOLLATE, ApiFixtures.BOLLATE + ".CONSORZIO_SIR"));
    assertThat(api.as(OPERATOR_BOLLATE).get("/engine-rest/process-instance/" + lorenteggio.processInstanceId()).status())
        .isEqualTo(404);
  }

  @Test
  void shouldHideAnotherProjectsHistoryFromItsUsers() {
    String key = lorenteggio.pathwayId().toString();

    assertThat(get(LAB_BOLLATE, "/engine-rest/history/process-instance?processInstanceBusinessKey=" + key)).isEmpty();
    assertThat(get(CPI_BOLLATE, "/engine-rest/history/process-instance?processInstanceBusinessKey=" + key)).isEmpty();
    assertThat(get(LAB_BOLLATE, "/engine-rest/history/task?processInstanceBusinessKey=" + key)).isEmpty();
    assertThat(get(LAB_BOLLATE, "/engine-rest/history/activity-instance?processInstanceId="
        + lorenteggio.processInstanceId())).isEmpty();
    assertThat(get(LAB_BOLLATE, "/engine-rest/history/variable-instance?processInstanceId="
        + lorenteggio.processInstanceId())).isEmpty();
    assertThat(api.as(LAB_BOLLATE).get("/engine-rest/history/process-instance/" + lorenteggio.processInstanceId())
        .status()).isEqualTo(404);
  }

  @Test
  void shouldNotLetAnotherProjectsUserCompleteOrClaimATask() {
    ApiClient bollateLab = api.as(LAB_BOLLATE);
    Map<String, Object> variables = Map.of("variables", Map.of(
        "consentGiven", Map.of("value", true, "type", "Boolean"),
        "employmentStatus", Map.of("value", "UNEMPLOYED", "type", "String")));

    ApiClient.Response complete = bollateLab.post("/engine-rest/task/" + interviewTask + "/complete", variables);
    ApiClient.Response submit = bollateLab.post("/engine-rest/task/" + interviewTask + "/submit-form", variables);
    ApiClient.Response claim = bollateLab.post("/engine-rest/task/" + interviewTask + "/claim",
        Map.of("userId", LAB_BOLLATE));

    assertThat(api.task(interviewTask)).as("the task is still open").isNotNull();
    assertThat(api.task(interviewTask).getAssignee()).isNull();
    assertThat(api.openTaskKeys(lorenteggio.pathwayId())).containsExactly(TASK_INTAKE_INTERVIEW);
    assertThat(complete.status()).as("complete: %s", complete).isBetween(400, 499);
    assertThat(submit.status()).as("submit-form: %s", submit).isBetween(400, 499);
    assertThat(claim.status()).as("claim: %s", claim).isBetween(400, 499);
  }

  @Test
  void shouldNotLetAnotherProjectsUserReadOrChangeVariables() {
    ApiClient bollateLab = api.as(LAB_BOLLATE);
    String instance = lorenteggio.processInstanceId();

    ApiClient.Response read = bollateLab.get("/engine-rest/process-instance/" + instance + "/variables");
    ApiClient.Response write = bollateLab.post("/engine-rest/process-instance/" + instance + "/variables",
        Map.of("modifications", Map.of("projectCode", Map.of("value", "BOLLATE", "type", "String"))));

    assertThat(read.body()).doesNotContain(lorenteggio.participantId().toString());
    assertThat(get(ApiFixtures.CPI_MILANO, "/engine-rest/process-instance/" + instance + "/variables/projectCode")
        .path("value").asText()).isEqualTo(LORENTEGGIO);
    assertThat(read.status()).as("read: %s", read).isBetween(400, 499);
    assertThat(write.status()).as("write: %s", write).isBetween(400, 499);
  }

  private JsonNode get(String user, String path) {
    ApiClient.Response response = api.as(user).get(path);
    assertThat(response.status()).as("%s %s", path, response).isEqualTo(200);
    return response.json();
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(n -> ids.add(n.path("id").asText()));
    return ids;
  }
}
