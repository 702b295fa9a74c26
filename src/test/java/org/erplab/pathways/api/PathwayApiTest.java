package org.erplab.pathways.api;

import org.erplab.pathways.common.domain.EngineClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR;
import static org.erplab.pathways.api.ApiFixtures.BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.CPI_MILANO;
import static org.erplab.pathways.api.ApiFixtures.LAB_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.TASK_ASSIGN_OPERATOR;
import static org.erplab.pathways.api.ApiFixtures.TASK_CALL_BACK;
import static org.erplab.pathways.api.ApiFixtures.TASK_INTAKE_INTERVIEW;
import static org.erplab.pathways.api.ApiFixtures.TASK_VERIFY_ELIGIBILITY;
import static org.erplab.pathways.api.ApiFixtures.assertInvalid;
import static org.erplab.pathways.api.ApiFixtures.assertProblem;
import static org.erplab.pathways.api.ApiFixtures.dateTime;
import static org.erplab.pathways.api.ApiFixtures.interview;
import static org.erplab.pathways.api.ApiFixtures.interviewWith;
import static org.erplab.pathways.api.ApiFixtures.pathwayRequest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.camunda.bpm.engine.task.Task;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.TestPeople;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** {@code POST /api/pathways} and {@code GET /api/pathways/{id}} over real HTTP. Roles: see AuthorizationMatrixTest. */
@PathwaysSpringTest
class PathwayApiTest {

  private final ApiFixtures api;

  @Autowired
  PathwayApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
  }

  // ------------------------------------------------------------------ POST /api/pathways

  @Test
  void shouldStartPathwayAtIntakeInterviewWhenTheLabTakesAPersonInCharge() {
    TestPeople.Person person = TestPeople.adult();

    ApiClient.Response response = api.as(LAB_LORENTEGGIO).post("/api/pathways",
        pathwayRequest(LORENTEGGIO, "LAB", person.asRequest()));

    assertThat(response.status()).as("%s", response).isEqualTo(201);
    assertThat(response.contentType()).startsWith("application/json");
    JsonNode body = response.json();
    UUID pathwayId = UUID.fromString(body.path("pathwayId").asText());
    UUID.fromString(body.path("participantId").asText());
    assertThat(body.path("processInstanceId").asText()).isNotBlank();
    assertThat(api.openTaskKeys(pathwayId)).containsExactly(TASK_INTAKE_INTERVIEW);
    assertThat(api.openTask(pathwayId, TASK_INTAKE_INTERVIEW).map(Task::getTenantId)).contains(LORENTEGGIO);
    assertThat(api.openPathways(person.fiscalCode(), LORENTEGGIO)).containsExactly(pathwayId);
  }

  @Test
  void shouldStartPathwayFromTheCpiDesk() {
    ApiFixtures.Started started = api.startPathway(CPI_MILANO, LORENTEGGIO, TestPeople.adult(), "CPI_DESK");

    JsonNode pathway = api.as(CPI_MILANO).get("/api/pathways/" + started.pathwayId()).json();
    assertThat(pathway.path("channel").asText()).isEqualTo("CPI_DESK");
    assertThat(api.openTaskKeys(started.pathwayId())).containsExactly(TASK_INTAKE_INTERVIEW);
  }

  @Test
  void shouldWaitForTheLabsCallBackWhenTheChannelIsSelfRegistration() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO, TestPeople.adult(),
        "SELF_REGISTRATION");

    assertThat(api.openTaskKeys(started.pathwayId())).containsExactly(TASK_CALL_BACK);
  }

  @Test
  void shouldAcceptALowerCaseFiscalCodeAndStoreItUpperCase() {
    TestPeople.Person person = TestPeople.adult();
    Map<String, Object> request = person.asRequest();
    request.put("fiscalCode", person.fiscalCode().toLowerCase());

    ApiClient.Response response = api.as(LAB_LORENTEGGIO).post("/api/pathways",
        pathwayRequest(LORENTEGGIO, "LAB", request));

    assertThat(response.status()).as("%s", response).isEqualTo(201);
    JsonNode participant = api.as(LAB_LORENTEGGIO).get("/api/participants/" + response.json().path("participantId").asText())
        .json();
    assertThat(participant.path("fiscalCode").asText()).isEqualTo(person.fiscalCode());
  }

  static Stream<Arguments> invalidPeople() {
    return Stream.of(
        invalid("missing fiscal code", p -> p.remove("fiscalCode"), "person.fiscalCode"),
        invalid("blank fiscal code", p -> p.put("fiscalCode", "  "), "person.fiscalCode"),
        invalid("wrong check character", p -> p.put("fiscalCode", wrongCheckCharacter((String) p.get("fiscalCode"))),
            "person.fiscalCode"),
        invalid("fiscal code too short", p -> p.put("fiscalCode", "RSSMRA85T10A562"), "person.fiscalCode"),
        invalid("birth date not matching the fiscal code",
            p -> p.put("birthDate", LocalDate.parse((String) p.get("birthDate")).minusDays(1).toString()),
            "person.birthDate"),
        invalid("gender not matching the fiscal code", p -> p.put("gender", "M".equals(p.get("gender")) ? "F" : "M"),
            "person.gender"),
        invalid("gender not M or F", p -> p.put("gender", "X"), "person.gender"),
        invalid("birth date in the future", p -> p.put("birthDate", LocalDate.now(EngineClock.ZONE).plusYears(1).toString()),
            "person.birthDate"),
        invalid("birth date not a date", p -> p.put("birthDate", "12/03/1990"), "person.birthDate"),
        invalid("missing first name", p -> p.remove("firstName"), "person.firstName"),
        invalid("missing last name", p -> p.put("lastName", ""), "person.lastName"),
        invalid("unknown citizenship", p -> p.put("citizenship", "XX"), "person.citizenship"),
        invalid("citizenship not a code", p -> p.put("citizenship", "Italia"), "person.citizenship"),
        invalid("invalid e-mail", p -> p.put("email", "not-an-email"), "person.email"),
        invalid("invalid phone", p -> p.put("phone", "call me"), "person.phone"),
        invalid("several invalid fields", p -> {
          p.remove("firstName");
          p.put("email", "nope");
        }, "person.firstName", "person.email"));
  }

  private static Arguments invalid(String name, Consumer<Map<String, Object>> change, String... fields) {
    return Arguments.of(name, change, fields);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidPeople")
  void shouldRefuseAnInvalidPersonNamingTheFieldsAndCreateNothing(String name, Consumer<Map<String, Object>> change,
      String[] fields) {
    TestPeople.Person person = TestPeople.adult();
    Map<String, Object> request = person.asRequest();
    change.accept(request);

    ApiClient.Response response = api.as(LAB_LORENTEGGIO).post("/api/pathways",
        pathwayRequest(LORENTEGGIO, "LAB", request));

    assertInvalid(response, fields);
    assertThat(api.participantCount(person.fiscalCode())).isZero();
    assertThat(api.pathwayCount(person.fiscalCode())).isZero();
  }

  @Test
  void shouldNameEveryInvalidFieldInOneAnswer() {
    TestPeople.Person person = TestPeople.adult();
    Map<String, Object> request = new java.util.LinkedHashMap<>(person.asRequest());
    request.put("firstName", "");
    request.put("birthDate", person.birthDate().minusDays(1).toString());
    request.put("citizenship", "XX");
    request.put("email", "not-an-address");

    assertInvalid(api.as(LAB_LORENTEGGIO).post("/api/pathways", pathwayRequest(LORENTEGGIO, "LAB", request)),
        "person.firstName", "person.birthDate", "person.citizenship", "person.email");
  }

  @Test
  void shouldRefuseAnUnknownChannelListingTheAllowedOnes() {
    TestPeople.Person person = TestPeople.adult();

    ApiClient.Response response = api.as(LAB_LORENTEGGIO).post("/api/pathways",
        pathwayRequest(LORENTEGGIO, "WEB", person.asRequest()));

    assertInvalid(response, "channel");
    assertThat(response.json().path("errors").get(0).path("message").asText())
        .contains("LAB", "CPI_DESK", "SELF_REGISTRATION");
    assertThat(api.participantCount(person.fiscalCode())).isZero();
  }

  @Test
  void shouldRefuseAMissingChannelAndPerson() {
    ApiClient.Response response = api.as(LAB_LORENTEGGIO).post("/api/pathways",
        Map.of("projectCode", LORENTEGGIO));

    assertInvalid(response, "channel", "person");
  }

  @Test
  void shouldRefuseAnUnknownProjectAndCreateNothing() {
    TestPeople.Person person = TestPeople.adult();

    ApiClient.Response response = api.as(LAB_LORENTEGGIO).post("/api/pathways",
        pathwayRequest("ATLANTIDE", "LAB", person.asRequest()));

    assertInvalid(response, "projectCode");
    assertThat(api.participantCount(person.fiscalCode())).isZero();
  }

  @Test
  void shouldRefuseAMissingProjectCode() {
    TestPeople.Person person = TestPeople.adult();

    ApiClient.Response response = api.as(LAB_LORENTEGGIO).post("/api/pathways",
        pathwayRequest(null, "LAB", person.asRequest()));

    assertInvalid(response, "projectCode");
    assertThat(api.participantCount(person.fiscalCode())).isZero();
  }

  @Test
  void shouldRefuseInvalidJson() {
    ApiClient.Response response = api.as(LAB_LORENTEGGIO).post("/api/pathways", "{\"projectCode\": \"LORENTEGGIO\",");

    assertProblem(response, 400);
  }

  @Test
  void shouldRefuseAnEmptyBody() {
    ApiClient.Response response = api.as(LAB_LORENTEGGIO).post("/api/pathways", "");

    assertProblem(response, 400);
  }

  @Test
  void shouldRefuseAPersonThatIsNotAnObject() {
    ApiClient.Response response = api.as(LAB_LORENTEGGIO).post("/api/pathways",
        "{\"projectCode\":\"LORENTEGGIO\",\"channel\":\"LAB\",\"person\":\"RSSMRA85T10A562S\"}");

    assertInvalid(response, "person");
  }

  @Test
  void shouldRefuseASecondOpenPathwayOfTheSamePersonInTheSameProject() {
    ApiFixtures.Started first = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    Map<String, Object> person = first.person().asRequest();
    person.put("firstName", "Diverso");
    person.put("phone", "+39 320 1111111");

    ApiClient.Response again = api.as(CPI_MILANO).post("/api/pathways",
        pathwayRequest(LORENTEGGIO, "CPI_DESK", person));

    assertProblem(again, 409);
    JsonNode participant = api.as(LAB_LORENTEGGIO).get("/api/participants/" + first.participantId()).json();
    assertThat(participant.path("firstName").asText()).as("the refused request changed nothing")
        .isEqualTo(first.person().firstName());
    assertThat(participant.path("phone").asText()).isEqualTo("+39 333 1234567");
    assertThat(api.openPathways(first.person().fiscalCode(), LORENTEGGIO)).containsExactly(first.pathwayId());
    assertThat(api.pathwayCount(first.person().fiscalCode())).isEqualTo(1);
    assertThat(api.openTaskKeys(first.pathwayId())).containsExactly(TASK_INTAKE_INTERVIEW);
  }

  @RepeatedTest(5)
  void shouldStartOnlyOneOfTwoSimultaneousPathwaysOfTheSamePerson() throws Exception {
    TestPeople.Person person = TestPeople.adult();

    List<ApiClient.Response> responses = ApiFixtures.simultaneously(
        () -> api.as(LAB_LORENTEGGIO).post("/api/pathways", pathwayRequest(LORENTEGGIO, "LAB", person.asRequest())),
        () -> api.as(CPI_MILANO).post("/api/pathways", pathwayRequest(LORENTEGGIO, "CPI_DESK", person.asRequest())));

    assertThat(responses).extracting(ApiClient.Response::status).as("%s", responses)
        .containsExactlyInAnyOrder(201, 409);
    assertProblem(responses.get(0).status() == 409 ? responses.get(0) : responses.get(1), 409);
    assertThat(api.openPathways(person.fiscalCode(), LORENTEGGIO)).hasSize(1);
    assertThat(api.participantCount(person.fiscalCode())).isEqualTo(1);
  }

  @Test
  void shouldRefuseASecondOpenPathwayAlsoWhenTheFiscalCodeIsWrittenInLowerCase() {
    ApiFixtures.Started first = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    Map<String, Object> request = first.person().asRequest();
    request.put("fiscalCode", first.person().fiscalCode().toLowerCase());

    ApiClient.Response again = api.as(LAB_LORENTEGGIO).post("/api/pathways",
        pathwayRequest(LORENTEGGIO, "LAB", request));

    assertProblem(again, 409);
    assertThat(api.pathwayCount(first.person().fiscalCode())).isEqualTo(1);
  }

  @Test
  void shouldStartAPathwayOfTheSamePersonInAnotherProject() {
    ApiFixtures.Started lorenteggio = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);

    ApiClient.Response response = api.as(LAB_BOLLATE).post("/api/pathways",
        pathwayRequest(BOLLATE, "LAB", lorenteggio.person().asRequest()));

    assertThat(response.status()).as("%s", response).isEqualTo(201);
    UUID bollatePathway = UUID.fromString(response.json().path("pathwayId").asText());
    assertThat(response.json().path("participantId").asText()).isNotEqualTo(lorenteggio.participantId().toString());
    assertThat(api.openPathways(lorenteggio.person().fiscalCode(), LORENTEGGIO)).containsExactly(lorenteggio.pathwayId());
    assertThat(api.openPathways(lorenteggio.person().fiscalCode(), BOLLATE)).containsExactly(bollatePathway);
    assertThat(api.openTask(bollatePathway, TASK_INTAKE_INTERVIEW).map(Task::getTenantId)).contains(BOLLATE);
  }

  @Test
  void shouldStartANewPathwayOnceThePreviousOneIsClosed() {
    ApiFixtures.Started first = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    api.completeTask(LAB_LORENTEGGIO, api.taskOf(first.pathwayId(), TASK_INTAKE_INTERVIEW),
        interviewWith("consentGiven", false));
    assertThat(api.as(LAB_LORENTEGGIO).get("/api/pathways/" + first.pathwayId()).json().path("status").asText())
        .isEqualTo("CLOSED");

    ApiClient.Response again = api.as(LAB_LORENTEGGIO).post("/api/pathways",
        pathwayRequest(LORENTEGGIO, "LAB", first.person().asRequest()));

    assertThat(again.status()).as("%s", again).isEqualTo(201);
    assertThat(again.json().path("participantId").asText()).isEqualTo(first.participantId().toString());
  }

  @Test
  void shouldAnswer401WithAChallengeWithoutLogin() {
    TestPeople.Person person = TestPeople.adult();

    ApiClient.Response response = api.anonymous().post("/api/pathways",
        pathwayRequest(LORENTEGGIO, "LAB", person.asRequest()));
    ApiFixtures.RawResponse raw = api.raw("POST", "/api/pathways", null,
        ApiClient.json(pathwayRequest(LORENTEGGIO, "LAB", person.asRequest())));

    assertProblem(response, 401);
    assertThat(raw.status()).isEqualTo(401);
    assertThat(raw.wwwAuthenticate()).hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
    assertThat(api.participantCount(person.fiscalCode())).isZero();
  }

  @Test
  void shouldAnswer401WithAWrongPasswordOrUnknownUser() {
    TestPeople.Person person = TestPeople.adult();
    Map<String, Object> request = pathwayRequest(LORENTEGGIO, "LAB", person.asRequest());

    assertProblem(api.withWrongPassword().post("/api/pathways", request), 401);
    assertProblem(ApiClient.as(api.port(), "nobody", "demo").post("/api/pathways", request), 401);
    assertThat(api.raw("POST", "/api/pathways", "Basic !!not-base64", ApiClient.json(request)).status())
        .isEqualTo(401);
    assertThat(api.participantCount(person.fiscalCode())).isZero();
  }

  @Test
  void shouldAnswer403WhenTheLabStartsAPathwayInAProjectItDoesNotServe() {
    TestPeople.Person person = TestPeople.adult();

    ApiClient.Response response = api.as(LAB_BOLLATE).post("/api/pathways",
        pathwayRequest(LORENTEGGIO, "LAB", person.asRequest()));

    assertProblem(response, 403);
    assertThat(api.participantCount(person.fiscalCode())).isZero();
  }

  // ------------------------------------------------------------------ GET /api/pathways/{id}

  @Test
  void shouldShowANewPathwayAtIntakeWithItsOpenTaskAndDeadline() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    Task interview = api.openTask(started.pathwayId(), TASK_INTAKE_INTERVIEW).orElseThrow();

    ApiClient.Response response = api.as(LAB_LORENTEGGIO).get("/api/pathways/" + started.pathwayId());

    assertThat(response.status()).as("%s", response).isEqualTo(200);
    JsonNode pathway = response.json();
    assertThat(pathway.path("id").asText()).isEqualTo(started.pathwayId().toString());
    assertThat(pathway.path("projectCode").asText()).isEqualTo(LORENTEGGIO);
    assertThat(pathway.path("participantId").asText()).isEqualTo(started.participantId().toString());
    assertThat(pathway.path("stage").asText()).isEqualTo("INTAKE");
    assertThat(pathway.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(pathway.has("outcome")).isTrue();
    assertThat(pathway.path("outcome").isNull()).isTrue();
    assertThat(pathway.path("reasons").isArray()).isTrue();
    assertThat(pathway.path("reasons")).isEmpty();
    assertThat(pathway.path("deadlines")).hasSize(1);
    JsonNode deadline = pathway.path("deadlines").get(0);
    assertThat(deadline.path("kind").asText()).isEqualTo("INTAKE_INTERVIEW");
    assertThat(deadline.path("element").asText()).isEqualTo(TASK_INTAKE_INTERVIEW);
    assertThat(deadline.path("taskId").asText()).isEqualTo(interview.getId());
    assertThat(deadline.path("state").asText()).isEqualTo("OPEN");
    assertThat(deadline.path("basis").asText()).isEqualTo("WORKING_DAYS");
    assertThat(deadline.path("parameter").asText()).isEqualTo("intakeInterviewWorkingDays");
    assertThat(dateTime(deadline.path("due")).toInstant()).isEqualTo(interview.getDueDate().toInstant());
    assertThat(pathway.path("openTasks")).hasSize(1);
    JsonNode openTask = pathway.path("openTasks").get(0);
    assertThat(openTask.path("id").asText()).isEqualTo(interview.getId());
    assertThat(openTask.path("taskKey").asText()).isEqualTo(TASK_INTAKE_INTERVIEW);
    assertThat(openTask.path("name").asText()).isEqualTo("Colloquio di presa in carico");
    assertThat(pathway.toString()).doesNotContain(started.person().fiscalCode(), started.person().lastName());
  }

  @Test
  void shouldShowAnEligiblePathwayWaitingForTheOperatorAssignment() {
    ApiFixtures.Started started = api.eligiblePathway(LORENTEGGIO);

    JsonNode pathway = api.as(CPI_MILANO).get("/api/pathways/" + started.pathwayId()).json();

    assertThat(pathway.path("stage").asText()).isEqualTo("OPERATOR_ASSIGNMENT");
    assertThat(pathway.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(names(pathway.path("openTasks"), "taskKey")).containsExactly(TASK_ASSIGN_OPERATOR);
    Map<String, String> stateByElement = new HashMap<>();
    pathway.path("deadlines").forEach(d -> stateByElement.put(d.path("element").asText(), d.path("state").asText()));
    assertThat(stateByElement).containsExactlyInAnyOrderEntriesOf(
        Map.of(TASK_INTAKE_INTERVIEW, "MET", TASK_ASSIGN_OPERATOR, "OPEN"));
  }

  @Test
  void shouldShowTheVerificationTaskAndItsOverdueTimerAsDeadlines() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    api.completeTask(LAB_LORENTEGGIO, api.taskOf(started.pathwayId(), TASK_INTAKE_INTERVIEW),
        interviewWith("naspiRecipient", true));

    JsonNode pathway = api.as(CPI_MILANO).get("/api/pathways/" + started.pathwayId()).json();

    assertThat(pathway.path("stage").asText()).isEqualTo("VERIFICATION");
    assertThat(names(pathway.path("openTasks"), "taskKey")).containsExactly(TASK_VERIFY_ELIGIBILITY);
    JsonNode verification = null;
    for (JsonNode d : pathway.path("deadlines")) {
      if (d.path("kind").asText().equals("VERIFICATION")) {
        verification = d;
      }
    }
    assertThat(verification).isNotNull();
    assertThat(verification.path("kind").asText()).isEqualTo("VERIFICATION");
    assertThat(verification.path("element").asText()).isEqualTo(TASK_VERIFY_ELIGIBILITY);
    assertThat(verification.path("timer").asText()).isEqualTo("Timer_VerificationOverdue");
    var task = api.task(api.taskOf(started.pathwayId(), TASK_VERIFY_ELIGIBILITY));
    assertThat(dateTime(verification.path("due")).toInstant())
        .isEqualTo(task.getDueDate().toInstant())
        .isEqualTo(api.managementService().createJobQuery().executionId(task.getExecutionId()).timers().singleResult()
            .getDuedate().toInstant());
  }

  @Test
  void shouldShowAClosedIneligiblePathwayWithItsReasons() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    Map<String, Object> employedOutside = interview();
    employedOutside.put("employmentStatus", "EMPLOYED");
    employedOutside.put("residentInErp", false);
    api.completeTask(LAB_LORENTEGGIO, api.taskOf(started.pathwayId(), TASK_INTAKE_INTERVIEW), employedOutside);

    JsonNode pathway = api.as(LAB_LORENTEGGIO).get("/api/pathways/" + started.pathwayId()).json();

    assertThat(pathway.path("status").asText()).isEqualTo("CLOSED");
    assertThat(pathway.path("outcome").asText()).isEqualTo("INELIGIBLE");
    assertThat(names(pathway.path("reasons"), null)).containsExactlyInAnyOrder("EMPLOYED", "NOT_RESIDENT");
    assertThat(pathway.path("openTasks")).isEmpty();
    assertThat(names(pathway.path("deadlines"), "state")).containsExactly("MET");
    assertThat(api.openPathways(started.person().fiscalCode(), LORENTEGGIO)).isEmpty();
  }

  @Test
  void shouldLetAnAuditorReadAPathway() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);

    ApiClient.Response response = api.as(AUDITOR).get("/api/pathways/" + started.pathwayId());

    assertThat(response.status()).as("%s", response).isEqualTo(200);
    assertThat(response.json().path("id").asText()).isEqualTo(started.pathwayId().toString());
    assertThat(names(response.json().path("openTasks"), "taskKey")).containsExactly(TASK_INTAKE_INTERVIEW);
  }

  @Test
  void shouldHideAPathwayFromTheOtherProjectsLab() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);

    ApiClient.Response response = api.as(LAB_BOLLATE).get("/api/pathways/" + started.pathwayId());

    assertProblem(response, 404);
    assertThat(response.body()).doesNotContain(started.participantId().toString());
  }

  @Test
  void shouldAnswer404ForAnUnknownPathway() {
    assertProblem(api.as(LAB_LORENTEGGIO).get("/api/pathways/" + UUID.randomUUID()), 404);
  }

  @Test
  void shouldAnswer400ForAPathwayIdThatIsNotAUuid() {
    assertInvalid(api.as(LAB_LORENTEGGIO).get("/api/pathways/not-a-uuid"), "id");
  }

  @Test
  void shouldAnswer401WhenReadingAPathwayWithoutLogin() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);

    assertProblem(api.anonymous().get("/api/pathways/" + started.pathwayId()), 401);
    assertProblem(api.withWrongPassword().get("/api/pathways/" + started.pathwayId()), 401);
  }

  private static List<String> names(JsonNode array, String field) {
    List<String> names = new ArrayList<>();
    array.forEach(n -> names.add(field == null ? n.asText() : n.path(field).asText()));
    return names;
  }

  private static String wrongCheckCharacter(String fiscalCode) {
    char check = fiscalCode.charAt(15);
    return fiscalCode.substring(0, 15) + (check == 'Z' ? 'A' : (char) (check + 1));
  }
}
