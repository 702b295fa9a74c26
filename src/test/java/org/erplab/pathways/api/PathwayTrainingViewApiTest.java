package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.CPI_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.HOUSING_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_MESTIERI;
import static org.erplab.pathways.api.ApiFixtures.SOCIAL_LORENTEGGIO;
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
import org.erplab.pathways.support.ProjectParameters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The pathway view's plan (current version) and training (hours attended vs planned per course and in total, the
 * indemnity and its arrears share from the register), over real HTTP, for each role: whoever reads the pathway reads
 * them, as they read {@code GET .../plan} and {@code GET .../attendance}; nobody else sees the pathway.
 */
@PathwaysSpringTest
class PathwayTrainingViewApiTest {

  private final ApiFixtures api;
  private final int port;
  private final ApplicationContext context;
  private final LocalDate today = EngineClock.today();

  @Autowired
  PathwayTrainingViewApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
    this.port = port;
    this.context = context;
    api.ensureTestUsers();
  }

  @Test
  void shouldShowThePlanTheHoursAndTheIndemnityToWhoeverReadsThePathway() {
    UUID pathway = api.pathwayInTraining();
    attend(pathway, today.minusDays(2), "6");
    attend(pathway, today.minusDays(1), "4");
    try (var share = ProjectParameters.set(context, LORENTEGGIO, "indemnityArrearsShare", "1/3")) {
      for (String reader : NeedToKnowTest.PROJECT_WIDE) {
        assertPlanAndTraining(reader, pathway);
      }
      assertPlanAndTraining(OPERATOR_LORENTEGGIO, pathway);
    }
    for (String stranger : List.of(OPERATOR_MESTIERI, CPI_BOLLATE, HOUSING_LORENTEGGIO, SOCIAL_LORENTEGGIO)) {
      assertProblem(ApiClient.as(port, stranger).get("/api/pathways/" + pathway), 404);
    }
  }

  @Test
  void shouldShowNoPlanNorTrainingBeforeThePlanIsWrittenAndNoTrainingBeforeItIsSigned() {
    UUID pathway = api.pathwayAtFirstAppointment(LORENTEGGIO, "SOLCO").pathwayId();

    JsonNode view = ApiClient.as(port, OPERATOR_LORENTEGGIO).get("/api/pathways/" + pathway).json();

    assertThat(view.path("plan").isNull()).as("%s", view).isTrue();
    assertThat(view.path("training").isNull()).as("%s", view).isTrue();
  }

  private void assertPlanAndTraining(String reader, UUID pathway) {
    ApiClient.Response response = ApiClient.as(port, reader).get("/api/pathways/" + pathway);
    assertThat(response.status()).as("%s reads %s", reader, response).isEqualTo(200);
    JsonNode plan = response.json().path("plan");
    assertThat(plan.path("version").asInt()).isEqualTo(1);
    assertThat(plan.path("status").asText()).isEqualTo("SIGNED");
    assertThat(plan.path("servicesTotal").decimalValue()).isEqualByComparingTo("400.00");
    assertThat(plan.path("indemnityCap").decimalValue()).isEqualByComparingTo("1500.00");
    assertThat(plan.path("approvedOn").asText()).isEqualTo(today.toString());
    assertThat(plan.path("signedOn").asText()).isEqualTo(today.toString());
    JsonNode training = response.json().path("training");
    assertThat(training.path("courses")).singleElement().satisfies(c -> {
      assertThat(c.path("code").asText()).isEqualTo("MAG-01");
      assertThat(c.path("plannedHours").decimalValue()).isEqualByComparingTo("40");
      assertThat(c.path("attendedHours").decimalValue()).isEqualByComparingTo("10");
      assertThat(c.path("attendanceRate").decimalValue()).isEqualByComparingTo("25");
    });
    assertThat(training.path("plannedHours").decimalValue()).isEqualByComparingTo("40");
    assertThat(training.path("attendedHours").decimalValue()).isEqualByComparingTo("10");
    // 10 hours at 5.00 euro; a third of 50.00 is 16.67 to the cent
    JsonNode indemnity = training.path("indemnity");
    assertThat(indemnity.path("payable").decimalValue()).isEqualByComparingTo("50.00");
    assertThat(indemnity.path("arrearsShare").decimalValue()).isEqualByComparingTo("16.67");
    assertThat(indemnity.path("toParticipant").decimalValue()).isEqualByComparingTo("33.33");
  }

  private void attend(UUID pathway, LocalDate day, String hours) {
    ApiClient.Response recorded = ApiClient.as(port, OPERATOR_LORENTEGGIO).post("/api/pathways/" + pathway
        + "/attendance", Map.of("courseCode", "MAG-01", "date", day.toString(), "hours", new BigDecimal(hours)));
    assertThat(recorded.status()).as("%s", recorded).isEqualTo(201);
  }
}
