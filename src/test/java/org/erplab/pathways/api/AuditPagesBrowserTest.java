package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.LAB_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.TASK_FIRST_APPOINTMENT;
import static org.erplab.pathways.api.ApiFixtures.TASK_INTAKE_INTERVIEW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.Browser;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The auditors' pages (ADR 0038) in a real browser (headless Chromium), logged in to Tasklist and calling /api in that
 * session: the project's auditor finds a pathway by the person's pseudonymous id, reads its audit page (the verified
 * chain, the diagrams of the processes it ran with what ran marked and counted, tasks and decisions) and the access
 * log of the person's file, and downloads the exports (CSV with BOM and ';', PDF) of the list and of the pathway's
 * record in the page's session; the lab of another project finds nothing of it by fiscal code, and opening its page
 * is refused and sees nothing of it.
 * Screenshots in {@code <build dir>/screenshots} (the README's copies in docs/guide/img).
 */
@PathwaysSpringTest
class AuditPagesBrowserTest {

  private final ApiFixtures api;

  @Autowired
  AuditPagesBrowserTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
  }

  @Test
  void shouldLetTheProjectsAuditorFindAndReadAPathwayAndNobodyElse() {
    // given a BOLLATE pathway taken in, found eligible and handed to its operator, whose file the lab read
    ApiFixtures.Started started = api.pathwayAtFirstAppointment(BOLLATE, "CONSORZIO_SIR");
    String id = started.pathwayId().toString();
    String participant = started.participantId().toString();
    assertThat(api.as(LAB_BOLLATE).get("/api/participants/" + participant).status()).isEqualTo(200);
    ApiClient.Response diagrams = api.as(AUDITOR_BOLLATE).get("/api/pathways/" + id + "/audit/diagrams");
    assertThat(diagrams.status()).as("%s", diagrams).isEqualTo(200);
    int runs = diagrams.json().size();
    assertThat(runs).isGreaterThanOrEqualTo(3);

    try (Browser browser = Browser.open(api.port()).loginToTasklist(AUDITOR_BOLLATE)) {
      // the search, by the person's pseudonymous id; no fiscal code for an auditor
      page(browser, "/audit/index.html");
      browser.waitFor(By.id("participant")).sendKeys(participant);
      browser.click(By.id("cerca"));
      By row = By.cssSelector("#elenco tbody tr[data-id='" + id + "']");
      browser.waitUntil("the pathway is found", () -> browser.all(By.cssSelector("#elenco tbody tr")).size() == 1
          && !browser.all(row).isEmpty());
      assertThat(browser.waitFor(row).getText()).contains(BOLLATE, "Attivo", "CONSORZIO_SIR", id.substring(0, 8))
          .doesNotContain(started.person().lastName());
      assertThat(browser.all(By.id("fiscalCode"))).as("no fiscal code field for an auditor").isEmpty();
      browser.screenshot("audit-ricerca");
      // the list downloaded from the search page: the project's pathways, this one among them
      String list = new String(download(browser, "scarica-csv", ".csv"), StandardCharsets.UTF_8);
      assertThat(list).startsWith("\uFEFF").contains(";").contains(id);
      assertThat(pdfText(download(browser, "scarica-pdf", ".pdf"))).contains("Elenco percorsi");

      // the pathway's audit page
      browser.click(By.cssSelector("#elenco tbody tr[data-id='" + id + "'] a"));
      browser.waitFor(By.cssSelector("#contenuto[data-ready='true']"));
      assertThat(browser.waitFor(By.id("verifica")).getText()).startsWith("Registro integro");
      assertThat(browser.waitFor(By.id("riepilogo")).getText()).contains(participant, "CONSORZIO_SIR");
      browser.waitUntil("every diagram drawn",
          () -> browser.all(By.cssSelector(".diagramma[data-ready='true']")).size() == runs);
      // what ran is marked and counted: the interview done once, the first appointment waiting
      assertThat(browser.all(By.cssSelector(".diagramma[data-key='pathway'] .djs-element.percorso-eseguito")))
          .isNotEmpty();
      assertThat(badge(browser, "intake", TASK_INTAKE_INTERVIEW)).isEqualTo("1");
      assertThat(browser.all(By.cssSelector(".diagramma[data-key='intake'] g.djs-element.percorso-eseguito"
          + "[data-element-id='" + TASK_INTAKE_INTERVIEW + "']"))).hasSize(1);
      assertThat(badge(browser, "handover", TASK_FIRST_APPOINTMENT)).isEqualTo("1 · 1 in corso");
      assertThat(browser.all(By.cssSelector(".diagramma[data-key='handover'] g.djs-element.percorso-attivo"
          + "[data-element-id='" + TASK_FIRST_APPOINTMENT + "']"))).hasSize(1);
      // the tasks with who completed them and whether in time, the decision with its inputs
      assertThat(browser.waitFor(By.cssSelector("#compiti tr[data-task='" + TASK_INTAKE_INTERVIEW + "']")).getText())
          .contains(LAB_BOLLATE, "In tempo");
      assertThat(browser.waitFor(By.cssSelector("#compiti tr[data-task='" + TASK_FIRST_APPOINTMENT + "']")).getText())
          .contains("Aperto");
      // (an eligible person: no rule of the table matched)
      assertThat(browser.waitFor(By.id("decisioni")).getText()).contains("eligibility", "Percettore di NASpI: false",
          "nessuna regola");
      assertThat(browser.waitFor(By.id("fasi")).getText()).contains("in corso");
      assertThat(browser.text()).doesNotContain(started.person().lastName(), started.person().fiscalCode());
      browser.screenshot("audit-percorso");

      // the pathway's audit record downloaded from its page: CSV for Excel in Italian, and PDF
      String csv = new String(download(browser, "scarica-csv", ".csv"), StandardCharsets.UTF_8);
      assertThat(csv).startsWith("\uFEFF");
      List<String> csvLines = csv.lines().toList();
      assertThat(csvLines.get(0)).contains("Registro di audit del percorso", id);
      assertThat(csvLines.get(2)).contains(";");
      assertThat(csvLines).hasSizeGreaterThan(2).anySatisfy(l -> assertThat(l).contains("TASK_COMPLETED", LAB_BOLLATE));
      assertThat(csv).doesNotContain(started.person().lastName(), started.person().fiscalCode());
      String pdf = pdfText(download(browser, "scarica-pdf", ".pdf"));
      assertThat(pdf).contains("Registro di audit del percorso", "TASK_COMPLETED");
      scrollTo(browser, By.id("diagrammi"));
      browser.screenshot("audit-percorso-diagramma");

      // the access log of the person's file, from the pathway's page
      browser.click(By.id("accessi-persona"));
      By line = By.cssSelector("#accessi tbody tr[data-participant='" + participant + "']");
      browser.waitFor(line);
      List<WebElement> lines = browser.all(line);
      assertThat(lines).isNotEmpty();
      assertThat(lines.stream().map(WebElement::getText).toList())
          .anySatisfy(text -> assertThat(text).contains(LAB_BOLLATE, BOLLATE, "GET /api/participants/" + participant));
      assertThat(browser.all(By.cssSelector("#accessi tbody tr")))
          .allSatisfy(r -> assertThat(r.getAttribute("data-participant")).isEqualTo(participant));
      browser.screenshot("audit-accessi");
    }

    // the lab of another project: the fiscal code search (its role reads personal files) finds nothing of BOLLATE;
    // the pathway's page refuses, in Italian, and shows nothing of the pathway
    try (Browser browser = Browser.open(api.port()).loginToTasklist(LAB_LORENTEGGIO)) {
      page(browser, "/audit/index.html");
      browser.waitFor(By.id("fiscalCode")).sendKeys(started.person().fiscalCode());
      browser.click(By.id("cerca-persona"));
      browser.waitUntil("the search says nothing was found",
          () -> browser.text().contains("Nessun percorso per questo codice fiscale"));
      assertThat(browser.all(By.cssSelector("#elenco tbody tr[data-id='" + id + "']"))).isEmpty();
      assertThat(browser.all(By.id("esporta"))).as("no export for the lab").isEmpty();
      page(browser, "/audit/percorso.html?id=" + id);
      browser.waitUntil("the page refuses", () -> browser.text().contains("Percorso non trovato"));
      assertThat(browser.text()).contains("404").doesNotContain(participant, "Registro integro", "CONSORZIO_SIR");
      assertThat(browser.driver().findElement(By.id("contenuto")).isDisplayed()).isFalse();
      assertThat(browser.all(By.cssSelector(".djs-element"))).isEmpty();
      browser.screenshot("audit-percorso-rifiutato");
    }
  }

  @Test
  void shouldShowAnAuditorThePlanVersionsTheHoursAndTheIndemnity() {
    // given a LORENTEGGIO pathway in training (plan signed today, course MAG-01 of 40 h) with 6 hours attended
    UUID pathway = api.pathwayInTraining();
    ApiClient.Response recorded = api.as(OPERATOR_LORENTEGGIO).post("/api/pathways/" + pathway + "/attendance",
        Map.of("courseCode", "MAG-01", "date", EngineClock.today().toString(), "hours", new BigDecimal("6")));
    assertThat(recorded.status()).as("%s", recorded).isEqualTo(201);

    try (Browser browser = Browser.open(api.port()).loginToTasklist(AUDITOR)) {
      browser.page("/audit/percorso.html?id=" + pathway, By.cssSelector("#contenuto[data-ready='true']"));
      assertThat(browser.waitFor(By.id("verifica")).getText()).startsWith("Registro integro");
      // the plan's versions arrive with the record and the diagrams; wait for them rather than read the placeholder
      try {
        browser.waitUntil("the plan's versions are shown",
            () -> browser.waitFor(By.cssSelector("#piano tbody tr")).getText().contains("Firmata"));
      } catch (org.openqa.selenium.TimeoutException e) {
        throw new AssertionError("the plan's versions are not shown; the page says: " + browser.text(), e);
      }
      assertThat(browser.waitFor(By.cssSelector("#piano tbody tr")).getText())
          .contains("1", "Firmata", OPERATOR_LORENTEGGIO, "400,00", "1500,00");
      assertThat(browser.waitFor(By.id("ore")).getText()).contains("Ore di formazione previste", "40",
          "Ore di formazione frequentate", "6", "Corso MAG-01", "Indennità maturata");
      assertThat(browser.waitFor(By.id("eventi")).getText()).contains("Versione del piano salvata",
          "Presenza registrata");
      assertThat(browser.waitFor(By.id("fasi")).getText()).contains("Formazione");
    }
  }

  /**
   * Clicks a download button of the page and returns the bytes of the file it saved ({@code Pagine.downloaded()}: the
   * answer the page fetched in its session, as the browser saves it), once the page says it was saved.
   */
  private static byte[] download(Browser browser, String button, String extension) {
    byte[] file = browser.download(By.id(button));
    By saved = By.cssSelector("#messaggio-scarica[data-status='200']");
    browser.waitUntil("the page saved the " + extension + " file", () -> !browser.all(saved).isEmpty()
        && browser.all(saved).get(0).getText().endsWith(extension));
    return file;
  }


  private static String pdfText(byte[] file) {
    try (PDDocument document = Loader.loadPDF(file)) {
      return new PDFTextStripper().getText(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The count shown on an activity of the diagram of the process {@code key}. */
  private static String badge(Browser browser, String key, String activity) {
    return browser.waitFor(By.cssSelector(".diagramma[data-key='" + key + "'] .conteggio[data-activity='" + activity
        + "']")).getText();
  }

  private static void scrollTo(Browser browser, By locator) {
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView(true);",
        browser.waitFor(locator));
  }

  private void page(Browser browser, String path) {
    browser.driver().get("http://localhost:" + api.port() + path);
  }
}
