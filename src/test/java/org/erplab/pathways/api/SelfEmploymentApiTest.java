package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR;
import static org.erplab.pathways.api.ApiFixtures.CPI_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.CPI_MILANO;
import static org.erplab.pathways.api.ApiFixtures.LAB_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_MESTIERI;
import static org.erplab.pathways.api.ApiFixtures.SOCIAL_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.assertInvalid;
import static org.erplab.pathways.api.ApiFixtures.body;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The accompaniment to self-employment and the closure record over real HTTP: the operator starts the accompaniment
 * through the task door (400 naming the field for a sector that is no code, a planned start in the past); the pathway
 * view shows {@code selfEmployment} and, once closed, {@code closure} to whoever may read the pathway, nobody else
 * (404 outside the project or the part). The social services' choice at their task: a date only to re-assess; KEEP
 * closes the pathway as SOCIAL_REFERRAL.
 */
@PathwaysSpringTest
class SelfEmploymentApiTest {

  private final ApiFixtures api;
  private final int port;
  private final LocalDate today = EngineClock.today();

  @Autowired
  SelfEmploymentApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
    this.port = port;
    api.ensureTestUsers();
  }

  @Test
  void shouldStartTheAccompanimentThroughTheTaskDoorAndShowItOnThePathway() {
    UUID pathway = assessed(Map.of("readyForWork", true, "needsSocialSupport", false, "selfEmploymentInterest", true));
    String task = api.taskOf(pathway, "Task_StartAccompaniment");

    // bad input: 400 naming the fields, the task stays open
    assertInvalid(complete(OPERATOR_LORENTEGGIO, task, Map.of("businessSector", "pizzeria in via Giambellino",
        "plannedStartDate", today.plusDays(10).toString())), "businessSector");
    assertInvalid(complete(OPERATOR_LORENTEGGIO, task, Map.of("businessSector", "FOOD_SERVICE",
        "plannedStartDate", today.minusDays(1).toString())), "plannedStartDate");

    // when
    ApiClient.Response started = complete(OPERATOR_LORENTEGGIO, task, Map.of("businessSector", "FOOD_SERVICE",
        "plannedStartDate", today.plusDays(10).toString()));

    // then: on the pathway, with its first check-in to come in a month
    assertThat(started.status()).as("%s", started).isEqualTo(204);
    JsonNode view = view(OPERATOR_LORENTEGGIO, pathway);
    assertThat(view.path("stage").asText()).isEqualTo("SELF_EMPLOYMENT");
    JsonNode accompaniment = view.path("selfEmployment");
    assertThat(accompaniment.path("businessSector").asText()).isEqualTo("FOOD_SERVICE");
    assertThat(accompaniment.path("plannedStart").asText()).isEqualTo(today.plusDays(10).toString());
    assertThat(accompaniment.path("startedOn").asText()).isEqualTo(today.toString());
    assertThat(accompaniment.path("months").asInt()).isEqualTo(12);
    assertThat(accompaniment.path("endsOn").asText()).isEqualTo(today.plusMonths(12).toString());
    assertThat(accompaniment.path("checkIns")).isEmpty();
    assertThat(accompaniment.path("businessStarted").isNull()).isTrue();
    assertThat(view.path("closure").isNull()).isTrue();
  }

  static Stream<Arguments> readers() {
    return Stream.of(
        Arguments.of(OPERATOR_LORENTEGGIO, 200), Arguments.of(CPI_MILANO, 200), Arguments.of(LAB_LORENTEGGIO, 200),
        Arguments.of(OPERATOR_MESTIERI, 404), Arguments.of(SOCIAL_LORENTEGGIO, 404), Arguments.of(CPI_BOLLATE, 404),
        Arguments.of(LAB_BOLLATE, 404), Arguments.of(OPERATOR_BOLLATE, 404));
  }

  @ParameterizedTest(name = "{0} reads the accompaniment: {1}")
  @MethodSource("readers")
  void shouldShowTheAccompanimentToWhoeverReadsThePathwayOnly(String user, int expected) {
    UUID pathway = accompanied();

    ApiClient.Response response = ApiClient.as(port, user).get("/api/pathways/" + pathway);

    assertThat(response.status()).as("%s", response).isEqualTo(expected);
    if (expected == 200) {
      assertThat(response.json().path("selfEmployment").path("businessSector").asText()).isEqualTo("CRAFTS");
    } else {
      assertThat(response.body()).doesNotContain("CRAFTS");
    }
  }

  static Stream<Arguments> closureReaders() {
    // once closed, the operator has no part in it any more; the project's CPI and lab and the auditor still read it
    return Stream.of(
        Arguments.of(CPI_MILANO, 200), Arguments.of(LAB_LORENTEGGIO, 200), Arguments.of(AUDITOR, 200),
        Arguments.of(OPERATOR_LORENTEGGIO, 404), Arguments.of(CPI_BOLLATE, 404), Arguments.of(OPERATOR_BOLLATE, 404));
  }

  @ParameterizedTest(name = "{0} reads the closure: {1}")
  @MethodSource("closureReaders")
  void shouldShowTheClosureOfAPathwayWithdrawnDuringTheAccompaniment(String user, int expected) {
    UUID pathway = accompanied();
    ApiClient.Response withdrawn = ApiClient.as(port, CPI_MILANO).post("/api/pathways/" + pathway + "/withdrawal",
        Map.of("reason", "FOUND_JOB_ALONE", "date", today.toString()));
    assertThat(withdrawn.status()).as("%s", withdrawn).isEqualTo(201);

    ApiClient.Response response = ApiClient.as(port, user).get("/api/pathways/" + pathway);

    assertThat(response.status()).as("%s", response).isEqualTo(expected);
    if (expected == 200) {
      JsonNode closure = response.json().path("closure");
      assertThat(closure.path("outcome").asText()).isEqualTo("WITHDRAWN");
      assertThat(closure.path("stageAtClosure").asText()).isEqualTo("SELF_EMPLOYMENT");
      assertThat(closure.path("closedAt").isNull()).isFalse();
      assertThat(closure.path("trainingHoursPlanned").decimalValue()).isEqualByComparingTo("0");
      assertThat(closure.path("trainingHoursAttended").decimalValue()).isEqualByComparingTo("0");
      assertThat(closure.path("indemnity").decimalValue()).isEqualByComparingTo("0");
      assertThat(closure.path("indemnityArrearsShare").decimalValue()).isEqualByComparingTo("0");
    }
  }

  @Test
  void shouldAskTheSocialServicesForADateOnlyToReassessAndCloseAsSocialReferralWhenTheyKeepThePerson() {
    UUID pathway = assessed(Map.of("readyForWork", false, "needsSocialSupport", true, "selfEmploymentInterest", false));
    String task = api.taskOf(pathway, "Task_SocialReferral");

    assertInvalid(complete(SOCIAL_LORENTEGGIO, task, Map.of("reassessmentDate", today.plusDays(30).toString())),
        "socialReferralDecision");
    assertInvalid(complete(SOCIAL_LORENTEGGIO, task, Map.of("socialReferralDecision", "REASSESS")), "reassessmentDate");
    assertInvalid(complete(SOCIAL_LORENTEGGIO, task, Map.of("socialReferralDecision", "KEEP",
        "reassessmentDate", today.plusDays(30).toString())), "reassessmentDate");

    ApiClient.Response kept = complete(SOCIAL_LORENTEGGIO, task, Map.of("socialReferralDecision", "KEEP"));

    assertThat(kept.status()).as("%s", kept).isEqualTo(204);
    JsonNode view = view(CPI_MILANO, pathway);
    assertThat(view.path("status").asText()).isEqualTo("CLOSED");
    assertThat(view.path("outcome").asText()).isEqualTo("SOCIAL_REFERRAL");
    assertThat(view.path("reassessmentDate").isNull()).isTrue();
    assertThat(view.path("closure").path("outcome").asText()).isEqualTo("SOCIAL_REFERRAL");
    assertThat(view.path("closure").path("stageAtClosure").asText()).isEqualTo("SOCIAL_INCLUSION");
    assertThat(view.path("openTasks")).isEmpty();
  }

  /** A LORENTEGGIO pathway of SOLCO in the accompaniment (sector CRAFTS), started today over HTTP. */
  private UUID accompanied() {
    UUID pathway = assessed(Map.of("readyForWork", true, "needsSocialSupport", false, "selfEmploymentInterest", true));
    ApiClient.Response started = complete(OPERATOR_LORENTEGGIO, api.taskOf(pathway, "Task_StartAccompaniment"),
        Map.of("businessSector", "CRAFTS", "plannedStartDate", today.plusMonths(2).toString()));
    assertThat(started.status()).as("%s", started).isEqualTo(204);
    return pathway;
  }

  /** A LORENTEGGIO pathway of SOLCO, assessed over HTTP with those answers. */
  private UUID assessed(Map<String, Object> route) {
    UUID pathway = api.pathwayAtFirstAppointment(LORENTEGGIO, "SOLCO").pathwayId();
    api.completeTask(OPERATOR_LORENTEGGIO, api.taskOf(pathway, "Task_FirstAppointment"),
        Map.of("appointmentDate", today.toString()));
    Map<String, Object> answers = new java.util.LinkedHashMap<>(route);
    answers.put("orientationHours", 6);
    answers.put("eqfLevel", 3);
    answers.put("availability", "FULL_TIME");
    api.completeTask(OPERATOR_LORENTEGGIO, api.taskOf(pathway, "Task_SkillsAssessment"), answers);
    return pathway;
  }

  private ApiClient.Response complete(String user, String taskId, Map<String, Object> variables) {
    return ApiClient.as(port, user).post("/api/tasks/" + taskId + "/complete", body(variables));
  }

  private JsonNode view(String user, UUID pathway) {
    ApiClient.Response response = ApiClient.as(port, user).get("/api/pathways/" + pathway);
    assertThat(response.status()).as("%s", response).isEqualTo(200);
    return response.json();
  }
}
