package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.LAB_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.TASK_CALL_BACK;
import static org.erplab.pathways.api.ApiFixtures.TASK_INTAKE_INTERVIEW;
import static org.erplab.pathways.api.ApiFixtures.assertInvalid;
import static org.erplab.pathways.api.ApiFixtures.assertProblem;
import static org.erplab.pathways.api.ApiFixtures.dateTime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
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

/**
 * {@code POST /api/public/registrations}: no login, minimal data, consent required; a call-back task for the lab. The
 * answer never tells whether the person was already in a pathway.
 */
@PathwaysSpringTest
class PublicRegistrationApiTest {

  private static final String PATH = "/api/public/registrations";

  private final ApiFixtures api;

  @Autowired
  PublicRegistrationApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
  }

  static Map<String, Object> registration(String project, TestPeople.Person person) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("projectCode", project);
    request.put("fiscalCode", person.fiscalCode());
    request.put("firstName", person.firstName());
    request.put("lastName", person.lastName());
    request.put("phone", "+39 347 7654321");
    request.put("email", "registrata@example.org");
    request.put("consent", true);
    return request;
  }

  @Test
  void shouldAcceptARegistrationAndGiveTheLabACallBackTask() {
    TestPeople.Person person = TestPeople.adult();

    ApiClient.Response response = api.anonymous().post(PATH, registration(LORENTEGGIO, person));

    assertThat(response.status()).as("%s", response).isEqualTo(202);
    assertThat(response.json().path("message").asText()).isNotBlank();
    assertThat(response.body()).doesNotContain(person.fiscalCode());
    List<UUID> pathways = api.openPathways(person.fiscalCode(), LORENTEGGIO);
    assertThat(pathways).hasSize(1);
    UUID pathwayId = pathways.get(0);
    assertThat(api.openTaskKeys(pathwayId)).containsExactly(TASK_CALL_BACK);
    Task callBack = api.openTask(pathwayId, TASK_CALL_BACK).orElseThrow();

    JsonNode listed = api.listedTask(LAB_LORENTEGGIO, "project=LORENTEGGIO", callBack.getId()).orElseThrow();
    assertThat(listed.path("pathwayId").asText()).isEqualTo(pathwayId.toString());
    assertThat(listed.path("taskKey").asText()).isEqualTo(TASK_CALL_BACK);
    assertThat(listed.path("formKey").asText()).isEqualTo("call-back");
    assertThat(dateTime(listed.path("due")).toInstant()).isEqualTo(callBack.getDueDate().toInstant());
    assertThat(api.listedTask(LAB_BOLLATE, "", callBack.getId())).isEmpty();

    Map<String, Object> record = api.pathwayRecord(pathwayId);
    assertThat(record.get("channel")).isEqualTo("SELF_REGISTRATION");
    assertThat(record.get("consent_at")).as("consent recorded").isNotNull();
    JsonNode participant = api.as(LAB_LORENTEGGIO).get("/api/participants/" + record.get("participant_id")).json();
    assertThat(participant.path("fiscalCode").asText()).isEqualTo(person.fiscalCode());
    assertThat(participant.path("birthDate").asText()).isEqualTo(person.birthDate().toString());
    assertThat(participant.path("gender").asText()).isEqualTo(person.gender());
    assertThat(participant.path("phone").asText()).isEqualTo("+39 347 7654321");
    assertThat(participant.path("email").asText()).isEqualTo("registrata@example.org");
  }

  @Test
  void shouldAcceptAPhoneOnlyOrAnEmailOnly() {
    TestPeople.Person byPhone = TestPeople.adult();
    Map<String, Object> phoneOnly = registration(BOLLATE, byPhone);
    phoneOnly.remove("email");
    TestPeople.Person byEmail = TestPeople.adult();
    Map<String, Object> emailOnly = registration(BOLLATE, byEmail);
    emailOnly.remove("phone");

    assertThat(api.anonymous().post(PATH, phoneOnly).status()).isEqualTo(202);
    assertThat(api.anonymous().post(PATH, emailOnly).status()).isEqualTo(202);

    assertThat(api.openPathways(byPhone.fiscalCode(), BOLLATE)).hasSize(1);
    assertThat(api.openPathways(byEmail.fiscalCode(), BOLLATE)).hasSize(1);
  }

  @Test
  void shouldTreatABlankPhoneOrEmailFromTheWebFormAsNotGiven() {
    TestPeople.Person byEmail = TestPeople.adult();
    Map<String, Object> blankPhone = registration(LORENTEGGIO, byEmail);
    blankPhone.put("phone", "");
    TestPeople.Person byPhone = TestPeople.adult();
    Map<String, Object> blankEmail = registration(LORENTEGGIO, byPhone);
    blankEmail.put("email", "");

    ApiClient.Response phoneLeftEmpty = api.anonymous().post(PATH, blankPhone);
    ApiClient.Response emailLeftEmpty = api.anonymous().post(PATH, blankEmail);

    assertThat(phoneLeftEmpty.status()).as("%s", phoneLeftEmpty).isEqualTo(202);
    assertThat(emailLeftEmpty.status()).as("%s", emailLeftEmpty).isEqualTo(202);
    assertThat(api.openPathways(byEmail.fiscalCode(), LORENTEGGIO)).hasSize(1);
    assertThat(api.openPathways(byPhone.fiscalCode(), LORENTEGGIO)).hasSize(1);
  }

  @Test
  void shouldAnswerTheSameToADuplicateAndChangeNothing() {
    TestPeople.Person person = TestPeople.adult();
    ApiClient.Response first = api.anonymous().post(PATH, registration(LORENTEGGIO, person));
    UUID pathwayId = api.openPathways(person.fiscalCode(), LORENTEGGIO).get(0);
    Map<String, Object> again = registration(LORENTEGGIO, person);
    again.put("firstName", "Altronome");
    again.put("phone", "+39 320 0000000");
    again.put("fiscalCode", person.fiscalCode().toLowerCase());

    ApiClient.Response second = api.anonymous().post(PATH, again);

    assertThat(second.status()).as("%s", second).isEqualTo(202);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(api.openPathways(person.fiscalCode(), LORENTEGGIO)).containsExactly(pathwayId);
    assertThat(api.pathwayCount(person.fiscalCode())).isEqualTo(1);
    assertThat(api.openTaskKeys(pathwayId)).containsExactly(TASK_CALL_BACK);
    JsonNode participant = api.as(LAB_LORENTEGGIO)
        .get("/api/participants/" + api.pathwayRecord(pathwayId).get("participant_id")).json();
    assertThat(participant.path("firstName").asText()).isEqualTo(person.firstName());
    assertThat(participant.path("phone").asText()).isEqualTo("+39 347 7654321");
  }

  @RepeatedTest(5)
  void shouldAnswerTheSameToSimultaneousDuplicatesAndCreateOnePathway() throws Exception {
    TestPeople.Person person = TestPeople.adult();

    List<ApiClient.Response> responses = ApiFixtures.simultaneously(
        () -> api.anonymous().post(PATH, registration(LORENTEGGIO, person)),
        () -> api.anonymous().post(PATH, registration(LORENTEGGIO, person)),
        () -> api.anonymous().post(PATH, registration(LORENTEGGIO, person)));

    assertThat(responses).extracting(ApiClient.Response::status).as("%s", responses).containsOnly(202);
    assertThat(responses).extracting(ApiClient.Response::body).containsOnly(responses.get(0).body());
    assertThat(api.openPathways(person.fiscalCode(), LORENTEGGIO)).hasSize(1);
    assertThat(api.participantCount(person.fiscalCode())).isEqualTo(1);
  }

  @Test
  void shouldAnswerTheSameWhenTheLabHasAlreadyTakenThePersonInCharge() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);

    ApiClient.Response response = api.anonymous().post(PATH, registration(LORENTEGGIO, started.person()));

    assertThat(response.status()).as("%s", response).isEqualTo(202);
    assertThat(api.openPathways(started.person().fiscalCode(), LORENTEGGIO)).containsExactly(started.pathwayId());
    assertThat(api.openTaskKeys(started.pathwayId())).containsExactly(TASK_INTAKE_INTERVIEW);
  }

  @Test
  void shouldRegisterTheSamePersonInTheOtherProject() {
    TestPeople.Person person = TestPeople.adult();
    api.anonymous().post(PATH, registration(LORENTEGGIO, person));

    ApiClient.Response response = api.anonymous().post(PATH, registration(BOLLATE, person));

    assertThat(response.status()).isEqualTo(202);
    assertThat(api.openPathways(person.fiscalCode(), LORENTEGGIO)).hasSize(1);
    assertThat(api.openPathways(person.fiscalCode(), BOLLATE)).hasSize(1);
    UUID bollate = api.openPathways(person.fiscalCode(), BOLLATE).get(0);
    assertThat(api.listedTask(LAB_BOLLATE, "", api.taskOf(bollate, TASK_CALL_BACK))).isPresent();
  }

  static Stream<Arguments> invalidRegistrations() {
    return Stream.of(
        invalid("consent refused", r -> r.put("consent", false), "consent"),
        invalid("consent missing", r -> r.remove("consent"), "consent"),
        invalid("consent not a boolean", r -> r.put("consent", "forse"), "consent"),
        invalid("neither phone nor e-mail", r -> {
          r.remove("phone");
          r.remove("email");
        }, "phone"),
        invalid("fiscal code missing", r -> r.remove("fiscalCode"), "fiscalCode"),
        invalid("wrong check character", r -> r.put("fiscalCode", wrongCheckCharacter((String) r.get("fiscalCode"))),
            "fiscalCode"),
        invalid("first name missing", r -> r.put("firstName", ""), "firstName"),
        invalid("last name missing", r -> r.remove("lastName"), "lastName"),
        invalid("invalid phone", r -> r.put("phone", "chiamami"), "phone"),
        invalid("invalid e-mail", r -> r.put("email", "non-una-mail"), "email"),
        invalid("unknown project", r -> r.put("projectCode", "ATLANTIDE"), "projectCode"),
        invalid("project missing", r -> r.remove("projectCode"), "projectCode"));
  }

  private static Arguments invalid(String name, Consumer<Map<String, Object>> change, String... fields) {
    return Arguments.of(name, change, fields);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidRegistrations")
  void shouldRefuseAnInvalidRegistrationNamingTheFieldsAndCreateNothing(String name,
      Consumer<Map<String, Object>> change, String[] fields) {
    TestPeople.Person person = TestPeople.adult();
    Map<String, Object> request = registration(LORENTEGGIO, person);
    change.accept(request);

    ApiClient.Response response = api.anonymous().post(PATH, request);

    assertInvalid(response, fields);
    assertThat(api.participantCount(person.fiscalCode())).isZero();
    assertThat(api.pathwayCount(person.fiscalCode())).isZero();
  }

  @Test
  void shouldNameTheMissingContactInTheMessage() {
    Map<String, Object> request = registration(LORENTEGGIO, TestPeople.adult());
    request.remove("phone");
    request.remove("email");

    ApiClient.Response response = api.anonymous().post(PATH, request);

    assertProblem(response, 400);
    assertThat(response.json().path("errors").get(0).path("message").asText()).contains("phone", "e-mail");
  }

  @Test
  void shouldRefuseInvalidJson() {
    assertProblem(api.anonymous().post(PATH, "{\"projectCode\": \"LORENTEGGIO\", \"consent\": true"), 400);
    assertProblem(api.anonymous().post(PATH, ""), 400);
  }

  private static String wrongCheckCharacter(String fiscalCode) {
    char check = fiscalCode.charAt(15);
    return fiscalCode.substring(0, 15) + (check == 'Z' ? 'A' : (char) (check + 1));
  }
}
