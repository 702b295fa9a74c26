package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.Browser;
import org.erplab.pathways.support.IntakeAnswers;
import org.erplab.pathways.support.OwnProject;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The indicators page in a real browser (headless Chromium): a project's manager picks the project and the year, sees
 * the figures, the charts and the tables with small cells suppressed, and downloads the CSV and the PDF (both read
 * back here); the project's lab is told the page is not for its role. Screenshots in {@code <build dir>/screenshots}
 * (README, docs/guide/img).
 */
@PathwaysSpringTest
class IndicatorsPageBrowserTest {

  private final ApiFixtures api;
  private final ApplicationContext context;

  @Autowired
  IndicatorsPageBrowserTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
    this.context = context;
  }

  @Test
  void shouldShowAManagerTheChartsAndFilesAndTheLabNothing() throws Exception {
    LocalDate today = EngineClock.today();
    OwnProject project = OwnProject.create(context, "IP", today.plusYears(3));
    // 6 women and 2 men of 40 interviewed; 5 anonymous visitors of the lab
    for (int i = 0; i < 8; i++) {
      ApiFixtures.Started started = api.startPathway(project.lab(), project.code(),
          TestPeople.aged(40, i < 6 ? "F" : "M"), "LAB");
      api.completeTask(project.lab(), api.taskOf(started.pathwayId(), "Task_IntakeInterview"),
          IntakeAnswers.eligible());
    }
    for (int i = 0; i < 5; i++) {
      Map<String, Object> visit = new LinkedHashMap<>();
      visit.put("projectCode", project.code());
      visit.put("visitedOn", today.toString());
      visit.put("visitor", Map.of("gender", "F", "ageBand", "55_64", "citizenshipArea", "NON_EU"));
      visit.put("activityType", "COURTYARD_MEETING");
      visit.put("durationMinutes", 45);
      ApiClient.Response response = api.as(project.lab()).post("/api/lab/visits", visit);
      assertThat(response.status()).as("%s", response).isEqualTo(201);
    }

    try (Browser browser = Browser.open(api.port()).loginToTasklist(project.manager())) {
      browser.driver().get("http://localhost:" + api.port() + "/reports/indicatori.html");
      browser.choose("project", project.code());
      browser.choose("anno", String.valueOf(today.getYear()));
      browser.waitUntil("the indicators of the project are shown", () -> browser.text().contains(
          "Progetto " + project.code()) && !browser.all(By.cssSelector("#tabella-gender tbody tr")).isEmpty());
      assertThat(cell(browser, "#cifre tr[data-key='participants'] td.numero")).isEqualTo("13");
      assertThat(cell(browser, "#cifre tr[data-key='labParticipants'] td.numero")).isEqualTo("5");
      // gender: women 6 + 5, men 2: the men are "<5" and, in the all column, the women with them
      assertThat(row(browser, "gender", "M")).containsExactly("Uomini", "<5", "0", "0");
      assertThat(row(browser, "gender", "F")).containsExactly("Donne", "n.d.", "5", "0");
      assertThat(browser.text()).contains("Partecipante nel periodo", "meno di 5 persone", "Tipo di svantaggio");
      // the 8 interviewed left the intake today
      assertThat(browser.all(By.cssSelector("#fasi tr[data-stage='INTAKE'] td")).stream().map(e -> e.getText().strip())
          .toList()).containsExactly("Presa in carico", "8", "0", "0", "0");
      // one chart per distribution, drawn
      Object charts = ((JavascriptExecutor) browser.driver()).executeScript(
          "return Object.keys(Chart.instances).length");
      assertThat(((Number) charts).intValue()).isEqualTo(9);
      assertThat(browser.text()).contains("Area di provenienza (cittadini stranieri)", "Provincia di residenza");
      Object width = ((JavascriptExecutor) browser.driver()).executeScript(
          "return document.getElementById('grafico-ageBand').width");
      assertThat(((Number) width).intValue()).isPositive();
      browser.screenshot("indicatori-responsabile");

      String csv = new String(browser.download(By.id("scaricaCsv")), StandardCharsets.UTF_8);
      assertThat(csv).startsWith("\uFEFF");
      List<String> lines = csv.lines().toList();
      assertThat(lines).contains("Sezione;Voce;Tutti;Laboratorio;Piano;Definizione");
      assertThat(lines).anyMatch(l -> l.startsWith("Indicatori;Partecipanti;13;"));
      assertThat(lines).anyMatch(l -> l.startsWith("Genere;Uomini;<5;0;0;"));
      try (PDDocument pdf = Loader.loadPDF(browser.download(By.id("scaricaPdf")))) {
        assertThat(new PDFTextStripper().getText(pdf)).contains("Indicatori del progetto " + project.code(),
            "Generato il", "Genere", "<5");
      }
    }

    try (Browser browser = Browser.open(api.port()).loginToTasklist(project.lab())) {
      browser.driver().get("http://localhost:" + api.port() + "/reports/indicatori.html");
      browser.waitUntil("the lab is told the page is not for its role",
          () -> browser.text().contains("Il tuo ruolo non consente questa operazione"));
      assertThat(browser.all(By.cssSelector("#cifre tbody tr"))).isEmpty();
      assertThat(browser.text()).doesNotContain("Donne");
    }
  }

  private static String cell(Browser browser, String css) {
    return browser.waitFor(By.cssSelector(css)).getText();
  }

  private static List<String> row(Browser browser, String distribution, String code) {
    return browser.all(By.cssSelector("#tabella-" + distribution + " tr[data-code='" + code + "'] td")).stream()
        .map(e -> e.getText().strip()).toList();
  }
}
