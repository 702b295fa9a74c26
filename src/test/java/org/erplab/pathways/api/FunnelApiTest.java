package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.CPI_MILANO;
import static org.erplab.pathways.api.ApiFixtures.HOUSING_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LAB_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.MANAGER;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.SOCIAL_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.assertInvalid;
import static org.erplab.pathways.api.ApiFixtures.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.IntakeAnswers;
import org.erplab.pathways.support.OwnProject;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The funnel report over real HTTP: who may read it (the programme's managers and auditors of the project, and the
 * project's lead entity; other roles 403; a project the user does not serve, or none, 404), its input named when bad,
 * its figures with stable keys, labels and definitions, nothing personal. The counts of a whole funnel:
 * {@code LorenteggioFunnelTest}.
 */
@PathwaysSpringTest
class FunnelApiTest {

  /** The figures' keys: part of the API (reports and indicators are built on them). */
  static final List<String> KEYS = List.of("registrations", "intakeCompleted", "intakeNotCompleted", "eligible",
      "toVerify", "ineligible", "assessed", "planSigned", "trainingStarted", "trainingCompleted", "reachedInternship",
      "reachedPlacement", "reachedJobServices", "closed", "missedDeadlines", "byGender", "byAgeBand",
      "byCitizenshipArea");

  private final ApiFixtures api;
  private final ApplicationContext context;

  @Autowired
  FunnelApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
    this.context = context;
  }

  @Test
  void shouldLetManagersAuditorsAndTheLeadEntityReadTheFunnelOfTheirProjects() {
    // LORENTEGGIO's lead entity is ALER Milano (aler.milano and the test's housing user); BOLLATE's the Comune
    for (String reader : List.of(MANAGER, AUDITOR, "aler.milano", HOUSING_LORENTEGGIO)) {
      ApiClient.Response response = api.as(reader).get(funnel(LORENTEGGIO));
      assertThat(response.status()).as("%s: %s", reader, response).isEqualTo(200);
      assertThat(response.json().path("projectCode").asText()).isEqualTo(LORENTEGGIO);
    }
    assertThat(api.as(AUDITOR_BOLLATE).get(funnel(BOLLATE)).status()).isEqualTo(200);
    assertThat(api.as("social.bollate").get(funnel(BOLLATE)).status()).isEqualTo(200);

    for (String staff : List.of(LAB_LORENTEGGIO, CPI_MILANO, OPERATOR_LORENTEGGIO, SOCIAL_LORENTEGGIO, "social.milano")) {
      assertProblem(api.as(staff).get(funnel(LORENTEGGIO)), 403);
    }
    assertProblem(api.as("aler.milano").get(funnel(BOLLATE)), 403);
    // a project the user does not serve, or none at all
    assertProblem(api.as(AUDITOR_BOLLATE).get(funnel(LORENTEGGIO)), 404);
    assertProblem(api.as(LAB_BOLLATE).get(funnel(LORENTEGGIO)), 404);
    assertProblem(api.as(MANAGER).get(funnel("NO_SUCH_PROJECT")), 404);
    assertThat(api.anonymous().get(funnel(LORENTEGGIO)).status()).isEqualTo(401);
  }

  @Test
  void shouldNameTheBadField() {
    assertInvalid(api.as(MANAGER).get("/api/reports/funnel"), "project");
    assertInvalid(api.as(MANAGER).get(funnel(LORENTEGGIO) + "&from=2026-13-01"), "from");
    assertInvalid(api.as(MANAGER).get(funnel(LORENTEGGIO) + "&to=ieri"), "to");
    assertInvalid(api.as(MANAGER).get(funnel(LORENTEGGIO) + "&from=2026-12-02&to=2026-12-01"), "to");
  }

  @Test
  void shouldGiveEveryFigureAStableKeyALabelAndADefinitionAndNothingPersonal() {
    OwnProject project = OwnProject.create(context, "FA", EngineClock.today().plusYears(1));
    // five people, so that the counts are published (fewer than 5 are shown as "<5": ADR 0040)
    UUID pathway = api.startPathway(project.lab(), project.code()).pathwayId();
    for (int i = 0; i < 4; i++) {
      api.startPathway(project.lab(), project.code());
    }
    LocalDate today = EngineClock.today();

    ApiClient.Response response = api.as(project.lead()).get(funnel(project.code()) + "&from=" + today + "&to=" + today);

    assertThat(response.status()).as("%s", response).isEqualTo(200);
    JsonNode report = response.json();
    assertThat(report.path("from").asText()).isEqualTo(today.toString());
    assertThat(report.path("periodRule").asText()).contains("registrati nel periodo");
    List<String> keys = new ArrayList<>();
    for (JsonNode figure : report.path("figures")) {
      keys.add(figure.path("key").asText());
      assertThat(figure.path("label").asText()).as("label of %s", figure).isNotBlank();
      assertThat(figure.path("definition").asText()).as("definition of %s", figure).isNotBlank();
    }
    assertThat(keys).containsExactlyElementsOf(KEYS);
    JsonNode registrations = report.path("figures").get(0);
    assertThat(registrations.path("value").asLong()).isEqualTo(5);
    assertThat(registrations.path("breakdown")).isEqualTo(api.as(project.lead()).get(funnel(project.code())).json()
        .path("figures").get(0).path("breakdown"));
    assertThat(registrations.path("breakdown").path("LAB").asLong()).isEqualTo(5);
    JsonNode notCompleted = report.path("figures").get(2);
    assertThat(notCompleted.path("value").asLong()).isEqualTo(5);
    assertThat(notCompleted.path("denominator").asText()).isEqualTo("registrations");
    assertThat(notCompleted.path("rate").decimalValue()).isEqualByComparingTo("100.0");
    // who registered, by gender, age band at intake and citizenship area (an adult of 35, Italian)
    JsonNode byAge = report.path("figures").get(KEYS.indexOf("byAgeBand"));
    assertThat(byAge.path("value").asLong()).isEqualTo(5);
    assertThat(byAge.path("breakdown").path("30_54").asLong()).isEqualTo(5);
    assertThat(report.path("figures").get(KEYS.indexOf("byCitizenshipArea")).path("breakdown").path("IT").asLong())
        .isEqualTo(5);
    assertThat(report.path("figures").get(KEYS.indexOf("byGender")).path("value").asLong()).isEqualTo(5);
    // genders are drawn at random: whatever the split, no published gender count is 1 to 4
    report.path("figures").get(KEYS.indexOf("byGender")).path("breakdownShown").elements().forEachRemaining(
        g -> assertThat(g.asText()).isIn("<5", "n.d.", "0", "5"));
    // no pathway, no person: aggregated counts only
    assertThat(response.body()).doesNotContain(pathway.toString());

    // registered tomorrow: not in today's report
    JsonNode tomorrow = api.as(project.manager()).get(funnel(project.code()) + "&from=" + today.plusDays(1)).json();
    assertThat(tomorrow.path("figures").get(0).path("value").asLong()).isZero();
    assertThat(tomorrow.path("figures").get(0).path("breakdown")).isEmpty();
  }

  @Test
  void shouldCountTheMissedDeadlinesByKindAndTheClosedByOutcome() {
    OwnProject project = OwnProject.create(context, "FM", EngineClock.today().plusYears(1));
    UUID late = api.startPathway(project.lab(), project.code()).pathwayId();
    api.startPathway(project.lab(), project.code());
    try {
      // the interview held 30 days later, past its 10 working days, and the person refuses consent
      ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 30L * 24 * 3600 * 1000));
      api.completeTask(project.lab(), api.taskOf(late, "Task_IntakeInterview"),
          IntakeAnswers.eligibleWith(Map.of("consentGiven", false)));
    } finally {
      ClockUtil.reset();
    }

    JsonNode report = api.as(project.manager()).get(funnel(project.code())).json();

    // one missed deadline, one closed, two not completed: each counted, and published as "<5" (ADR 0040), its share
    // hidden with it
    JsonNode missed = report.path("figures").get(KEYS.indexOf("missedDeadlines"));
    assertThat(missed.path("shown").asText()).isEqualTo("<5");
    assertThat(missed.path("suppressed").asBoolean()).isTrue();
    assertThat(missed.path("value").isNull()).isTrue();
    assertThat(missed.path("breakdownShown").path("INTAKE_INTERVIEW").asText()).isEqualTo("<5");
    JsonNode closed = report.path("figures").get(KEYS.indexOf("closed"));
    assertThat(closed.path("shown").asText()).isEqualTo("<5");
    assertThat(closed.path("breakdownShown").path("NO_CONSENT").asText()).isEqualTo("<5");
    assertThat(closed.path("breakdown").path("NO_CONSENT").isNull()).isTrue();
    assertThat(closed.path("rate").isNull()).isTrue();
    assertThat(report.path("figures").get(KEYS.indexOf("intakeNotCompleted")).path("shown").asText()).isEqualTo("<5");
    assertThat(report.toString()).doesNotContain("\"value\":1,", "\"value\":2,");
  }

  private static String funnel(String project) {
    return "/api/reports/funnel?project=" + project;
  }
}
