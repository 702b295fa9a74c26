package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.ADMIN;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.CPI_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.CPI_MILANO;
import static org.erplab.pathways.api.ApiFixtures.LAB_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.MANAGER;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.TASK_INTAKE_INTERVIEW;
import static org.erplab.pathways.api.ApiFixtures.assertInvalid;
import static org.erplab.pathways.api.ApiFixtures.assertProblem;
import static org.erplab.pathways.api.ApiFixtures.interviewWith;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** A participant's personal file ({@code GET /api/participants/{id}}, a logged read) and its access log (auditors). */
@PathwaysSpringTest
class ParticipantApiTest {

  private final ApiFixtures api;

  @Autowired
  ParticipantApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
  }

  @ParameterizedTest
  @ValueSource(strings = {LAB_LORENTEGGIO, CPI_MILANO, OPERATOR_LORENTEGGIO})
  void shouldShowThePersonalFileToTheStaffWithAPartInThePathway(String user) {
    // the lab and the CPI of the project, and SOLCO, the operator the pathway was handed to
    ApiFixtures.Started started = api.pathwayAtFirstAppointment(LORENTEGGIO, "SOLCO");
    TestPeople.Person person = started.person();

    ApiClient.Response response = api.as(user).get("/api/participants/" + started.participantId());

    assertThat(response.status()).as("%s", response).isEqualTo(200);
    JsonNode participant = response.json();
    assertThat(participant.path("id").asText()).isEqualTo(started.participantId().toString());
    assertThat(participant.path("projectCode").asText()).isEqualTo(LORENTEGGIO);
    assertThat(participant.path("fiscalCode").asText()).isEqualTo(person.fiscalCode());
    assertThat(participant.path("firstName").asText()).isEqualTo(person.firstName());
    assertThat(participant.path("lastName").asText()).isEqualTo(person.lastName());
    assertThat(participant.path("birthDate").asText()).isEqualTo(person.birthDate().toString());
    assertThat(participant.path("gender").asText()).isEqualTo(person.gender());
    assertThat(participant.path("citizenship").asText()).isEqualTo("IT");
    assertThat(participant.path("phone").asText()).isEqualTo("+39 333 1234567");
    assertThat(participant.path("email").asText()).isEqualTo("persona@example.org");
    assertThat(participant.path("vulnerabilities").toString()).isEqualTo("[\"NONE\"]");
    assertThat(participant.path("notes")).hasSize(1);
  }

  @Test
  void shouldShowWhatTheInterviewRecordedInTheRegistry() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    var answers = interviewWith("vulnerabilities", List.of("GENDER_VIOLENCE"));
    answers.put("note", "Segue il servizio antiviolenza");
    api.completeTask(LAB_LORENTEGGIO, api.taskOf(started.pathwayId(), TASK_INTAKE_INTERVIEW), answers);

    JsonNode participant = api.as(CPI_MILANO).get("/api/participants/" + started.participantId()).json();

    assertThat(participant.path("vulnerabilities")).hasSize(1);
    assertThat(participant.path("vulnerabilities").get(0).asText()).isEqualTo("GENDER_VIOLENCE");
    JsonNode note = participant.path("notes").get(0);
    assertThat(note.path("taskKey").asText()).isEqualTo(TASK_INTAKE_INTERVIEW);
    assertThat(note.path("text").asText()).isEqualTo("Segue il servizio antiviolenza");
    assertThat(note.path("author").asText()).isEqualTo(LAB_LORENTEGGIO);
  }

  @Test
  void shouldLogEveryReadWithTheReaderForTheAuditor() {
    ApiFixtures.Started started = api.pathwayAtFirstAppointment(LORENTEGGIO, "SOLCO");
    String path = "/api/participants/" + started.participantId();
    OffsetDateTime before = OffsetDateTime.now().minusSeconds(5);

    api.as(LAB_LORENTEGGIO).get(path);
    api.as(CPI_MILANO).get(path);
    api.as(OPERATOR_LORENTEGGIO).get(path);
    api.as(LAB_LORENTEGGIO).get(path);
    // refused reads are not reads
    assertProblem(api.as(MANAGER).get(path), 403);
    assertProblem(api.as(LAB_BOLLATE).get(path), 404);

    ApiClient.Response log = api.as(AUDITOR).get(path + "/access-log");

    assertThat(log.status()).as("%s", log).isEqualTo(200);
    List<String> readers = new ArrayList<>();
    log.json().forEach(entry -> {
      readers.add(entry.path("userId").asText());
      assertThat(OffsetDateTime.parse(entry.path("accessedAt").asText())).isAfter(before);
      assertThat(entry.path("channel").asText()).contains(started.participantId().toString());
    });
    assertThat(readers).containsExactly(LAB_LORENTEGGIO, CPI_MILANO, OPERATOR_LORENTEGGIO, LAB_LORENTEGGIO);
    assertThat(log.body()).doesNotContain(started.person().fiscalCode(), started.person().lastName());
  }

  @Test
  void shouldStartWithAnEmptyAccessLog() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);

    ApiClient.Response log = api.as(AUDITOR).get("/api/participants/" + started.participantId() + "/access-log");

    assertThat(log.status()).isEqualTo(200);
    assertThat(log.json().isArray()).isTrue();
    assertThat(log.json()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {MANAGER, AUDITOR, ADMIN, ApiFixtures.HOUSING_LORENTEGGIO})
  void shouldRefuseThePersonalFileToRolesThatMayNotReadIt(String user) {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);

    ApiClient.Response response = api.as(user).get("/api/participants/" + started.participantId());

    assertProblem(response, 403);
    assertThat(response.body()).doesNotContain(started.person().fiscalCode(), started.person().lastName());
    assertThat(api.as(AUDITOR).get("/api/participants/" + started.participantId() + "/access-log").json()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {LAB_LORENTEGGIO, CPI_MILANO, OPERATOR_LORENTEGGIO, MANAGER, ADMIN})
  void shouldRefuseTheAccessLogToEveryoneButAuditors(String user) {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    api.as(LAB_LORENTEGGIO).get("/api/participants/" + started.participantId());

    ApiClient.Response response = api.as(user).get("/api/participants/" + started.participantId() + "/access-log");

    assertProblem(response, 403);
    assertThat(response.body()).doesNotContain(LAB_LORENTEGGIO);
  }

  @ParameterizedTest
  @ValueSource(strings = {LAB_BOLLATE, CPI_BOLLATE, OPERATOR_BOLLATE})
  void shouldHideAnotherProjectsParticipant(String user) {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);

    ApiClient.Response response = api.as(user).get("/api/participants/" + started.participantId());

    assertProblem(response, 404);
    assertThat(response.body()).doesNotContain(started.person().fiscalCode(), started.person().lastName());
  }

  @Test
  void shouldHideAnotherProjectsAccessLogFromItsAuditor() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    api.as(LAB_LORENTEGGIO).get("/api/participants/" + started.participantId());

    ApiClient.Response response = api.as(AUDITOR_BOLLATE)
        .get("/api/participants/" + started.participantId() + "/access-log");

    assertProblem(response, 404);
    assertThat(response.body()).doesNotContain(LAB_LORENTEGGIO);
  }

  @Test
  void shouldKeepTheSamePersonsFilesSeparateInEachProject() {
    ApiFixtures.Started lorenteggio = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    ApiFixtures.Started bollate = api.startPathway(LAB_BOLLATE, ApiFixtures.BOLLATE, lorenteggio.person(), "LAB");

    assertProblem(api.as(LAB_LORENTEGGIO).get("/api/participants/" + bollate.participantId()), 404);
    assertProblem(api.as(LAB_BOLLATE).get("/api/participants/" + lorenteggio.participantId()), 404);
    assertThat(api.as(LAB_BOLLATE).get("/api/participants/" + bollate.participantId()).json()
        .path("projectCode").asText()).isEqualTo(ApiFixtures.BOLLATE);
  }

  @Test
  void shouldAnswer404ForAnUnknownParticipant() {
    assertProblem(api.as(LAB_LORENTEGGIO).get("/api/participants/" + UUID.randomUUID()), 404);
    assertProblem(api.as(AUDITOR).get("/api/participants/" + UUID.randomUUID() + "/access-log"), 404);
  }

  @Test
  void shouldAnswer400ForAnIdThatIsNotAUuid() {
    assertInvalid(api.as(LAB_LORENTEGGIO).get("/api/participants/RSSMRA85T10A562S"), "id");
    assertInvalid(api.as(AUDITOR).get("/api/participants/42/access-log"), "id");
  }

  @Test
  void shouldAnswer401WithoutLogin() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    String path = "/api/participants/" + started.participantId();

    ApiClient.Response anonymous = api.anonymous().get(path);
    assertProblem(anonymous, 401);
    assertThat(anonymous.body()).doesNotContain(started.person().fiscalCode());
    assertProblem(api.withWrongPassword().get(path), 401);
    assertProblem(api.anonymous().get(path + "/access-log"), 401);
    assertProblem(api.withWrongPassword().get(path + "/access-log"), 401);
    assertThat(api.as(AUDITOR).get(path + "/access-log").json()).isEmpty();
  }
}
