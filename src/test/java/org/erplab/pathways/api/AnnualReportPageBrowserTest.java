package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.support.Browser;
import org.erplab.pathways.support.IntakeAnswers;
import org.erplab.pathways.support.OwnProject;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The annual report's page in a real browser (headless Chromium): a project's manager reads last year's draft,
 * publishes it, is asked for a reason before a correction, publishes the correction as revision 2, and downloads the
 * PDF and the CSV, which say which revision they are; the year still running cannot be published; every project
 * together is refused to who serves one; the project's auditor reads the report and has no publication form.
 * Screenshots in {@code <build dir>/screenshots} (README, docs/guide/img).
 */
@PathwaysSpringTest
class AnnualReportPageBrowserTest {

  private final ApiFixtures api;
  private final ApplicationContext context;

  @Autowired
  AnnualReportPageBrowserTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
    this.context = context;
  }

  @Test
  void shouldLetAManagerPublishTheYearAndACorrectionWithItsReason() throws Exception {
    LocalDate today = EngineClock.today();
    int lastYear = today.getYear() - 1;
    OwnProject project = OwnProject.create(context, "AP", today.plusYears(3));
    for (int i = 0; i < 6; i++) {
      ApiFixtures.Started started = api.startPathway(project.lab(), project.code(), TestPeople.aged(45, "F"), "LAB");
      api.completeTask(project.lab(), api.taskOf(started.pathwayId(), "Task_IntakeInterview"),
          IntakeAnswers.eligible());
    }

    try (Browser browser = Browser.open(api.port()).loginToTasklist(project.manager())) {
      browser.page("/reports/relazione.html", By.id("anno"));
      // the one project the manager serves is chosen
      browser.waitUntil("last year's draft is shown", () -> browser.text().contains("bozza non pubblicata")
          && browser.text().contains("Relazione " + lastYear));
      assertThat(browser.all(By.cssSelector("#revisioni tbody tr"))).isEmpty();
      assertThat(browser.waitFor(By.cssSelector("#cifre tr[data-key='participants'] td.numero")).getText())
          .isEqualTo("0");

      browser.click(By.id("pubblicaButton"));
      browser.waitUntil("revision 1 is published", () -> browser.text().contains("revisione 1 pubblicata da "
          + project.manager()));
      assertThat(rows(browser)).containsExactly("1 " + project.manager());
      // a correction needs its reason: the form asks for it, and so does the API
      assertThat(browser.waitFor(By.id("pubblicaButton")).getText()).contains("revisione 2");
      assertThat(browser.waitFor(By.id("motivo")).getAttribute("required")).isNotNull();
      browser.waitFor(By.id("motivo")).sendKeys("Corretto il conteggio degli accessi di dicembre");
      browser.click(By.id("pubblicaButton"));
      browser.waitUntil("revision 2 is published", () -> browser.text().contains("revisione 2 pubblicata da"));
      assertThat(browser.text()).contains("Corretto il conteggio degli accessi di dicembre");
      assertThat(rows(browser)).hasSize(2);
      browser.screenshot("relazione-annuale-responsabile");

      try (PDDocument pdf = Loader.loadPDF(browser.download(By.id("scaricaPdf")))) {
        assertThat(new PDFTextStripper().getText(pdf)).contains("Relazione annuale " + lastYear + " - progetto "
            + project.code(), "Revisione 2 pubblicata da " + project.manager(), "Partecipanti");
      }
      String csv = new String(browser.download(By.id("scaricaCsv")), StandardCharsets.UTF_8);
      assertThat(csv.lines().toList()).anyMatch(l -> l.startsWith("Note;Stato;;;;Revisione 2 pubblicata da "));

      // the year still running: a draft the page cannot publish
      browser.choose("anno", String.valueOf(today.getYear()));
      browser.waitUntil("this year's draft is shown", () -> browser.text().contains("Relazione " + today.getYear()));
      assertThat(browser.waitFor(By.cssSelector("#cifre tr[data-key='participants'] td.numero")).getText())
          .isEqualTo("6");
      browser.click(By.id("pubblicaButton"));
      browser.waitUntil("the page says the year is not over", () -> browser.text().contains("non è ancora concluso"));
      // every project together is for who serves them all
      browser.choose("project", "");
      browser.waitUntil("every project is refused", () -> browser.text().contains("per chi li segue tutti"));
      assertThat(browser.all(By.cssSelector("#cifre tbody tr"))).isEmpty();
    }
    assertThat(api.count("select count(*) from annual_report where scope = ?", project.code())).isEqualTo(2);

    try (Browser browser = Browser.open(api.port()).loginToTasklist(project.auditor())) {
      browser.page("/reports/relazione.html", By.id("anno"));
      browser.choose("project", project.code());
      browser.waitUntil("the auditor reads revision 2", () -> browser.text().contains("revisione 2 pubblicata da"));
      assertThat(browser.all(By.id("sezionePubblica")).get(0).isDisplayed()).isFalse();
    }
  }

  private static List<String> rows(Browser browser) {
    return browser.all(By.cssSelector("#revisioni tbody tr")).stream()
        .map(r -> r.findElements(By.tagName("td")).stream().limit(2).map(td -> td.getText().strip())
            .reduce((a, b) -> a + " " + b).orElse(""))
        .toList();
  }
}
