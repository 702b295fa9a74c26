package org.erplab.pathways.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.erplab.pathways.pathway.process.EligibilityProcess;
import org.erplab.pathways.pathway.process.IntakeProcess;
import org.erplab.pathways.pathway.process.PathwayProcess;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /api/pathways/{id}/audit} over real HTTP: a LAB pathway whose intake interview leads to TO_VERIFY (NASpI),
 * then its audit record as the auditor reads it (paged, in chain order), and who may read it.
 */
@PathwaysSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailApiTest {

  private static final String LAB = "lab.lorenteggio";
  private static final String SECRET_NOTE = "nota riservata";

  private final int port;
  private TestPeople.Person person;
  private String pathwayId;
  private String intakeTaskId;
  private JsonNode trail;
  private String body;

  AuditTrailApiTest(@LocalServerPort int port) {
    this.port = port;
  }

  /** Once per class, but inside a test method's coverage run (the engine's coverage listener needs one). */
  @BeforeEach
  void givenAPathwayWaitingForVerification() {
    if (trail != null) {
      return;
    }
    person = TestPeople.adult();
    ApiClient lab = ApiClient.as(port, LAB);
    Map<String, Object> start = new LinkedHashMap<>();
    start.put("projectCode", "LORENTEGGIO");
    start.put("channel", "LAB");
    start.put("person", person.asRequest());
    ApiClient.Response started = lab.post("/api/pathways", start);
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    pathwayId = started.json().get("pathwayId").asText();

    intakeTaskId = openTask(lab, IntakeProcess.Elements.TASK_INTAKE_INTERVIEW).get("id").asText();
    ApiClient.Response claimed = lab.post("/api/tasks/" + intakeTaskId + "/claim", "");
    assertThat(claimed.status()).as(claimed.toString()).isEqualTo(204);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("consentGiven", true);
    variables.put("residentInErp", true);
    variables.put("housingHardship", true);
    variables.put("employmentStatus", "UNEMPLOYED");
    variables.put("hasDid", true);
    variables.put("education", "UPPER_SECONDARY");
    variables.put("naspiRecipient", true);
    variables.put("otherMeasure", "NONE");
    variables.put("permitStatus", "NOT_REQUIRED");
    variables.put("vulnerabilities", List.of("DISABILITY"));
    variables.put("note", SECRET_NOTE);
    ApiClient.Response completed = lab.post("/api/tasks/" + intakeTaskId + "/complete", Map.of("variables", variables));
    assertThat(completed.status()).as(completed.toString()).isEqualTo(204);
    assertThat(openTask(ApiClient.as(port, "cpi.milano"), EligibilityProcess.Elements.TASK_VERIFY_ELIGIBILITY)).isNotNull();

    ApiClient.Response audit = ApiClient.as(port, "auditor").get(auditPath(pathwayId));
    assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
    body = audit.body();
    trail = audit.json();
  }

  @Test
  void shouldListTheRecordInChainOrder() {
    assertThat(trail.isArray()).isTrue();
    List<Long> seqs = entries(e -> true).stream().map(e -> e.get("seq").asLong()).toList();
    assertThat(seqs).isNotEmpty().isSorted().first().isEqualTo(1L);
    assertThat(seqs.get(seqs.size() - 1)).isEqualTo((long) seqs.size());
    List<OffsetDateTime> times = entries(e -> true).stream().map(e -> OffsetDateTime.parse(e.get("at").asText())).toList();
    assertThat(times).isSorted();
    assertThat(trail.get(0).get("type").asText()).isEqualTo("PROCESS_STARTED");
    assertThat(trail.get(0).get("elementId").asText()).isEqualTo(PathwayProcess.KEY);
    assertThat(trail.get(0).get("at").asText()).matches(".*\\+0[12]:00$");
    assertThat(trail.get(0).get("hash").asText()).hasSize(64);
  }

  @Test
  void shouldPageThroughTheRecordInTheSameOrder() {
    ApiClient auditor = ApiClient.as(port, "auditor");
    List<JsonNode> pages = new ArrayList<>();
    for (int first = 0; first < trail.size(); first += 7) {
      ApiClient.Response page = auditor.get(auditPath(pathwayId) + "?firstResult=" + first + "&maxResults=7");
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      assertThat(page.json().size()).isBetween(1, 7);
      page.json().forEach(pages::add);
    }
    assertThat(pages).hasSize(trail.size());
    for (int i = 0; i < pages.size(); i++) {
      assertThat(pages.get(i)).isEqualTo(trail.get(i));
    }
    ApiClient.Response past = auditor.get(auditPath(pathwayId) + "?firstResult=" + trail.size());
    assertThat(past.json().size()).isZero();
    ApiClient.Response bad = auditor.get(auditPath(pathwayId) + "?firstResult=-1&maxResults=1001");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("firstResult", "maxResults");
  }

  @Test
  void shouldShowTheIntakeInterviewCreatedClaimedAndCompletedByTheLab() {
    JsonNode created = single(type("TASK_CREATED").and(element(IntakeProcess.Elements.TASK_INTAKE_INTERVIEW)));
    assertThat(created.get("details").get("taskId").asText()).isEqualTo(intakeTaskId);
    assertThat(created.get("details").get("due").asText()).isNotBlank();

    JsonNode claimed = single(type("OPERATION")
        .and(e -> intakeTaskId.equals(e.get("details").path("taskId").asText()))
        .and(e -> "Claim".equals(e.get("details").path("operationType").asText())));
    assertThat(claimed.get("actor").asText()).isEqualTo(LAB);
    assertThat(claimed.get("details").get("changes").toString()).contains("\"to\":\"" + LAB + "\"");

    JsonNode completed = single(type("TASK_COMPLETED").and(element(IntakeProcess.Elements.TASK_INTAKE_INTERVIEW)));
    assertThat(completed.get("actor").asText()).isEqualTo(LAB);
    assertThat(completed.get("details").get("assignee").asText()).isEqualTo(LAB);
    assertThat(completed.get("details").get("overdue").asBoolean()).isFalse();

    assertThat(indexOf(created)).isLessThan(indexOf(claimed));
    assertThat(indexOf(claimed)).isLessThan(indexOf(completed));
    assertThat(entries(type("TASK_CREATED").and(element(EligibilityProcess.Elements.TASK_VERIFY_ELIGIBILITY))))
        .hasSize(1);
  }

  @Test
  void shouldShowTheEligibilityDecisionWithInputsOutputsAndTheRuleThatFired() {
    JsonNode decision = single(type("DECISION_EVALUATED")
        .and(e -> EligibilityProcess.DECISION_ELIGIBILITY.equals(e.get("details").get("decisionKey").asText())));
    assertThat(decision.get("elementId").asText()).isEqualTo(EligibilityProcess.Elements.RULE_EVALUATE_ELIGIBILITY);
    JsonNode details = decision.get("details");
    // inputs by the table's label, as a manager wrote it in the Modeler
    assertThat(details.get("inputs").get("Percettore di NASpI").asBoolean()).isTrue();
    assertThat(details.get("inputs").toString()).contains("UNEMPLOYED");
    assertThat(details.get("matchedRules").get(0).asText()).isEqualTo("Rule_Naspi");
    Map<String, String> outputs = new LinkedHashMap<>();
    details.get("outputs").forEach(o -> {
      assertThat(o.get("ruleId").asText()).isEqualTo("Rule_Naspi");
      outputs.put(o.get("name").asText(), o.get("value").asText());
    });
    assertThat(outputs).containsEntry("reason", "NASPI").containsEntry("outcome", "TO_VERIFY");

    JsonNode completedInterview = single(type("TASK_COMPLETED").and(element(IntakeProcess.Elements.TASK_INTAKE_INTERVIEW)));
    JsonNode ruleStarted = single(type("ACTIVITY_STARTED").and(element(EligibilityProcess.Elements.RULE_EVALUATE_ELIGIBILITY)));
    JsonNode ruleEnded = single(type("ACTIVITY_ENDED").and(element(EligibilityProcess.Elements.RULE_EVALUATE_ELIGIBILITY)));
    assertThat(indexOf(completedInterview)).isLessThan(indexOf(ruleStarted));
    assertThat(indexOf(ruleStarted)).isLessThan(indexOf(decision));
    assertThat(indexOf(decision)).isLessThan(indexOf(ruleEnded));
  }

  @Test
  void shouldShowTheActivitiesOfEveryInstanceOfThePathway() {
    JsonNode intakeStarted = single(type("ACTIVITY_STARTED").and(element(PathwayProcess.Elements.CALL_INTAKE)));
    JsonNode intakeEnded = single(type("ACTIVITY_ENDED").and(element(PathwayProcess.Elements.CALL_INTAKE)));
    assertThat(intakeStarted.get("details").get("activityName").asText()).isEqualTo("Presa in carico");
    JsonNode intakeProcessStarted = single(type("PROCESS_STARTED").and(element(IntakeProcess.KEY)));
    String intakeInstance = intakeProcessStarted.get("processInstanceId").asText();
    assertThat(intakeProcessStarted.get("details").get("superProcessInstanceId").asText())
        .isEqualTo(intakeStarted.get("processInstanceId").asText());
    assertThat(indexOf(intakeStarted)).isLessThan(indexOf(intakeProcessStarted));
    JsonNode intakeProcessEnded = single(type("PROCESS_ENDED").and(element(IntakeProcess.KEY)));
    assertThat(intakeProcessEnded.get("processInstanceId").asText()).isEqualTo(intakeInstance);
    assertThat(indexOf(intakeProcessEnded)).isLessThan(indexOf(intakeEnded));
    assertThat(entries(type("PROCESS_STARTED")).stream().map(e -> e.get("elementId").asText()))
        .containsExactly(PathwayProcess.KEY, IntakeProcess.KEY, EligibilityProcess.KEY);
    // the eligibility instance is still waiting for the CPI
    assertThat(entries(type("ACTIVITY_STARTED").and(element(EligibilityProcess.Elements.TASK_VERIFY_ELIGIBILITY))))
        .hasSize(1);
    assertThat(entries(type("ACTIVITY_ENDED").and(element(EligibilityProcess.Elements.TASK_VERIFY_ELIGIBILITY))))
        .isEmpty();
  }

  @Test
  void shouldNeverShowPersonalOrSpecialCategoryData() {
    assertThat(body).doesNotContain("DISABILITY", SECRET_NOTE, person.fiscalCode(), person.firstName(),
        person.lastName(), "vulnerabilities");
    // the interview's note is named as a changed part of the file, never quoted
    assertThat(entries(type("FILE_CHANGED")).stream().map(e -> e.get("details").toString()))
        .anySatisfy(d -> assertThat(d).contains("CASE_NOTE", "\"field\":\"note\""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"lab.lorenteggio", "cpi.milano", "manager", "auditor"})
  void shouldLetProjectStaffAndAuditorsReadIt(String user) {
    ApiClient.Response response = ApiClient.as(port, user).get(auditPath(pathwayId));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().size()).isEqualTo(trail.size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"lab.bollate", "cpi.bollate"})
  void shouldHideItFromAnotherProject(String user) {
    ApiClient.Response response = ApiClient.as(port, user).get(auditPath(pathwayId));
    assertThat(response.status()).as(response.toString()).isEqualTo(404);
    assertThat(response.isProblem()).isTrue();
  }

  @Test
  void shouldRefuseRolesThatMayNotReadPathways() {
    ApiClient.Response response = ApiClient.as(port, "admin").get(auditPath(pathwayId));
    assertThat(response.status()).as(response.toString()).isEqualTo(403);
    assertThat(response.isProblem()).isTrue();
  }

  @Test
  void shouldAnswer404ForAnUnknownPathwayAnd400ForAnInvalidId() {
    assertThat(ApiClient.as(port, "auditor").get(auditPath(UUID.randomUUID().toString())).status()).isEqualTo(404);
    assertThat(ApiClient.as(port, "auditor").get(auditPath("not-a-uuid")).status()).isEqualTo(400);
  }

  @Test
  void shouldRequireLogin() {
    assertThat(ApiClient.anonymous(port).get(auditPath(pathwayId)).status()).isEqualTo(401);
    assertThat(ApiClient.as(port, "no.such.user", "wrong").from(ApiClient.someAddress()).get(auditPath(pathwayId)).status())
        .isEqualTo(401);
  }

  private JsonNode openTask(ApiClient client, String taskKey) {
    ApiClient.Response tasks = client.get("/api/tasks?project=LORENTEGGIO&maxResults=200");
    assertThat(tasks.status()).as(tasks.toString()).isEqualTo(200);
    return StreamSupport.stream(tasks.json().spliterator(), false)
        .filter(t -> pathwayId.equals(t.get("pathwayId").asText()) && taskKey.equals(t.get("taskKey").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No open " + taskKey + " for pathway " + pathwayId + ": " + tasks));
  }

  private static String auditPath(String id) {
    return "/api/pathways/" + id + "/audit";
  }

  private List<JsonNode> entries(Predicate<JsonNode> filter) {
    List<JsonNode> result = new ArrayList<>();
    trail.forEach(e -> {
      if (filter.test(e)) {
        result.add(e);
      }
    });
    return result;
  }

  private JsonNode single(Predicate<JsonNode> filter) {
    List<JsonNode> found = entries(filter);
    assertThat(found).as("exactly one matching entry in %s", body).hasSize(1);
    return found.get(0);
  }

  private int indexOf(JsonNode entry) {
    for (int i = 0; i < trail.size(); i++) {
      if (trail.get(i) == entry) {
        return i;
      }
    }
    throw new AssertionError("not in the trail: " + entry);
  }

  private static Predicate<JsonNode> type(String type) {
    return e -> type.equals(e.get("type").asText());
  }

  private static Predicate<JsonNode> element(String elementId) {
    return e -> elementId.equals(e.path("elementId").asText(null));
  }
}
