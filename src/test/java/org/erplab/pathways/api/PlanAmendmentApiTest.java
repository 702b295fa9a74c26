package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.CPI_MILANO;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_MESTIERI;
import static org.erplab.pathways.api.ApiFixtures.assertInvalid;
import static org.erplab.pathways.api.ApiFixtures.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Amendments of a signed plan over real HTTP ({@code POST /api/pathways/{id}/plan/amendments}): only the pathway's
 * operator writes one, checked against the project's caps; the signed version stays current until the CPI approves it
 * and the person signs it; every version readable. The process around it: {@code PlanAmendmentProcessTest}.
 */
@PathwaysSpringTest
class PlanAmendmentApiTest {

  private final ApiFixtures api;
  private final int port;
  private final LocalDate today = EngineClock.today();

  @Autowired
  PlanAmendmentApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
    this.port = port;
    api.ensureTestUsers();
  }

  @Test
  void shouldMakeAnApprovedAndSignedAmendmentTheCurrentVersionKeepingEveryVersion() {
    UUID pathway = api.pathwayInTraining();

    ApiClient.Response amended = amend(OPERATOR_LORENTEGGIO, pathway, amendment("450"));
    assertThat(amended.status()).as("%s", amended).isEqualTo(201);
    assertThat(amended.json().path("version").asInt()).isEqualTo(2);
    assertThat(amended.json().path("status").asText()).isEqualTo("SUBMITTED");
    assertThat(amended.json().path("amends").asInt()).isEqualTo(1);
    assertThat(amended.json().path("courses")).hasSize(2);
    assertProblem(amend(OPERATOR_LORENTEGGIO, pathway, amendment("450")), 409);

    // the signed version stays current meanwhile
    assertThat(plan(CPI_MILANO, pathway).path("version").asInt()).isEqualTo(1);
    assertThat(view(pathway).path("plan").path("version").asInt()).isEqualTo(1);

    api.completeTask(CPI_MILANO, api.taskOf(pathway, "Task_ApprovePlan"), Map.of("planApproved", true));
    api.completeTask(OPERATOR_LORENTEGGIO, api.taskOf(pathway, "Task_RecordSignature"),
        Map.of("signedOn", today.toString()));

    JsonNode current = plan(LAB_LORENTEGGIO, pathway);
    assertThat(current.path("version").asInt()).isEqualTo(2);
    assertThat(current.path("status").asText()).isEqualTo("SIGNED");
    assertThat(current.path("servicesTotal").decimalValue()).isEqualByComparingTo("450.00");
    JsonNode versions = ApiClient.as(port, CPI_MILANO).get(path(pathway) + "/versions").json();
    assertThat(versions).extracting(v -> v.path("version").asInt() + ":" + v.path("status").asText())
        .containsExactly("1:SIGNED", "2:SIGNED");
    JsonNode shown = view(pathway).path("plan");
    assertThat(shown.path("version").asInt()).isEqualTo(2);
    assertThat(shown.path("amends").asInt()).isEqualTo(1);
    assertThat(view(pathway).path("training").path("courses")).extracting(c -> c.path("code").asText())
        .containsExactly("MAG-01", "CUC-02");
  }

  @Test
  void shouldLetOnlyThePathwaysOperatorAmendASignedPlanWithinTheProjectsCaps() {
    UUID pathway = api.pathwayInTraining();

    assertProblem(amend(CPI_MILANO, pathway, amendment("450")), 403);
    assertProblem(amend(LAB_LORENTEGGIO, pathway, amendment("450")), 403);
    assertProblem(amend(OPERATOR_MESTIERI, pathway, amendment("450")), 404);
    assertInvalid(amend(OPERATOR_LORENTEGGIO, pathway, Map.of("services", List.of(
        Map.of("type", "COACHING", "hours", 10, "cost", new BigDecimal("2500")),
        Map.of("type", "CERTIFICATION", "hours", 2, "cost", new BigDecimal("600"))),
        "courses", List.of(), "internshipPlanned", true, "indemnityCap", new BigDecimal("2500"))),
        "services[1].cost", "indemnityCap");
    assertThat(ApiClient.as(port, CPI_MILANO).get(path(pathway) + "/versions").json()).hasSize(1);
  }

  @Test
  void shouldRefuseAnAmendmentBeforeTheSignatureAndWhileThePathwayIsSuspended() {
    UUID handedOver = api.pathwayAtFirstAppointment(LORENTEGGIO, "SOLCO").pathwayId();
    assertProblem(amend(OPERATOR_LORENTEGGIO, handedOver, amendment("450")), 409);

    UUID pathway = api.pathwayInTraining();
    ApiClient.Response suspended = ApiClient.as(port, OPERATOR_LORENTEGGIO)
        .post("/api/pathways/" + pathway + "/suspension", Map.of("reason", "ILLNESS"));
    assertThat(suspended.status()).as("%s", suspended).isLessThan(300);
    assertProblem(amend(OPERATOR_LORENTEGGIO, pathway, amendment("450")), 409);
  }

  @Test
  void shouldCancelAnAmendmentUnderWayWhenThePersonWithdrawsAndRefuseAnyAfter() {
    UUID pathway = api.pathwayInTraining();
    assertThat(amend(OPERATOR_LORENTEGGIO, pathway, amendment("450")).status()).isEqualTo(201);

    ApiClient.Response withdrawn = ApiClient.as(port, LAB_LORENTEGGIO).post("/api/pathways/" + pathway + "/withdrawal",
        Map.of("reason", "MOVED", "date", today.toString()));
    assertThat(withdrawn.status()).as("%s", withdrawn).isEqualTo(201);

    assertThat(api.openTaskKeys(pathway)).isEmpty();
    assertThat(ApiClient.as(port, CPI_MILANO).get(path(pathway) + "/versions").json())
        .extracting(v -> v.path("version").asInt() + ":" + v.path("status").asText())
        .containsExactly("1:SIGNED", "2:CANCELLED");
    // the operator no longer has a part in the closed pathway (need to know: 404, as for any closed pathway)
    assertProblem(amend(OPERATOR_LORENTEGGIO, pathway, amendment("450")), 404);
  }

  private ApiClient.Response amend(String user, UUID pathway, Map<String, Object> body) {
    return ApiClient.as(port, user).post(path(pathway) + "/amendments", body);
  }

  private JsonNode plan(String user, UUID pathway) {
    ApiClient.Response response = ApiClient.as(port, user).get(path(pathway));
    assertThat(response.status()).as("%s", response).isEqualTo(200);
    return response.json();
  }

  private JsonNode view(UUID pathway) {
    return ApiClient.as(port, CPI_MILANO).get("/api/pathways/" + pathway).json();
  }

  /** The signed plan with the coaching at {@code coachingCost} and a second course, CUC-02, after MAG-01. */
  private Map<String, Object> amendment(String coachingCost) {
    return Map.of("services", List.of(Map.of("type", "COACHING", "hours", 10, "cost", new BigDecimal(coachingCost))),
        "courses", List.of(
            Map.of("code", "MAG-01", "title", "Logistica di magazzino", "plannedHours", 40,
                "startDate", today.minusDays(20).toString(), "endDate", today.plusDays(10).toString()),
            Map.of("code", "CUC-02", "title", "Aiuto cucina", "plannedHours", 20,
                "startDate", today.plusDays(11).toString(), "endDate", today.plusDays(40).toString())),
        "internshipPlanned", true, "indemnityCap", new BigDecimal("1500"));
  }

  private static String path(UUID pathway) {
    return "/api/pathways/" + pathway + "/plan";
  }
}
