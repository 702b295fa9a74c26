package org.erplab.pathways.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.IntakeAnswers;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.TestPeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The PostgreSQL suite: the main scenarios end to end over HTTP, as the lab, the CPI and the operator work them,
 * on a real PostgreSQL (embedded, started from Maven Central).
 */
@PathwaysSpringTest
class MainScenariosIT {

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired ManagementService managementService;
  @Autowired RuntimeService runtimeService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldRunOnPostgreSql() {
    assertThat(new JdbcTemplate(dataSource).queryForObject("select version()", String.class)).startsWith("PostgreSQL");
  }

  @Test
  void shouldTakeASelfRegisteredPersonToTheAccreditedOperator() {
    // a resident registers on the public page
    var person = TestPeople.adult();
    var registration = ApiClient.anonymous(port).post("/api/public/registrations", Map.of(
        "projectCode", "LORENTEGGIO", "fiscalCode", person.fiscalCode(), "firstName", person.firstName(),
        "lastName", person.lastName(), "phone", "+39 333 7654321", "consent", true));
    assertThat(registration.status()).as(registration.toString()).isEqualTo(202);
    String pathwayId = pathwayOfTask("lab.lorenteggio", "Task_CallBack", person.fiscalCode());

    // the lab calls back: not reached once, then reached; holds the interview
    complete("lab.lorenteggio", pathwayId, "Task_CallBack", Map.of("contactOutcome", "NOT_REACHED"));
    complete("lab.lorenteggio", pathwayId, "Task_CallBack", Map.of("contactOutcome", "REACHED", "note", "richiamata"));
    complete("lab.lorenteggio", pathwayId, "Task_IntakeInterview", interview(Map.of()));

    // eligible: the CPI hands the case to an accredited operator, who records the first appointment
    assertThat(pathway(pathwayId).get("stage").asText()).isEqualTo("OPERATOR_ASSIGNMENT");
    complete("cpi.milano", pathwayId, "Task_AssignOperator", Map.of("operatorOrganisation", "SOLCO"));
    complete("operator.lorenteggio", pathwayId, "Task_FirstAppointment", Map.of("appointmentDate", EngineClock.today().toString()));

    JsonNode handedOver = pathway(pathwayId);
    assertThat(handedOver.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(handedOver.get("stage").asText()).isEqualTo("SKILLS_ASSESSMENT");
    assertThat(handedOver.get("operatorOrganisation").asText()).isEqualTo("SOLCO");

    // the operator assesses the person's skills: ready for work, on to the personalised plan
    Map<String, Object> assessment = new java.util.HashMap<>(Map.of("orientationHours", 12, "readyForWork", true,
        "needsSocialSupport", false, "selfEmploymentInterest", false, "eqfLevel", 3, "availability", "FULL_TIME"));
    assessment.put("note", "patente B, esperienza in magazzino");
    complete("operator.lorenteggio", pathwayId, "Task_SkillsAssessment", assessment);
    JsonNode planning = pathway(pathwayId);
    assertThat(planning.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(planning.get("stage").asText()).isEqualTo("PLAN");
    assertThat(planning.get("openTasks")).extracting(t -> t.get("taskKey").asText()).containsExactly("Task_DraftPlan");

    // the operator writes the plan, sends it; the CPI approves it; the person signs it: on to training
    signPlanWithCourse(pathwayId, "MAG-01", "Logistica di magazzino", 40, EngineClock.today().minusDays(7),
        EngineClock.today().plusDays(25));
    JsonNode done = pathway(pathwayId);
    assertThat(done.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(done.get("stage").asText()).isEqualTo("TRAINING");
    assertThat(done.get("openTasks")).isEmpty();
    JsonNode signed = ApiClient.as(port, "cpi.milano").get("/api/pathways/" + pathwayId + "/plan").json();
    assertThat(signed.get("status").asText()).isEqualTo("SIGNED");
    assertThat(signed.get("servicesTotal").decimalValue()).isEqualByComparingTo("400.00");

    // the operator records yesterday's attendance: 6 hours of the course, 30.00 euro of indemnity at 5.00 an hour
    var attended = ApiClient.as(port, "operator.lorenteggio").post("/api/pathways/" + pathwayId + "/attendance",
        Map.of("courseCode", "MAG-01", "date", EngineClock.today().minusDays(1).toString(), "hours", 6));
    assertThat(attended.status()).as(attended.toString()).isEqualTo(201);
    JsonNode register = ApiClient.as(port, "cpi.milano").get("/api/pathways/" + pathwayId + "/attendance").json();
    assertThat(register.get("courses").get(0).get("attendedHours").decimalValue()).isEqualByComparingTo("6");
    assertThat(register.get("indemnity").get("payable").decimalValue()).isEqualByComparingTo("30.00");
  }

  @Test
  void shouldWalkAPathwayFromIntakeToTheTwelveMonthFollowUp() {
    // intake at the lab, eligible, handed over to SOLCO, assessed for work
    String pathwayId = start("lab.lorenteggio", "LAB", TestPeople.adult());
    complete("lab.lorenteggio", pathwayId, "Task_IntakeInterview", interview(Map.of()));
    complete("cpi.milano", pathwayId, "Task_AssignOperator", Map.of("operatorOrganisation", "SOLCO"));
    complete("operator.lorenteggio", pathwayId, "Task_FirstAppointment",
        Map.of("appointmentDate", EngineClock.today().toString()));
    complete("operator.lorenteggio", pathwayId, "Task_SkillsAssessment", Map.of("orientationHours", 12,
        "readyForWork", true, "needsSocialSupport", false, "selfEmploymentInterest", false, "eqfLevel", 3,
        "availability", "FULL_TIME"));

    // a plan with a 20-hour course that ended yesterday and an internship, approved and signed
    signPlanWithCourse(pathwayId, "CAR-01", "Carrellista", 20, EngineClock.today().minusDays(10),
        EngineClock.today().minusDays(1));
    assertThat(pathway(pathwayId).get("stage").asText()).isEqualTo("TRAINING");

    // 3 days of 6 hours: 18 of 20 planned (90 %); the course's end is decided: certificate, on to the internship
    for (int day = 3; day >= 1; day--) {
      var attended = ApiClient.as(port, "operator.lorenteggio").post("/api/pathways/" + pathwayId + "/attendance",
          Map.of("courseCode", "CAR-01", "date", EngineClock.today().minusDays(day).toString(), "hours", 6));
      assertThat(attended.status()).as(attended.toString()).isEqualTo(201);
    }
    fireTimer(pathwayId, "training", "Timer_CourseEnded");
    JsonNode interning = pathway(pathwayId);
    assertThat(interning.get("stage").asText()).isEqualTo("INTERNSHIP");
    assertThat(interning.get("training").get("attendedHours").decimalValue()).isEqualByComparingTo("18");
    assertThat(interning.get("training").get("indemnity").get("payable").decimalValue()).isEqualByComparingTo("90.00");

    // the internship: 2 months from today at a warehouse, its end a deadline; it ends, on to the placement
    var agreement = ApiClient.as(port, "operator.lorenteggio").put("/api/pathways/" + pathwayId + "/internship",
        Map.of("host", "Magazzini Lombardi srl", "promoter", "SOLCO", "tutor", "Magazzini Lombardi srl",
            "startDate", EngineClock.today().toString(), "plannedMonths", 2, "weeklyHours", 30));
    assertThat(agreement.status()).as(agreement.toString()).isEqualTo(200);
    complete("operator.lorenteggio", pathwayId, "Task_InternshipAgreement", Map.of("agreementConfirmed", true));
    JsonNode running = pathway(pathwayId).get("internship");
    assertThat(running.get("state").asText()).isEqualTo("RUNNING");
    assertThat(running.get("endDate").asText())
        .isEqualTo(EngineClock.today().plusMonths(2).minusDays(1).toString());
    fireTimer(pathwayId, "internship", "Timer_InternshipEnd");
    assertThat(ApiClient.as(port, "cpi.milano").get("/api/pathways/" + pathwayId + "/internship").json()
        .get("state").asText()).isEqualTo("COMPLETED");
    assertThat(pathway(pathwayId).get("stage").asText()).isEqualTo("PLACEMENT");

    // a permanent hire, confirmed by the CPI, counts: follow-ups at 3, 6 and 12 months, still employed
    complete("operator.lorenteggio", pathwayId, "Task_RecordPlacement", Map.of("employerName", "Alfa Logistica srl",
        "contractType", "PERMANENT", "startDate", EngineClock.today().toString(), "weeklyHours", 38));
    complete("cpi.milano", pathwayId, "Task_VerifyPlacement", Map.of("placementConfirmed", true));
    assertThat(pathway(pathwayId).get("stage").asText()).isEqualTo("FOLLOW_UP");
    for (int followUp = 0; followUp < 3; followUp++) {
      fireTimer(pathwayId, "placement", "Timer_FollowUpDue");
      complete("operator.lorenteggio", pathwayId, "Task_FollowUp", Map.of("stillEmployed", true));
    }

    // closed as PLACED, every stage's facts readable
    JsonNode closed = pathway(pathwayId);
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.get("outcome").asText()).isEqualTo("PLACED");
    JsonNode placement = ApiClient.as(port, "cpi.milano").get("/api/pathways/" + pathwayId + "/placement").json();
    assertThat(placement.get("placements").get(0).get("counts").asBoolean()).isTrue();
    assertThat(placement.get("followUps")).extracting(f -> f.get("dueMonth").asInt()).containsExactly(3, 6, 12);
    assertThat(placement.get("followUps")).extracting(f -> f.get("state").asText())
        .containsOnly("ANSWERED");
    assertThat(closed.get("deadlines")).extracting(d -> d.get("state").asText()).doesNotContain("OPEN");
    assertThat(closed.get("closure").get("outcome").asText()).isEqualTo("PLACED");
    assertThat(closed.get("closure").get("trainingHoursAttended").decimalValue()).isEqualByComparingTo("18");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(pathwayId).count()).isZero();
  }

  /**
   * The operator writes a plan (coaching and one course, an internship), sends it; the CPI approves it; the person
   * signs it today.
   */
  private void signPlanWithCourse(String pathwayId, String code, String title, int plannedHours,
      java.time.LocalDate startDate, java.time.LocalDate endDate) {
    var plan = ApiClient.as(port, "operator.lorenteggio").put("/api/pathways/" + pathwayId + "/plan", Map.of(
        "services", List.of(Map.of("type", "COACHING", "hours", 10, "cost", 400.00)),
        "courses", List.of(Map.of("code", code, "title", title, "plannedHours", plannedHours,
            "startDate", startDate.toString(), "endDate", endDate.toString())),
        "internshipPlanned", true, "indemnityCap", 1500.00));
    assertThat(plan.status()).as(plan.toString()).isEqualTo(201);
    complete("operator.lorenteggio", pathwayId, "Task_DraftPlan", Map.of("planSubmitted", true));
    complete("cpi.milano", pathwayId, "Task_ApprovePlan", Map.of("planApproved", true));
    complete("operator.lorenteggio", pathwayId, "Task_RecordSignature",
        Map.of("signedOn", EngineClock.today().toString()));
  }

  /** Moves the engine clock to the timer's due time (when later) and fires it, as the job executor would. */
  private void fireTimer(String pathwayId, String processKey, String timerId) {
    String instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(pathwayId)
        .processDefinitionKey(processKey).singleResult().getId();
    Job timer = managementService.createJobQuery().timers().activityId(timerId).processInstanceId(instanceId)
        .singleResult();
    assertThat(timer).as(timerId + " of " + processKey).isNotNull();
    if (timer.getDuedate().after(ClockUtil.getCurrentTime())) {
      ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plus(Duration.ofMinutes(1))));
    }
    managementService.executeJob(timer.getId());
  }

  @Test
  void shouldCloseAnIneligiblePersonWithEveryReasonAndAReferral() {
    String pathwayId = start("cpi.milano", "CPI_DESK", TestPeople.aged(25));
    complete("lab.lorenteggio", pathwayId, "Task_IntakeInterview",
        interview(Map.of("employmentStatus", "EMPLOYED", "residentInErp", false, "housingHardship", false)));

    JsonNode closed = pathway(pathwayId);
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.get("outcome").asText()).isEqualTo("INELIGIBLE");
    assertThat(texts(closed.get("reasons"))).containsExactlyInAnyOrder("NOT_RESIDENT", "EMPLOYED");
    assertThat(closed.get("referral").asText()).isEqualTo("DUL");
  }

  @Test
  void shouldCloseAfterThirtyDaysWithoutTheMissingDocuments() {
    String pathwayId = start("lab.lorenteggio", "LAB", TestPeople.adult());
    complete("lab.lorenteggio", pathwayId, "Task_IntakeInterview", interview(Map.of("naspiRecipient", true)));
    complete("cpi.milano", pathwayId, "Task_VerifyEligibility", Map.of("verificationOutcome", "DOCUMENTS_MISSING"));
    assertThat(pathway(pathwayId).get("stage").asText()).isEqualTo("DOCUMENTS");

    // 30 days later (then the next working day) the documents timer is due and fires
    Job timer = managementService.createJobQuery().timers()
        .activityId("Timer_DocumentsTimeout").processInstanceId(runtimeService.createProcessInstanceQuery()
            .processInstanceBusinessKey(pathwayId).processDefinitionKey("eligibility").singleResult().getId())
        .singleResult();
    assertThat(Duration.between(Instant.now(), timer.getDuedate().toInstant())).isBetween(Duration.ofDays(29),
        Duration.ofDays(35));
    ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plus(Duration.ofMinutes(1))));
    managementService.executeJob(timer.getId());

    JsonNode closed = pathway(pathwayId);
    assertThat(closed.get("outcome").asText()).isEqualTo("INELIGIBLE");
    assertThat(texts(closed.get("reasons"))).containsExactly("DOCUMENTS_MISSING");
    assertThat(closed.get("referral").isNull()).isFalse();
  }

  @Test
  void shouldCloseAsUnreachableAfterThreeAttempts() {
    var person = TestPeople.adult();
    ApiClient.anonymous(port).post("/api/public/registrations", Map.of("projectCode", "BOLLATE",
        "fiscalCode", person.fiscalCode(), "firstName", person.firstName(), "lastName", person.lastName(),
        "email", "persona@example.org", "consent", true));
    String pathwayId = pathwayOfTask("lab.bollate", "Task_CallBack", person.fiscalCode());
    for (int attempt = 1; attempt <= 3; attempt++) {
      complete("lab.bollate", pathwayId, "Task_CallBack", Map.of("contactOutcome", "NOT_REACHED"));
    }
    JsonNode closed = ApiClient.as(port, "lab.bollate").get("/api/pathways/" + pathwayId).json();
    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.get("outcome").asText()).isEqualTo("UNREACHABLE");
  }

  private String start(String user, String channel, TestPeople.Person person) {
    var response = ApiClient.as(port, user).post("/api/pathways",
        Map.of("projectCode", "LORENTEGGIO", "channel", channel, "person", person.asRequest()));
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get("pathwayId").asText();
  }

  /** The pathway of the newest open task with that key that the user sees, checked through the registry. */
  private String pathwayOfTask(String user, String taskKey, String fiscalCode) {
    JsonNode tasks = ApiClient.as(port, user).get("/api/tasks?maxResults=200").json();
    List<String> candidates = StreamSupport.stream(tasks.spliterator(), false)
        .filter(t -> t.get("taskKey").asText().equals(taskKey))
        .map(t -> t.get("pathwayId").asText())
        .toList();
    for (String candidate : candidates) {
      String participant = ApiClient.as(port, user).get("/api/pathways/" + candidate).json().get("participantId").asText();
      if (ApiClient.as(port, user).get("/api/participants/" + participant).json().get("fiscalCode").asText()
          .equals(fiscalCode)) {
        return candidate;
      }
    }
    throw new AssertionError("No " + taskKey + " for the registered person among " + candidates);
  }

  private void complete(String user, String pathwayId, String taskKey, Map<String, Object> variables) {
    JsonNode tasks = ApiClient.as(port, user).get("/api/tasks?maxResults=200").json();
    String taskId = StreamSupport.stream(tasks.spliterator(), false)
        .filter(t -> t.get("pathwayId").asText().equals(pathwayId) && t.get("taskKey").asText().equals(taskKey))
        .map(t -> t.get("id").asText())
        .findFirst()
        .orElseThrow(() -> new AssertionError(user + " has no " + taskKey + " for " + pathwayId));
    var response = ApiClient.as(port, user).post("/api/tasks/" + taskId + "/complete", Map.of("variables", variables));
    assertThat(response.status()).as(taskKey + ": " + response).isEqualTo(204);
  }

  private JsonNode pathway(String pathwayId) {
    return ApiClient.as(port, "cpi.milano").get("/api/pathways/" + pathwayId).json();
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static Map<String, Object> interview(Map<String, Object> overrides) {
    return IntakeAnswers.eligibleWith(overrides);
  }
}
