package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.CPI_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.CPI_MILANO;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_MESTIERI;
import static org.erplab.pathways.api.ApiFixtures.assertInvalid;
import static org.erplab.pathways.api.ApiFixtures.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.ProjectParameters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The attendance register over real HTTP: the pathway's operator records a course's hours of a day and corrects a
 * line (the corrected line is kept), every invalid field named, nobody else may write; whoever reads the pathway reads
 * the register, the totals per course and the indemnity. The course's end and result: {@code PathwayProcessTest}.
 */
@PathwaysSpringTest
class AttendanceApiTest {

  private final ApiFixtures api;
  private final int port;
  private final ApplicationContext context;
  /** The course MAG-01 (40 hours) runs from 20 days ago to 10 days ahead. */
  private final LocalDate today = EngineClock.today();

  @Autowired
  AttendanceApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
    this.port = port;
    this.context = context;
    api.ensureTestUsers();
  }

  @Test
  void shouldRecordADayOnceAndCorrectItKeepingTheOriginal() {
    UUID pathway = inTraining();

    ApiClient.Response recorded = post(OPERATOR_LORENTEGGIO, pathway, entry("MAG-01", today.minusDays(3), "6"));
    assertThat(recorded.status()).as("%s", recorded).isEqualTo(201);
    assertThat(recorded.json().path("hours").decimalValue()).isEqualByComparingTo("6");
    assertThat(recorded.json().path("correction").asBoolean()).isFalse();
    String original = recorded.json().path("id").asText();

    assertProblem(post(OPERATOR_LORENTEGGIO, pathway, entry("MAG-01", today.minusDays(3), "4")), 409);

    ApiClient.Response corrected = ApiClient.as(port, OPERATOR_LORENTEGGIO).post(path(pathway) + "/" + original
        + "/correction", Map.of("hours", 4, "reason", "uscita anticipata non registrata"));
    assertThat(corrected.status()).as("%s", corrected).isEqualTo(201);
    assertThat(corrected.json().path("corrects").asText()).isEqualTo(original);
    assertInvalid(ApiClient.as(port, OPERATOR_LORENTEGGIO).post(path(pathway) + "/" + original + "/correction",
        Map.of("hours", 9)), "hours", "reason");
    assertProblem(ApiClient.as(port, OPERATOR_LORENTEGGIO).post(path(pathway) + "/" + UUID.randomUUID()
        + "/correction", Map.of("hours", 1, "reason", "x")), 404);

    JsonNode register = ApiClient.as(port, CPI_MILANO).get(path(pathway)).json();
    assertThat(register.path("entries")).extracting(e -> e.path("hours").decimalValue().stripTrailingZeros()
        .toPlainString() + ":" + e.path("correction").asBoolean() + ":" + e.path("corrected").asBoolean())
        .containsExactly("6:false:true", "4:true:false");
    assertThat(register.path("entries").get(1).path("reason").asText()).isEqualTo("uscita anticipata non registrata");
    assertThat(register.path("courses")).singleElement().satisfies(c -> {
      assertThat(c.path("code").asText()).isEqualTo("MAG-01");
      assertThat(c.path("plannedHours").decimalValue()).isEqualByComparingTo("40");
      assertThat(c.path("attendedHours").decimalValue()).isEqualByComparingTo("4");
      assertThat(c.path("attendanceRate").decimalValue()).isEqualByComparingTo("10");
    });
  }

  @Test
  void shouldNameEveryInvalidField() {
    UUID pathway = inTraining();

    assertInvalid(post(OPERATOR_LORENTEGGIO, pathway, entry("CUCINA-9", today, "4")), "courseCode");
    assertInvalid(post(OPERATOR_LORENTEGGIO, pathway, entry("MAG-01", today.minusDays(21), "4")), "date");
    assertInvalid(post(OPERATOR_LORENTEGGIO, pathway, entry("MAG-01", today.plusDays(1), "4")), "date");
    assertInvalid(post(OPERATOR_LORENTEGGIO, pathway, entry("MAG-01", today, "0")), "hours");
    assertInvalid(post(OPERATOR_LORENTEGGIO, pathway, entry("MAG-01", today, "-1")), "hours");
    assertInvalid(post(OPERATOR_LORENTEGGIO, pathway, entry("MAG-01", today, "8.5")), "hours");
    Map<String, Object> empty = new LinkedHashMap<>();
    assertInvalid(post(OPERATOR_LORENTEGGIO, pathway, empty), "courseCode", "date", "hours");
    assertThat(ApiClient.as(port, OPERATOR_LORENTEGGIO).get(path(pathway)).json().path("entries")).isEmpty();
  }

  @Test
  void shouldLetOnlyThePathwaysOperatorRecordAndOnlyWhileActiveInTraining() {
    UUID pathway = inTraining();
    Map<String, Object> day = entry("MAG-01", today, "4");

    assertProblem(post(CPI_MILANO, pathway, day), 403);
    assertProblem(post(LAB_LORENTEGGIO, pathway, day), 403);
    assertProblem(post(OPERATOR_MESTIERI, pathway, day), 404);
    assertProblem(post(OPERATOR_BOLLATE, pathway, day), 404);
    assertProblem(post(CPI_BOLLATE, pathway, day), 404);
    assertProblem(ApiClient.as(port, OPERATOR_MESTIERI).get(path(pathway)), 404);

    UUID notYet = api.pathwayAtFirstAppointment(LORENTEGGIO, "SOLCO").pathwayId();
    assertProblem(post(OPERATOR_LORENTEGGIO, notYet, day), 409);

    ApiClient.Response suspended = ApiClient.as(port, OPERATOR_LORENTEGGIO)
        .post("/api/pathways/" + pathway + "/suspension", Map.of("reason", "ILLNESS"));
    assertThat(suspended.status()).as("%s", suspended).isLessThan(300);
    assertProblem(post(OPERATOR_LORENTEGGIO, pathway, day), 409);
    assertThat(ApiClient.as(port, CPI_MILANO).get(path(pathway)).status()).isEqualTo(200);
  }

  @Test
  void shouldComputeTheIndemnityAtTheProjectsRateAndShareForTheArrears() {
    UUID pathway = inTraining();
    post(OPERATOR_LORENTEGGIO, pathway, entry("MAG-01", today.minusDays(2), "6"));
    post(OPERATOR_LORENTEGGIO, pathway, entry("MAG-01", today.minusDays(1), "4"));

    // 10 hours at 5.00 euro, no arrears share by default
    JsonNode indemnity = ApiClient.as(port, LAB_LORENTEGGIO).get(path(pathway)).json().path("indemnity");
    assertThat(indemnity.path("attendedHours").decimalValue()).isEqualByComparingTo("10");
    assertThat(indemnity.path("payable").decimalValue()).isEqualByComparingTo("50.00");
    assertThat(indemnity.path("arrearsShare").decimalValue()).isEqualByComparingTo("0.00");
    assertThat(indemnity.path("toParticipant").decimalValue()).isEqualByComparingTo("50.00");

    // a pact of reciprocity: one third to the rent arrears
    try (var share = ProjectParameters.set(context, LORENTEGGIO, "indemnityArrearsShare", "1/3")) {
      indemnity = ApiClient.as(port, CPI_MILANO).get(path(pathway)).json().path("indemnity");
      assertThat(indemnity.path("payable").decimalValue()).isEqualByComparingTo("50.00");
      assertThat(indemnity.path("arrearsShare").decimalValue()).isEqualByComparingTo("16.67");
      assertThat(indemnity.path("toParticipant").decimalValue()).isEqualByComparingTo("33.33");
    }
  }

  private UUID inTraining() {
    return api.pathwayInTraining();
  }

  private ApiClient.Response post(String user, UUID pathway, Map<String, Object> body) {
    return ApiClient.as(port, user).post(path(pathway), body);
  }

  private static String path(UUID pathway) {
    return "/api/pathways/" + pathway + "/attendance";
  }

  private static Map<String, Object> entry(String courseCode, LocalDate date, String hours) {
    return Map.of("courseCode", courseCode, "date", date.toString(), "hours", new BigDecimal(hours));
  }
}
