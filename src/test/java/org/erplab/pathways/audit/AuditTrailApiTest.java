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
 * then its trail as the auditor sees it, and who may read it.
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
  void shouldListTheTrailOrderedByTime() {
    assertThat(trail.isArray()).isTrue();
    List<OffsetDateTime> times = entries(e -> true).stream().map(e -> OffsetDateTime.parse(e.get("at").asText())).toList();
    assertThat(times).isNotEmpty().isSorted();
    assertThat(trail.get(0).get("type").asText()).isEqualTo("PROCESS_STARTED");
    assertThat(trail.get(0).get("processKey").asText()).isEqualTo(PathwayProcess.KEY);
    assertThat(trail.get(0).get("at").asText()).matches(".*\\+0[12]:00$");
  }

  @Test
  void shouldShowTheIntakeInterviewCreatedClaimedAndCompletedByTheLab() {
    JsonNode created = single(type("TASK_CREATED").and(element(IntakeProcess.Elements.TASK_INTAKE_INTERVIEW)));
    assertThat(created.get("processKey").asText()).isEqualTo(IntakeProcess.KEY);
    assertThat(created.get("details").get("taskId").asText()).isEqualTo(intakeTaskId);
    assertThat(created.get("details").get("due").asText()).isNotBlank();

    JsonNode claimed = single(type("TASK_CLAIMED").and(element(IntakeProcess.Elements.TASK_INTAKE_INTERVIEW)));
    assertThat(claimed.get("user").asText()).isEqualTo(LAB);
    assertThat(claimed.get("details").get("assignee").asText()).isEqualTo(LAB);
    assertThat(claimed.get("details").get("operation").asText()).isEqualTo("Claim");

    JsonNode completed = single(type("TASK_COMPLETED").and(element(IntakeProcess.Elements.TASK_INTAKE_INTERVIEW)));
    assertThat(completed.get("user").asText()).isEqualTo(LAB);
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
    assertThat(details.get("inputs").get("naspiRecipient").asText()).isEqualTo("true");
    assertThat(details.get("inputs").get("employmentStatus").asText()).isEqualTo("UNEMPLOYED");
    assertThat(details.get("labels").get("naspiRecipient").asText()).isEqualTo("Percettore di NASpI");
    assertThat(details.get("outputs")).hasSize(1);
    JsonNode row = details.get("outputs").get(0);
    assertThat(row.get("ruleId").asText()).isEqualTo("Rule_Naspi");
    assertThat(row.get("values").get("reason").asText()).isEqualTo("NASPI");
    assertThat(row.get("values").get("outcome").asText()).isEqualTo("TO_VERIFY");
    assertThat(details.get("matchedRules").get(0).asText()).isEqualTo("Rule_Naspi");

    JsonNode completedInterview = single(type("TASK_COMPLETED").and(element(IntakeProcess.Elements.TASK_INTAKE_INTERVIEW)));
    JsonNode ruleStarted = single(type("ACTIVITY_STARTED").and(element(EligibilityProcess.Elements.RULE_EVALUATE_ELIGIBILITY)));
    JsonNode ruleEnded = single(type("ACTIVITY_ENDED").and(element(EligibilityProcess.Elements.RULE_EVALUATE_ELIGIBILITY)));
    assertThat(indexOf(completedInterview)).isLessThan(indexOf(ruleStarted));
    assertThat(indexOf(ruleStarted)).isLessThan(indexOf(decision));
    assertThat(indexOf(decision)).isLessThan(indexOf(ruleEnded));
  }

  @Test
  void shouldShowVariableChangesWithNonPersonalValues() {
    // set by the interview in the intake instance, then copied into the pathway and the eligibility instances
    assertThat(entries(type("VARIABLE_SET")
        .and(e -> IntakeProcess.Variables.EMPLOYMENT_STATUS.name().equals(e.get("details").get("name").asText())))
        .stream().map(e -> e.get("processKey").asText()))
        .containsExactly(IntakeProcess.KEY, PathwayProcess.KEY, EligibilityProcess.KEY);
    JsonNode employment = single(type("VARIABLE_SET").and(element(IntakeProcess.Elements.TASK_INTAKE_INTERVIEW))
        .and(e -> IntakeProcess.Variables.EMPLOYMENT_STATUS.name().equals(e.get("details").get("name").asText())));
    assertThat(employment.get("details").get("value").asText()).isEqualTo("UNEMPLOYED");
    assertThat(employment.get("details").get("valueType").asText()).isEqualTo("string");
    assertThat(employment.get("details").get("revision").asInt()).isGreaterThanOrEqualTo(0);
    assertThat(employment.get("user").asText()).isEqualTo(LAB);
    assertThat(entries(type("VARIABLE_SET")
        .and(e -> EligibilityProcess.Variables.SCREENING_OUTCOME.name().equals(e.get("details").get("name").asText()))
        .and(e -> "TO_VERIFY".equals(e.get("details").get("value").asText())))).isNotEmpty();
    // the decision's result list is folded into the outcome and removed at once; objects show no value
    List<JsonNode> checks = entries(e -> EligibilityProcess.Variables.ELIGIBILITY_CHECKS.name().equals(e.get("details").path("name").asText()));
    assertThat(checks.stream().map(e -> e.get("type").asText())).containsExactly("VARIABLE_SET", "VARIABLE_DELETED");
    assertThat(checks.get(0).get("details").get("valueType").asText()).isEqualTo("object");
    assertThat(checks.get(0).get("details").has("value")).isFalse();
  }

  @Test
  void shouldShowTheActivitiesOfEveryInstanceOfThePathway() {
    JsonNode intakeStarted = single(type("ACTIVITY_STARTED").and(element(PathwayProcess.Elements.CALL_INTAKE)));
    JsonNode intakeEnded = single(type("ACTIVITY_ENDED").and(element(PathwayProcess.Elements.CALL_INTAKE)));
    assertThat(intakeStarted.get("processKey").asText()).isEqualTo(PathwayProcess.KEY);
    assertThat(intakeStarted.get("elementName").asText()).isEqualTo("Presa in carico");
    assertThat(single(type("ACTIVITY_ENDED").and(element(EligibilityProcess.Elements.RULE_EVALUATE_ELIGIBILITY)))
        .get("processKey").asText()).isEqualTo(EligibilityProcess.KEY);
    JsonNode intakeProcessEnded = single(type("PROCESS_ENDED").and(e -> IntakeProcess.KEY.equals(e.get("processKey").asText())));
    assertThat(indexOf(intakeProcessEnded)).isLessThan(indexOf(intakeEnded));
    assertThat(entries(type("PROCESS_STARTED")).stream().map(e -> e.get("processKey").asText()))
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
        person.lastName(), "vulnerabilities", "\"note\"");
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
