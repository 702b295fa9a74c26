package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.MANAGER;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.IndicatorChartsCheck;
import org.erplab.pathways.support.OwnProject;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The committee's indicators (issue 10) from data entered through the API in a project of its own, each figure checked
 * against its definition, small cells suppressed with the cells that would give them away.
 *
 * <p>The project: 8 women and men with a signed plan (5 women of 30 with a migrant background, citizens of Morocco,
 * Egypt, Tunisia and Syria, who also came to the lab; a woman and 2 men of 60, Italian, with no disadvantage), 4 men
 * of 40 interviewed with no disadvantage and no plan yet (citizens of Romania, Ukraine, Senegal and China), and 5
 * anonymous visitors of the lab (women, 18-35; 3 Italian, 2 from Latin America).
 */
@PathwaysSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorsApiTest {

  private final ApiFixtures api;
  private final ApplicationContext context;
  private final LocalDate today = EngineClock.today();
  private OwnProject project;
  private JsonNode report;

  @Autowired
  IndicatorsApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
    this.context = context;
  }

  /** Once, in the first test (the process coverage of this class records from there, not from a @BeforeAll). */
  @BeforeEach
  void givenAProjectWithPlansLabVisitsAndInterviews() {
    if (report != null) {
      return;
    }
    api.ensureTestUsers();
    project = OwnProject.create(context, "IN", today.plusYears(3));
    List<TestPeople.Person> planned = new ArrayList<>();
    for (String country : List.of("MA", "MA", "EG", "TN", "SY")) {
      planned.add(TestPeople.aged(30, "F").withCitizenship(country));
    }
    planned.add(TestPeople.aged(60, "F"));
    planned.add(TestPeople.aged(60, "M"));
    planned.add(TestPeople.aged(60, "M"));
    for (int i = 0; i < planned.size(); i++) {
      ApiFixtures.Started started = api.startPathway(project.lab(), project.code(), planned.get(i), "LAB");
      api.completeTask(project.lab(), api.taskOf(started.pathwayId(), "Task_IntakeInterview"),
          org.erplab.pathways.support.IntakeAnswers.eligibleWith(
              Map.of("vulnerabilities", List.of(i < 5 ? "MIGRANT" : "NONE"))));
      api.intoTraining(project, started.pathwayId(), false, false);
      if (i < 5) {
        visit(Map.of("participantId", started.participantId().toString()));
      }
    }
    for (String country : List.of("RO", "UA", "SN", "CN")) {
      ApiFixtures.Started started = api.startPathway(project.lab(), project.code(),
          TestPeople.aged(40, "M").withCitizenship(country), "LAB");
      api.completeTask(project.lab(), api.taskOf(started.pathwayId(), "Task_IntakeInterview"),
          org.erplab.pathways.support.IntakeAnswers.eligible());
    }
    for (int i = 0; i < 3; i++) {
      visit(Map.of("visitor", Map.of("gender", "F", "ageBand", "18_35", "citizenshipArea", "IT")));
    }
    for (int i = 0; i < 2; i++) {
      visit(Map.of("visitor", Map.of("gender", "F", "ageBand", "18_35", "citizenshipArea", "NON_EU",
          "originArea", "LATIN_AMERICA")));
    }
    ApiClient.Response budget = api.as(project.manager()).put("/api/projects/" + project.code()
        + "/parameters/projectBudget", Map.of("value", "100000", "reason", "Budget del bando"));
    assertThat(budget.status()).as("%s", budget).isEqualTo(200);
    report = indicators(project.manager(), today, today);
  }

  @Test
  void shouldCountWhoTookPartAsTheDefinitionsSay() {
    // 8 with a plan + 4 interviewed + 5 anonymous visitors; 5 + 5 came to the lab; 5 both
    assertThat(value("participants")).isEqualTo("17");
    assertThat(value("labParticipants")).isEqualTo("10");
    assertThat(value("planParticipants")).isEqualTo("8");
    assertThat(value("labAndPlanParticipants")).isEqualTo("5");
    assertThat(value("planShare")).isEqualTo("47.1"); // 8 / 17
    assertThat(value("plans")).isEqualTo("8");
    assertThat(value("plansOngoing")).isEqualTo("8");
    assertThat(value("plansConcluded")).isEqualTo("0");
    assertThat(value("plansWithdrawn")).isEqualTo("0");
    assertThat(value("plansOngoingShare")).isEqualTo("100.0");
    assertThat(value("plansConcludedShare")).isEqualTo("0.0");
    assertThat(value("plansWithdrawnShare")).isEqualTo("0.0");
    assertThat(value("vulnerableShare")).isEqualTo("29.4"); // 5 / 17
    assertThat(value("disadvantageNotRecordedShare")).isEqualTo("29.4"); // the 5 anonymous visitors
    assertThat(value("meanAgePlan")).isEqualTo("41.3"); // (5 x 30 + 3 x 60) / 8 = 41.25
    assertThat(value("meanAgeLab")).isEqualTo("30.0"); // anonymous visitors give a band, not an age
    // money: 8 signed plans of 300.00 of services and an indemnity cap of 1,000.00 each, against 100,000.00
    assertThat(value("budget")).isEqualTo("100000.00");
    assertThat(value("servicesCommitted")).isEqualTo("2400.00");
    assertThat(value("indemnityCommitted")).isEqualTo("8000.00");
    assertThat(value("committedShareOfBudget")).isEqualTo("10.4");
    assertThat(value("indemnityAccrued")).isEqualTo("0.00");
    assertThat(value("arrearsReductions")).isEqualTo("0.00");
    for (JsonNode figure : report.path("figures")) {
      assertThat(figure.path("definition").asText()).as("%s", figure).isNotBlank();
    }
    // the 12 interviewed left the intake today: 0 working days; none has missed a deadline
    JsonNode intake = stage("INTAKE");
    assertThat(intake.path("stays").path("shown").asText()).isEqualTo("12");
    assertThat(intake.path("medianWorkingDays").path("shown").asText()).isEqualTo("0");
    assertThat(intake.path("p90WorkingDays").path("shown").asText()).isEqualTo("0");
    assertThat(intake.path("missedDeadlines").path("shown").asText()).isEqualTo("0");
    assertThat(report.path("periodRule").asText()).contains("Partecipante nel periodo");
    assertThat(report.path("threshold").asInt()).isEqualTo(5);
  }

  @Test
  void shouldShowTheDistributionsSideBySideAndHideSmallCellsWithTheirComplements() {
    // gender: all F 11 M 6; lab F 10 M 0; plan F 6 M 2 -> M hidden, and F with it (else 8 - 6 gives M away)
    assertThat(row("gender", "F")).containsExactly("11", "10", "n.d.");
    assertThat(row("gender", "M")).containsExactly("6", "0", "<5");
    assertThat(totals("gender")).containsExactly("17", "10", "8");
    // age: all 18-35 10 (5 plan women + 5 visitors), 36-54 4, 55-64 3: the two small ones hide each other
    // and in the plan column 55-64 (3) is small: the 5 of 18-35 goes too, else 8 - 5 gives it away
    assertThat(row("ageBand", "18_35")).containsExactly("10", "10", "n.d.");
    assertThat(row("ageBand", "36_54")).containsExactly("<5", "0", "0");
    assertThat(row("ageBand", "55_64")).containsExactly("<5", "0", "<5");
    assertThat(row("education", "UPPER_SECONDARY")).containsExactly("12", "5", "8");
    assertThat(row("education", "UNKNOWN")).containsExactly("5", "5", "0");
    assertThat(row("employmentStatus", "UNEMPLOYED")).containsExactly("12", "5", "8");
    assertThat(row("disadvantageStatus", "VULNERABLE")).containsExactly("5", "5", "n.d.");
    assertThat(row("disadvantageStatus", "NONE")).containsExactly("7", "0", "<5");
    assertThat(row("disadvantageStatus", "UNKNOWN")).containsExactly("5", "5", "0");
    assertThat(distribution("disadvantage").path("additive").asBoolean()).isFalse();
    assertThat(row("disadvantage", "MIGRANT")).containsExactly("5", "5", "5");
    assertThat(row("disadvantage", "NOT_RECORDED")).containsExactly("5", "5", "0");
    // a person may have two codes: only the small cells go
    assertThat(row("disadvantage", "NONE")).containsExactly("7", "0", "<5");
    assertThat(report.path("legend").asText()).contains("<5", "n.d.");
  }

  @Test
  void shouldCountForeignParticipantsByAreaOfOriginAndEveryoneByProvince() {
    // IT: 3 of 60 with a plan + 3 visitors; Maghreb-Near East: the 5 women (lab and plan); Eastern Europe: Romania and
    // Ukraine; Sub-Saharan Africa: Senegal; Asia: China; Latin America: 2 visitors
    // citizenship: all IT 6 EU 1 NON_EU 10 (EU alone under 5: IT goes with it); lab IT 3 NON_EU 7; plan IT 3 NON_EU 5
    assertThat(row("citizenship", "IT")).containsExactly("n.d.", "<5", "<5");
    assertThat(row("citizenship", "EU")).containsExactly("<5", "0", "0");
    assertThat(row("citizenship", "NON_EU")).containsExactly("10", "n.d.", "n.d.");
    JsonNode origin = distribution("originArea");
    assertThat(origin.path("label").asText()).isEqualTo("Area di provenienza (cittadini stranieri)");
    assertThat(origin.path("additive").asBoolean()).isTrue();
    assertThat(origin.path("rows").findValuesAsText("code")).containsExactly("IT", "MAGHREB_NEAR_EAST",
        "EASTERN_EUROPE", "SUB_SAHARAN_AFRICA", "ASIA", "LATIN_AMERICA", "OTHER", "UNKNOWN");
    assertThat(origin.path("rows").findValuesAsText("label")).containsExactly("Cittadinanza italiana",
        "Magreb - Vicino Oriente", "Europa orientale", "Africa subsahariana", "Asia", "America Latina", "Altri Paesi",
        "Non nota");
    // all: the four small areas hide each other (6 together), and the 6 Italians hidden in the citizenship are hidden
    // here too (else 17 - 10 - 6 would give the one EU citizen away); lab: Italians 3 and Latin America 2 hide each
    // other; plan: the 3 Italians are alone under 5, so the 5 of the Maghreb go with them (8 - 5 would give 3 away)
    assertThat(row("originArea", "IT")).containsExactly("n.d.", "<5", "<5");
    assertThat(row("originArea", "MAGHREB_NEAR_EAST")).containsExactly("5", "5", "n.d.");
    assertThat(row("originArea", "EASTERN_EUROPE")).containsExactly("<5", "0", "0");
    assertThat(row("originArea", "SUB_SAHARAN_AFRICA")).containsExactly("<5", "0", "0");
    assertThat(row("originArea", "ASIA")).containsExactly("<5", "0", "0");
    assertThat(row("originArea", "LATIN_AMERICA")).containsExactly("<5", "<5", "0");
    assertThat(row("originArea", "OTHER")).containsExactly("0", "0", "0");
    assertThat(row("originArea", "UNKNOWN")).containsExactly("0", "0", "0");
    assertThat(totals("originArea")).containsExactly("17", "10", "8");
    // the project is in the province of Milan: everyone lives there
    JsonNode province = distribution("province");
    assertThat(province.path("label").asText()).isEqualTo("Provincia di residenza");
    assertThat(province.path("definition").asText()).contains("provincia del progetto", "alloggi pubblici");
    assertThat(province.path("rows").findValuesAsText("code")).containsExactly("MI");
    assertThat(province.path("rows").findValuesAsText("label")).containsExactly("Milano");
    assertThat(row("province", "MI")).containsExactly("17", "10", "8");
  }

  @Test
  void shouldShowOrHideTheSamePeopleAlikeInEveryTable() {
    // rows of two tables that count the same people: what one hides, the other must not show
    List<List<String>> same = List.of(List.of("citizenship", "IT", "originArea", "IT"),
        List.of("disadvantageStatus", "UNKNOWN", "disadvantage", "NOT_RECORDED"),
        List.of("disadvantageStatus", "NONE", "disadvantage", "NONE"));
    for (List<String> pair : same) {
      assertThat(row(pair.get(0), pair.get(1))).as("%s", pair).isEqualTo(row(pair.get(2), pair.get(3)));
    }
  }

  @Test
  void shouldNeverShowACellOfOneToFourPeople() {
    for (JsonNode cell : report.findValues("shown")) {
      String shown = cell.asText();
      if (shown.matches("\\d+")) {
        assertThat(Integer.parseInt(shown) >= 1 && Integer.parseInt(shown) <= 4).as("published count %s", shown).isFalse();
      }
    }
    // and no hidden cell is alone in an additive column
    for (JsonNode distribution : report.path("distributions")) {
      if (!distribution.path("additive").asBoolean()) {
        continue;
      }
      for (int column = 0; column < 3; column++) {
        int hidden = distribution.path("totals").get(column).path("suppressed").asBoolean() ? 1 : 0;
        for (JsonNode row : distribution.path("rows")) {
          hidden += row.path("cells").get(column).path("suppressed").asBoolean() ? 1 : 0;
        }
        assertThat(hidden).as("hidden cells of column %d of %s", column, distribution.path("key").asText())
            .isNotEqualTo(1);
      }
    }
  }

  @Test
  void shouldDownloadTheSameFiguresAsCsvAndPdfWithCharts() throws Exception {
    String path = "/api/reports/indicators/export?project=" + project.code() + "&from=" + today + "&to=" + today;
    ApiClient.Download csv = api.as(project.auditor()).download(path + "&format=csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    String text = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF").contains("\r\n");
    List<String> lines = text.lines().toList();
    assertThat(lines).contains("Sezione;Voce;Tutti;Laboratorio;Piano;Definizione");
    assertThat(lines).anyMatch(l -> l.startsWith("Indicatori;Partecipanti;17;"));
    assertThat(lines).anyMatch(l -> l.startsWith("Genere;Donne;11;10;n.d.;"));
    assertThat(lines).anyMatch(l -> l.startsWith("Fascia d'età;55-64;<5;0;<5;"));
    assertThat(lines).anyMatch(l -> l.startsWith("Area di provenienza (cittadini stranieri);Magreb - Vicino Oriente;"
        + "5;5;n.d.;"));
    assertThat(lines).anyMatch(l -> l.startsWith("Provincia di residenza;Milano;17;10;8;"));
    ApiClient.Download pdf = api.as(project.auditor()).download(path + "&format=pdf");
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.contentType()).isEqualTo("application/pdf");
    try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
      String content = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
      assertThat(content).contains("Indicatori del progetto " + project.code(), "Generato il", "Partecipanti",
          "Tipo di svantaggio", "n.d.", "Area di provenienza", "Magreb - Vicino Oriente",
          "Provincia di residenza");
    }
    // a chart of the plans and of each distribution: a bar per published cell above 0, the suppressed ones written
    IndicatorChartsCheck.assertChartsDrawPublishedCellsOnly(pdf.body(), csv.body(), report);
    ApiFixtures.assertProblem(api.as(project.auditor()).get(path + "&format=docx"), 400);
    ApiFixtures.assertProblem(api.as(project.lab()).get(path + "&format=csv"), 403);
  }

  @Test
  void shouldCountNobodyOutsideThePeriod() {
    JsonNode before = indicators(project.auditor(), today.minusDays(10), today.minusDays(1));
    assertThat(figure(before, "participants").path("value").path("shown").asText()).isEqualTo("0");
    assertThat(figure(before, "meanAgePlan").path("value").path("shown").asText()).isEqualTo("-");
  }

  @Test
  void shouldLetOnlyManagersAuditorsAndTheLeadEntityReadAndRefuseBadPeriods() {
    String path = "/api/reports/indicators?project=" + project.code();
    assertThat(api.as(project.lead()).get(path).status()).isEqualTo(200);
    ApiFixtures.assertProblem(api.as(project.lab()).get(path), 403);
    ApiFixtures.assertProblem(api.as(project.operator()).get(path), 403);
    // another project's manager, and the lab of another project: no such project for them
    ApiFixtures.assertProblem(api.as(MANAGER).get(path), 404);
    ApiFixtures.assertProblem(api.as(LAB_LORENTEGGIO).get(path), 404);
    assertThat(api.anonymous().get(path).status()).isEqualTo(401);
    ApiClient.Response reversed = api.as(project.manager()).get(path + "&from=" + today + "&to=" + today.minusDays(1));
    ApiFixtures.assertProblem(reversed, 400);
    assertThat(reversed.json().path("errors").findValuesAsText("field")).containsExactly("to");
    ApiFixtures.assertProblem(api.as(project.manager()).get(path + "&from=yesterday"), 400);
  }

  // ------------------------------------------------------------------ helpers

  private void visit(Map<String, Object> who) {
    Map<String, Object> visit = new LinkedHashMap<>(who);
    visit.put("projectCode", project.code());
    visit.put("visitedOn", today.toString());
    visit.put("activityType", "DESK");
    visit.put("durationMinutes", 30);
    ApiClient.Response response = api.as(project.lab()).post("/api/lab/visits", visit);
    assertThat(response.status()).as("%s", response).isEqualTo(201);
  }

  private JsonNode indicators(String user, LocalDate from, LocalDate to) {
    ApiClient.Response response = api.as(user).get("/api/reports/indicators?project=" + project.code() + "&from="
        + from + "&to=" + to);
    assertThat(response.status()).as("%s", response).isEqualTo(200);
    return response.json();
  }

  private static JsonNode figure(JsonNode report, String key) {
    for (JsonNode figure : report.path("figures")) {
      if (key.equals(figure.path("key").asText())) {
        return figure;
      }
    }
    throw new AssertionError("no figure " + key + " in " + report);
  }

  private String value(String key) {
    return figure(report, key).path("value").path("shown").asText();
  }

  private JsonNode stage(String code) {
    for (JsonNode stage : report.path("stages")) {
      if (code.equals(stage.path("stage").asText())) {
        return stage;
      }
    }
    throw new AssertionError("no stage " + code + " in " + report.path("stages"));
  }

  private JsonNode distribution(String key) {
    for (JsonNode distribution : report.path("distributions")) {
      if (key.equals(distribution.path("key").asText())) {
        return distribution;
      }
    }
    throw new AssertionError("no distribution " + key + " in " + report);
  }

  private List<String> row(String distribution, String code) {
    for (JsonNode row : distribution(distribution).path("rows")) {
      if (code.equals(row.path("code").asText())) {
        return row.path("cells").findValuesAsText("shown");
      }
    }
    throw new AssertionError("no row " + code + " in " + distribution(distribution));
  }

  private List<String> totals(String distribution) {
    return distribution(distribution).path("totals").findValuesAsText("shown");
  }
}
