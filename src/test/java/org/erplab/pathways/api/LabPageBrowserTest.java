package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.CPI_MILANO;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.erplab.pathways.support.Browser;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The lab's page in a real browser (headless Chromium): the lab records the visit of a person who gives no consent
 * and of a registry participant found by fiscal code, raises a signal passed to the social services and closes it;
 * the CPI is told the page is not for its role. What the page shows is checked against the API.
 */
@PathwaysSpringTest
class LabPageBrowserTest {

  private final ApiFixtures api;

  @Autowired
  LabPageBrowserTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
  }

  @Test
  void shouldLetTheLabRecordVisitsAndSignalsAndTheCpiNothing() {
    ApiFixtures.Started registered = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    int anonymousMinutes = ThreadLocalRandom.current().nextInt(600, 660);
    int participantMinutes = anonymousMinutes + 60;

    try (Browser browser = Browser.open(api.port()).loginToTasklist(LAB_LORENTEGGIO)) {
      browser.driver().get("http://localhost:" + api.port() + "/laboratorio.html");
      browser.choose("project", LORENTEGGIO);

      // a visitor who gives no consent: gender, age band and citizenship only, for a foreigner the area of origin
      browser.click(By.id("chiVisitatore"));
      new Select(browser.waitFor(By.id("gender"))).selectByValue("F");
      new Select(browser.waitFor(By.id("ageBand"))).selectByValue("55_64");
      assertThat(browser.driver().findElement(By.id("provenienza")).isDisplayed()).as("only for a foreigner")
          .isFalse();
      new Select(browser.waitFor(By.id("citizenshipArea"))).selectByValue("NON_EU");
      new Select(browser.waitFor(By.id("originArea"))).selectByValue("SUB_SAHARAN_AFRICA");
      new Select(browser.waitFor(By.id("activityType"))).selectByValue("COURTYARD_MEETING");
      minutes(browser, anonymousMinutes);
      browser.click(By.id("registra"));
      WebElement visitor = row(browser, anonymousMinutes);
      assertThat(visitor.getText()).contains("Incontro in cortile", "Visitatore", "Donna", "55-64",
          "Paesi terzi (Africa subsahariana)");

      // a person of the registry, found by fiscal code
      browser.click(By.id("chiPersona"));
      browser.waitFor(By.id("fiscalCode")).sendKeys(registered.person().fiscalCode());
      browser.click(By.id("cercaPersona"));
      browser.waitUntil("the person is found", () -> browser.waitFor(By.id("personaTrovata")).getText()
          .contains(registered.person().lastName()));
      new Select(browser.waitFor(By.id("activityType"))).selectByValue("DESK");
      minutes(browser, participantMinutes);
      browser.click(By.id("registra"));
      assertThat(row(browser, participantMinutes).getText()).contains("Sportello", "Persona dell'anagrafe");

      // a signal of the visitor's, passed to the social services, then resolved
      visitor = row(browser, anonymousMinutes);
      String visitId = visitor.getAttribute("data-id");
      new Select(visitor.findElement(By.className("categoria"))).selectByValue("SOCIAL_NEED");
      new Select(visitor.findElement(By.className("destinatario"))).selectByValue("SOCIAL_SERVICES");
      visitor.findElement(By.className("segnala")).click();
      browser.waitUntil("the signal is listed", () -> browser.text().contains("Segnalazione registrata."));
      String signalId = api.as(LAB_LORENTEGGIO).get("/api/lab/visits/" + visitId).json().path("signals").get(0)
          .path("id").asText();
      By signal = By.cssSelector("#segnalazioni tr[data-id='" + signalId + "']");
      assertThat(browser.waitFor(signal).getText()).contains("Bisogno sociale", "Servizi sociali", "Aperta");
      new Select(browser.waitFor(signal).findElement(By.className("nuovoEsito"))).selectByValue("RESOLVED");
      browser.waitFor(signal).findElement(By.className("salva")).click();
      browser.waitUntil("the signal is resolved", () -> browser.waitFor(signal).getText().contains("Risolta"));
      browser.screenshot("laboratorio-accessi");
    }
    // as the API has them: the visitor's facts only, the participant's from the registry
    List<String> signals = api.as(LAB_LORENTEGGIO).get("/api/lab/signals?project=" + LORENTEGGIO
        + "&passedTo=SOCIAL_SERVICES&outcome=RESOLVED&maxResults=500").json().findValuesAsText("category");
    assertThat(signals).contains("SOCIAL_NEED");
    assertThat(api.as(LAB_LORENTEGGIO).get("/api/lab/visits?participant=" + registered.participantId()).json()
        .findValuesAsText("durationMinutes")).containsExactly(String.valueOf(participantMinutes));

    try (Browser browser = Browser.open(api.port()).loginToTasklist(CPI_MILANO)) {
      browser.driver().get("http://localhost:" + api.port() + "/laboratorio.html");
      browser.waitUntil("the CPI is told the page is not for its role",
          () -> browser.text().contains("Questa pagina è del laboratorio sociale"));
      assertThat(browser.all(By.cssSelector("#accessi tbody tr"))).isEmpty();
    }
  }

  private static void minutes(Browser browser, int minutes) {
    WebElement field = browser.waitFor(By.id("durationMinutes"));
    field.clear();
    field.sendKeys(String.valueOf(minutes));
  }

  /** The row of the visit of that many minutes (unique to this test). */
  private static WebElement row(Browser browser, int minutes) {
    By row = By.xpath("//table[@id='accessi']//tr[td[3][normalize-space()='" + minutes + "']]");
    browser.waitUntil("the visit of " + minutes + " minutes is listed", () -> !browser.all(row).isEmpty());
    return browser.all(row).get(0);
  }
}
