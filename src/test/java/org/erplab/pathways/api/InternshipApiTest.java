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
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.ProjectParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The internship over real HTTP: the pathway's operator writes the agreement within the cap and confirms it, asks for
 * extensions the CPI decides, records the monthly attendance (the indemnity due at the threshold) and an early
 * termination; every invalid field named, nobody else may write, nothing outside the stage or while suspended. The
 * trainee (EQF 3, no vulnerability) may do 2 to 6 months. The process itself: {@code InternshipProcessTest}.
 */
@PathwaysSpringTest
class InternshipApiTest {

  private final ApiFixtures api;
  private final int port;
  private final ApplicationContext context;
  private final LocalDate today = EngineClock.today();

  @Autowired
  InternshipApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
    this.port = port;
    this.context = context;
    api.ensureTestUsers();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldWriteTheAgreementWithinTheCapAndRunTheInternshipToItsExtendedEnd() {
    UUID pathway = atInternship();

    // the agreement: 200, the cap shown; confirmed, the internship runs to its end
    ApiClient.Response written = put(OPERATOR_LORENTEGGIO, pathway, agreement(today, 3, "30"));
    assertThat(written.status()).as("%s", written).isEqualTo(200);
    assertThat(written.json().path("maxMonths").asInt()).isEqualTo(6);
    assertThat(written.json().path("minMonths").asInt()).isEqualTo(2);
    assertThat(written.json().path("host").asText()).isEqualTo("Magazzini Lombardi srl");
    assertThat(written.json().path("plannedEndDate").asText()).isEqualTo(today.plusMonths(3).minusDays(1).toString());
    api.completeTask(OPERATOR_LORENTEGGIO, api.taskOf(pathway, "Task_InternshipAgreement"),
        Map.of("agreementConfirmed", true));
    assertProblem(put(OPERATOR_LORENTEGGIO, pathway, agreement(today, 4, "30")), 409);

    // an extension of 2 months: 201, the CPI approves, the end moves
    ApiClient.Response requested = ApiClient.as(port, OPERATOR_LORENTEGGIO).post(path(pathway) + "/extension-requests",
        Map.of("months", 2, "reason", "completare il modulo di magazzino"));
    assertThat(requested.status()).as("%s", requested).isEqualTo(201);
    assertProblem(ApiClient.as(port, OPERATOR_LORENTEGGIO).post(path(pathway) + "/extension-requests",
        Map.of("months", 1, "reason", "ancora")), 409);
    api.completeTask(CPI_MILANO, api.taskOf(pathway, "Task_ApproveExtension"), Map.of("extensionApproved", true));

    JsonNode read = ApiClient.as(port, CPI_MILANO).get(path(pathway)).json();
    assertThat(read.path("state").asText()).isEqualTo("RUNNING");
    assertThat(read.path("endDate").asText()).isEqualTo(today.plusMonths(5).minusDays(1).toString());
    assertThat(read.path("agreedMonths").asInt()).isEqualTo(5);
    assertThat(read.path("monthsLeft").asInt()).isEqualTo(1);
    assertThat(read.path("extensions")).singleElement().satisfies(e -> {
      assertThat(e.path("months").asInt()).isEqualTo(2);
      assertThat(e.path("decision").asText()).isEqualTo("APPROVED");
      assertThat(e.path("reason").asText()).isEqualTo("completare il modulo di magazzino");
    });

    // beyond the cap: 400 naming months, nothing changes
    assertInvalid(ApiClient.as(port, OPERATOR_LORENTEGGIO).post(path(pathway) + "/extension-requests",
        Map.of("months", 2, "reason", "ancora")), "months");
    assertThat(ApiClient.as(port, CPI_MILANO).get(path(pathway)).json().path("extensions")).hasSize(1);
    assertThat(api.openTaskKeys(pathway)).isEmpty();
  }

  @Test
  void shouldNameEveryInvalidField() {
    UUID pathway = atInternship();

    assertInvalid(put(OPERATOR_LORENTEGGIO, pathway, agreement(today, 7, "30")), "plannedMonths");
    assertInvalid(put(OPERATOR_LORENTEGGIO, pathway, agreement(today, 1, "30")), "plannedMonths");
    assertInvalid(put(OPERATOR_LORENTEGGIO, pathway, agreement(today.minusDays(1), 3, "41")), "startDate",
        "weeklyHours");
    assertInvalid(put(OPERATOR_LORENTEGGIO, pathway, new LinkedHashMap<>()), "host", "promoter", "tutor",
        "startDate", "plannedMonths", "weeklyHours");
    // Task_InternshipAgreement cannot be completed before the agreement is written, at this door too
    ApiClient.Response early = ApiClient.as(port, OPERATOR_LORENTEGGIO).post("/api/tasks/"
        + api.taskOf(pathway, "Task_InternshipAgreement") + "/complete",
        ApiFixtures.body(Map.of("agreementConfirmed", true)));
    assertInvalid(early, "agreementConfirmed");

    running(pathway);
    assertInvalid(ApiClient.as(port, OPERATOR_LORENTEGGIO).post(path(pathway) + "/extension-requests",
        Map.of("months", 0)), "months", "reason");
    assertInvalid(ApiClient.as(port, OPERATOR_LORENTEGGIO).post(path(pathway) + "/termination",
        Map.of("reason", "BORED", "date", today.plusDays(1).toString())), "reason", "date");
    assertInvalid(ApiClient.as(port, OPERATOR_LORENTEGGIO).post(path(pathway) + "/termination",
        Map.of("reason", "HIRED", "date", today.minusDays(1).toString())), "date");
    assertInvalid(attendance(pathway, YearMonth.from(today).plusMonths(1), "100", "80"), "month");
    assertInvalid(attendance(pathway, YearMonth.from(today).minusMonths(1), "100", "80"), "month");
    assertInvalid(attendance(pathway, YearMonth.from(today), "0", "-1"), "plannedHours", "attendedHours");
    assertInvalid(attendance(pathway, YearMonth.from(today), "100", "100.5"), "attendedHours");
    assertInvalid(ApiClient.as(port, OPERATOR_LORENTEGGIO).post(path(pathway) + "/attendance", Map.of()),
        "month", "plannedHours", "attendedHours");

    // the CPI's rejection needs its reason
    ApiClient.as(port, OPERATOR_LORENTEGGIO).post(path(pathway) + "/extension-requests",
        Map.of("months", 1, "reason", "recuperare assenze"));
    ApiClient.Response rejected = ApiClient.as(port, CPI_MILANO).post("/api/tasks/"
        + api.taskOf(pathway, "Task_ApproveExtension") + "/complete",
        ApiFixtures.body(Map.of("extensionApproved", false)));
    assertInvalid(rejected, "rejectionReason");
  }

  @Test
  void shouldLetOnlyThePathwaysOperatorWriteAndOnlyWhileActiveInTheInternship() {
    UUID pathway = atInternship();
    Map<String, Object> terms = agreement(today, 3, "30");

    assertProblem(put(CPI_MILANO, pathway, terms), 403);
    assertProblem(put(LAB_LORENTEGGIO, pathway, terms), 403);
    assertProblem(put(OPERATOR_MESTIERI, pathway, terms), 404);
    assertProblem(put(OPERATOR_BOLLATE, pathway, terms), 404);
    assertProblem(put(CPI_BOLLATE, pathway, terms), 404);
    assertProblem(ApiClient.as(port, OPERATOR_MESTIERI).get(path(pathway)), 404);
    assertProblem(ApiClient.as(port, CPI_MILANO).post(path(pathway) + "/extension-requests",
        Map.of("months", 1, "reason", "x")), 403);
    assertProblem(ApiClient.as(port, LAB_LORENTEGGIO).post(path(pathway) + "/attendance",
        Map.of("month", YearMonth.from(today).toString(), "plannedHours", 100, "attendedHours", 80)), 403);
    assertProblem(ApiClient.as(port, CPI_MILANO).post(path(pathway) + "/termination",
        Map.of("reason", "HIRED", "date", today.toString())), 403);

    // not running yet: no extension, termination, attendance
    assertProblem(ApiClient.as(port, OPERATOR_LORENTEGGIO).post(path(pathway) + "/extension-requests",
        Map.of("months", 1, "reason", "x")), 409);
    assertProblem(attendance(pathway, YearMonth.from(today), "100", "80"), 409);

    // a pathway in training: no agreement, nothing to read
    UUID inTraining = api.pathwayAtFirstAppointment(LORENTEGGIO, "SOLCO").pathwayId();
    assertProblem(put(OPERATOR_LORENTEGGIO, inTraining, terms), 409);
    assertProblem(ApiClient.as(port, CPI_MILANO).get(path(inTraining)), 404);

    // suspended: nothing written, still readable
    running(pathway);
    ApiClient.Response suspended = ApiClient.as(port, OPERATOR_LORENTEGGIO)
        .post("/api/pathways/" + pathway + "/suspension", Map.of("reason", "INJURY"));
    assertThat(suspended.status()).as("%s", suspended).isLessThan(300);
    assertProblem(ApiClient.as(port, OPERATOR_LORENTEGGIO).post(path(pathway) + "/extension-requests",
        Map.of("months", 1, "reason", "x")), 409);
    assertProblem(attendance(pathway, YearMonth.from(today), "100", "80"), 409);
    assertProblem(ApiClient.as(port, OPERATOR_LORENTEGGIO).post(path(pathway) + "/termination",
        Map.of("reason", "HIRED", "date", today.toString())), 409);
    assertThat(ApiClient.as(port, CPI_MILANO).get(path(pathway)).status()).isEqualTo(200);
  }

  @Test
  void shouldOweTheMonthlyIndemnityForMonthsAttendedAtTheThreshold() {
    UUID pathway = atInternship();
    running(pathway);
    YearMonth first = YearMonth.from(today);

    // 80 of 100 hours: 80.00 % reaches the threshold (80): 500.00 euro
    ApiClient.Response month = attendance(pathway, first, "100", "80");
    assertThat(month.status()).as("%s", month).isEqualTo(201);
    assertThat(month.json().path("attendanceRate").decimalValue()).isEqualByComparingTo("80.00");
    assertThat(month.json().path("indemnityDue").decimalValue()).isEqualByComparingTo("500.00");
    assertProblem(attendance(pathway, first, "100", "90"), 409);

    // a month later: 95.9 of 120 hours is 79.92 %: nothing due
    ClockUtil.setCurrentTime(java.util.Date.from(first.plusMonths(1).atDay(15).atStartOfDay(EngineClock.ZONE)
        .toInstant()));
    month = attendance(pathway, first.plusMonths(1), "120", "95.9");
    assertThat(month.json().path("attendanceRate").decimalValue()).isEqualByComparingTo("79.92");
    assertThat(month.json().path("indemnityDue").decimalValue()).isEqualByComparingTo("0.00");

    // the project pays no indemnity ("0"): a full month owes nothing
    try (var none = ProjectParameters.set(context, LORENTEGGIO, "internshipMonthlyIndemnity", "0")) {
      ClockUtil.setCurrentTime(java.util.Date.from(first.plusMonths(2).atDay(15).atStartOfDay(EngineClock.ZONE)
          .toInstant()));
      month = attendance(pathway, first.plusMonths(2), "100", "100");
      assertThat(month.json().path("indemnityDue").decimalValue()).isEqualByComparingTo("0.00");
    }

    JsonNode read = ApiClient.as(port, LAB_LORENTEGGIO).get(path(pathway)).json();
    assertThat(read.path("attendance")).hasSize(3);
    assertThat(read.path("indemnityDue").decimalValue()).isEqualByComparingTo("500.00");
  }

  @Test
  void shouldEndTheStageOnAHireAndCloseThePathwayOnAWithdrawal() {
    UUID hired = atInternship();
    running(hired);
    ApiClient.Response terminated = ApiClient.as(port, OPERATOR_LORENTEGGIO).post(path(hired) + "/termination",
        Map.of("reason", "HIRED", "date", today.toString()));
    assertThat(terminated.status()).as("%s", terminated).isEqualTo(200);
    assertThat(terminated.json().path("state").asText()).isEqualTo("TERMINATED");
    assertThat(terminated.json().path("terminationReason").asText()).isEqualTo("HIRED");
    assertThat(api.pathwayRecord(hired).get("stage")).isEqualTo("PLACEMENT");
    assertThat(api.pathwayRecord(hired).get("status")).isEqualTo("ACTIVE");

    UUID withdrawn = atInternship();
    running(withdrawn);
    terminated = ApiClient.as(port, OPERATOR_LORENTEGGIO).post(path(withdrawn) + "/termination",
        Map.of("reason", "WITHDRAWN", "date", today.toString()));
    assertThat(terminated.status()).as("%s", terminated).isEqualTo(200);
    assertThat(api.pathwayRecord(withdrawn).get("status")).isEqualTo("CLOSED");
    assertThat(api.pathwayRecord(withdrawn).get("outcome")).isEqualTo("WITHDRAWN");
  }

  /** A LORENTEGGIO pathway of SOLCO, EQF 3, its plan (an internship, no course) signed today: at the agreement. */
  private UUID atInternship() {
    UUID pathway = api.pathwayWithPlanSignedToday(List.of(), true, new BigDecimal("1500"));
    assertThat(api.pathwayRecord(pathway).get("stage")).isEqualTo("INTERNSHIP");
    return pathway;
  }

  /** The agreement of 3 months from today written and confirmed. */
  private void running(UUID pathway) {
    ApiClient.Response written = put(OPERATOR_LORENTEGGIO, pathway, agreement(today, 3, "30"));
    assertThat(written.status()).as("%s", written).isEqualTo(200);
    api.completeTask(OPERATOR_LORENTEGGIO, api.taskOf(pathway, "Task_InternshipAgreement"),
        Map.of("agreementConfirmed", true));
  }

  private ApiClient.Response put(String user, UUID pathway, Map<String, Object> body) {
    return ApiClient.as(port, user).put(path(pathway), body);
  }

  private ApiClient.Response attendance(UUID pathway, YearMonth month, String planned, String attended) {
    return ApiClient.as(port, OPERATOR_LORENTEGGIO).post(path(pathway) + "/attendance", Map.of("month",
        month.toString(), "plannedHours", new BigDecimal(planned), "attendedHours", new BigDecimal(attended)));
  }

  private static String path(UUID pathway) {
    return "/api/pathways/" + pathway + "/internship";
  }

  private static Map<String, Object> agreement(LocalDate start, int months, String weeklyHours) {
    Map<String, Object> terms = new LinkedHashMap<>();
    terms.put("host", "Magazzini Lombardi srl");
    terms.put("promoter", "SOLCO");
    terms.put("tutor", "Magazzini Lombardi srl");
    terms.put("startDate", start.toString());
    terms.put("plannedMonths", months);
    terms.put("weeklyHours", new BigDecimal(weeklyHours));
    return terms;
  }
}
