package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR;
import static org.erplab.pathways.api.ApiFixtures.MANAGER;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.IndicatorChartsCheck;
import org.erplab.pathways.support.IntakeAnswers;
import org.erplab.pathways.support.OwnProject;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.TestPeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The committee's annual report (issue 10): a draft computed afresh until the year is over and a manager publishes it;
 * then frozen as published, whatever is recorded later about that year, until a correction is published as a new
 * revision with its reason.
 */
@PathwaysSpringTest
class AnnualReportApiTest {

  private final ApiFixtures api;
  private final ApplicationContext context;

  @Autowired
  AnnualReportApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
    this.context = context;
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldFreezeThePublishedYearAndNumberItsCorrections() throws java.io.IOException {
    LocalDate today = EngineClock.today();
    int year = today.getYear();
    OwnProject project = OwnProject.create(context, "AR", today.plusYears(3));
    for (int i = 0; i < 6; i++) {
      ApiFixtures.Started started = api.startPathway(project.lab(), project.code(), TestPeople.aged(45), "LAB");
      api.completeTask(project.lab(), api.taskOf(started.pathwayId(), "Task_IntakeInterview"),
          IntakeAnswers.eligible());
    }
    for (int i = 0; i < 5; i++) {
      visit(project, today);
    }
    String path = "/api/reports/annual?year=" + year + "&project=" + project.code();

    // a draft while the year runs: computed now, not publishable
    JsonNode draft = ok(api.as(project.auditor()).get(path));
    assertThat(draft.path("published").asBoolean()).isFalse();
    assertThat(draft.path("revision").isNull()).isTrue();
    assertThat(figure(draft, "participants")).isEqualTo("11");
    assertThat(figure(draft, "labVisits")).isEqualTo("5");
    assertThat(draft.path("indicators").path("from").asText()).isEqualTo(year + "-01-01");
    assertThat(draft.path("indicators").path("to").asText()).isEqualTo(year + "-12-31");
    ApiFixtures.assertProblem(publish(project.manager(), year, project.code(), null), 409);

    // in January the manager publishes it: revision 1, by whom and when
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(LocalDate.of(year + 1, 1, 4), LocalTime.of(9, 0),
        EngineClock.ZONE).toInstant()));
    ApiClient.Response first = publish(project.manager(), year, project.code(), null);
    assertThat(first.status()).as("%s", first).isEqualTo(201);
    assertThat(first.json().path("revision").asInt()).isEqualTo(1);
    assertThat(first.json().path("publishedBy").asText()).isEqualTo(project.manager());
    assertThat(first.json().path("published").asBoolean()).isTrue();

    // 5 more visits recorded late for that December: the published figures do not move
    for (int i = 0; i < 5; i++) {
      visit(project, LocalDate.of(year, 12, 30));
    }
    JsonNode frozen = ok(api.as(project.auditor()).get(path));
    assertThat(frozen.path("revision").asInt()).isEqualTo(1);
    assertThat(figure(frozen, "labVisits")).isEqualTo("5");
    assertThat(figure(frozen, "participants")).isEqualTo("11");

    // a correction needs its reason, and becomes revision 2; both are listed
    ApiFixtures.assertProblem(publish(project.manager(), year, project.code(), null), 400);
    ApiClient.Response second = publish(project.manager(), year, project.code(), "Accessi di dicembre registrati tardi");
    assertThat(second.status()).as("%s", second).isEqualTo(201);
    JsonNode corrected = ok(api.as(project.auditor()).get(path));
    assertThat(corrected.path("revision").asInt()).isEqualTo(2);
    assertThat(corrected.path("reason").asText()).isEqualTo("Accessi di dicembre registrati tardi");
    assertThat(figure(corrected, "labVisits")).isEqualTo("10");
    assertThat(figure(corrected, "participants")).isEqualTo("16");
    assertThat(corrected.path("revisions").findValuesAsText("revision")).containsExactly("1", "2");

    // the file says which revision it is
    ApiClient.Download csv = api.as(project.auditor()).download("/api/reports/annual/export?year=" + year
        + "&project=" + project.code() + "&format=csv");
    assertThat(csv.status()).isEqualTo(200);
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF").contains("Relazione annuale " + year, "Indicatori;Accessi al laboratorio;10;",
        "Revisione 2 pubblicata da " + project.manager());
    ApiClient.Download pdf = api.as(project.auditor()).download("/api/reports/annual/export?year=" + year
        + "&project=" + project.code() + "&format=pdf");
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.contentType()).isEqualTo("application/pdf");
    IndicatorChartsCheck.assertChartsDrawPublishedCellsOnly(pdf.body(), csv.body(), corrected.path("indicators"));
    // and as a workbook for the committee's secretariat: numbers as numbers, suppressed cells as published
    ApiClient.Download xlsx = api.as(project.auditor()).download("/api/reports/annual/export?year=" + year
        + "&project=" + project.code() + "&format=xlsx");
    assertThat(xlsx.status()).isEqualTo(200);
    assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    try (org.dhatim.fastexcel.reader.ReadableWorkbook workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(
        new java.io.ByteArrayInputStream(xlsx.body()))) {
      java.util.List<org.dhatim.fastexcel.reader.Row> rows = workbook.getFirstSheet().read();
      assertThat(rows.get(0).getCellText(0)).isEqualTo("Relazione annuale " + year + " - progetto " + project.code());
      assertThat(rows).anySatisfy(r -> assertThat(r.getCellText(0)).isEqualTo("Sezione"));
      org.dhatim.fastexcel.reader.Row visits = rows.stream()
          .filter(r -> "Accessi al laboratorio".equals(r.getCellText(1))).findFirst().orElseThrow();
      assertThat(visits.getCell(2).getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.NUMBER);
      assertThat(visits.getCell(2).asNumber()).isEqualByComparingTo("10");
    }
  }

  @Test
  void shouldLetOnlyTheProjectsManagersPublishAndItsReadersRead() {
    LocalDate today = EngineClock.today();
    OwnProject project = OwnProject.create(context, "AS", today.plusYears(3));
    int last = today.getYear() - 1;
    String path = "/api/reports/annual?year=" + last + "&project=" + project.code();
    assertThat(api.as(project.lead()).get(path).status()).isEqualTo(200);
    ApiFixtures.assertProblem(api.as(project.lab()).get(path), 403);
    ApiFixtures.assertProblem(api.as(MANAGER).get(path), 404);
    ApiFixtures.assertProblem(publish(project.auditor(), last, project.code(), null), 403);
    ApiFixtures.assertProblem(publish(project.lead(), last, project.code(), null), 403);
    ApiFixtures.assertProblem(publish(MANAGER, last, project.code(), null), 404);
    // every project together: only for who serves them all
    ApiFixtures.assertProblem(api.as(project.manager()).get("/api/reports/annual?year=" + last), 403);
    ApiFixtures.assertProblem(api.as(AUDITOR).get("/api/reports/annual?year=" + last), 403);
    ApiFixtures.assertProblem(api.as(project.manager()).get("/api/reports/annual?year=1999&project="
        + project.code()), 400);
    ApiClient.Response bad = api.as(project.manager()).post("/api/reports/annual/publications",
        Map.of("year", "x", "project", project.code()));
    ApiFixtures.assertProblem(bad, 400);
    assertThat(api.count("select count(*) from annual_report where scope = ?", project.code())).isZero();
  }

  private ApiClient.Response publish(String user, int year, String project, String reason) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("year", year);
    body.put("project", project);
    if (reason != null) {
      body.put("reason", reason);
    }
    return api.as(user).post("/api/reports/annual/publications", body);
  }

  private void visit(OwnProject project, LocalDate day) {
    Map<String, Object> visit = new LinkedHashMap<>();
    visit.put("projectCode", project.code());
    visit.put("visitedOn", day.toString());
    visit.put("visitor", Map.of("gender", "M", "ageBand", "36_54", "citizenshipArea", "IT"));
    visit.put("activityType", "DESK");
    visit.put("durationMinutes", 20);
    ApiClient.Response response = api.as(project.lab()).post("/api/lab/visits", visit);
    assertThat(response.status()).as("%s", response).isEqualTo(201);
  }

  private static JsonNode ok(ApiClient.Response response) {
    assertThat(response.status()).as("%s", response).isEqualTo(200);
    return response.json();
  }

  private static String figure(JsonNode report, String key) {
    for (JsonNode figure : report.path("indicators").path("figures")) {
      if (key.equals(figure.path("key").asText())) {
        return figure.path("value").path("shown").asText();
      }
    }
    throw new AssertionError("no figure " + key + " in " + report);
  }
}
