package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.CPI_MILANO;
import static org.erplab.pathways.api.ApiFixtures.LAB_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.TASK_INTAKE_INTERVIEW;
import static org.erplab.pathways.api.ApiFixtures.TASK_VERIFY_ELIGIBILITY;
import static org.erplab.pathways.api.TaskContextApiTest.PHONE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.erplab.pathways.api.TaskContextApiTest.SelfRegistered;
import org.erplab.pathways.support.Browser;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Tasklist as the lab, the CPI and operators use it (issue 8, ADR 0026), in a real browser (headless Chromium): in
 * Italian, the list holding only the project's tasks with their due dates, the call-back made from Tasklist alone
 * (the person's name and phone in the "Persona" tab beside the form), the intake interview completed through the
 * Camunda Form, the CPI's verification task appearing, and nothing of it for operators of other organisations.
 * Screenshots are kept in {@code <build dir>/screenshots} (the README's user guides use them; the list's is taken
 * by {@link TasklistDueDateAndFormMessagesBrowserTest}).
 */
@PathwaysSpringTest
class TasklistPersonBrowserTest {

  /** In the build directory of this run ({@code -DbuildDir=...}; set by the POM). */
  static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

  private final ApiFixtures api;

  @Autowired
  TasklistPersonBrowserTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
  }

  @Test
  void shouldLetTheLabCallBackAndInterviewFromTasklistAloneAndHandTheVerificationToTheCpiOnly() {
    SelfRegistered registered = TaskContextApiTest.selfRegistered(api, LORENTEGGIO);
    ApiFixtures.Started otherProject = api.startPathway(LAB_BOLLATE, BOLLATE);
    String otherProjectsInterview = api.taskOf(otherProject.pathwayId(), TASK_INTAKE_INTERVIEW);
    String name = registered.person().firstName() + " " + registered.person().lastName();

    // the lab: Tasklist in Italian, only its project's tasks, each with its due date
    try (Browser browser = Browser.open(api.port()).loginToTasklist(LAB_LORENTEGGIO)) {
      browser.waitUntil("the shared filters are listed", () -> browser.text().contains("I miei compiti"));
      browser.waitUntil("the task cards are listed", () -> !browser.all(By.cssSelector("li.task")).isEmpty());
      String page = browser.text();
      assertThat(page).contains("Laboratorio - da fare", "Scaduti", "In scadenza entro 5 giorni lavorativi",
          "Scadenza", "Creato", "Date e ore nel fuso orario locale");
      assertThat(page).doesNotContain("Camunda 8").doesNotContain("Created").doesNotContain("Log out");
      assertThat(browser.all(By.cssSelector(".ce-eol-banner"))).noneMatch(WebElement::isDisplayed);
      assertThat(browser.all(By.cssSelector("li.task"))).allSatisfy(card ->
          assertThat(card.findElements(By.cssSelector(".due-date"))).as(card.getText()).isNotEmpty());
      assertThat(browser.all(By.cssSelector("a[href*='" + otherProjectsInterview + "']"))).isEmpty();

      // the call-back: whom to call, beside the form
      browser.tasklist("#/?task=" + registered.callBackTask(), CLAIM);
      browser.click(CLAIM);
      browser.waitFor(By.cssSelector(".fjs-form"));
      browser.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='Persona']"));
      WebElement person = browser.waitFor(By.cssSelector(".erp-person-name"));
      assertThat(person.getText()).isEqualTo(name);
      assertThat(browser.waitFor(By.cssSelector(".erp-person-phone")).getText()).isEqualTo(PHONE);
      assertThat(browser.text()).contains("Richiamata: ", "(questo compito)", "Presa in carico", LORENTEGGIO);
      screenshot(browser, "tasklist-lab-call-back-person");
      browser.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='Modulo']"));
      choose(browser, "Esito della chiamata", "Raggiunta");
      type(browser, "Nota", "Raggiunta al telefono, colloquio fissato");
      browser.click(By.cssSelector("button[ng-click='complete()']"));
      browser.waitUntil("the call-back is completed", () -> api.task(registered.callBackTask()) == null);

      // the intake interview, through the Camunda Form
      String interview = api.taskOf(registered.pathwayId(), TASK_INTAKE_INTERVIEW);
      browser.tasklist("#/?task=" + interview, CLAIM);
      browser.click(CLAIM);
      browser.waitFor(By.cssSelector(".fjs-form"));
      for (String question : List.of("consenso", "alloggio ERP", "disagio abitativo", "DID", "NASpI")) {
        browser.click(By.xpath("(" + TasklistBrowserTest.field(question) + "//input[@type='radio'])[1]"));
      }
      select(browser, "Condizione occupazionale", "Disoccupato");
      select(browser, "Titolo di studio", "Diploma di scuola superiore");
      select(browser, "Altra misura", "Nessuna");
      select(browser, "Permesso di soggiorno", "Non necessario (cittadino italiano o UE)");
      choose(browser, "Condizioni di svantaggio", "Nessuna");
      type(browser, "Nota", "Colloquio svolto in sede, percepisce la NASpI");
      screenshot(browser, "tasklist-lab-intake-interview");
      browser.click(By.cssSelector("button[ng-click='complete()']"));
      browser.waitUntil("the interview is completed", () -> api.task(interview) == null);
    }
    assertThat(api.openTaskKeys(registered.pathwayId())).containsExactly(TASK_VERIFY_ELIGIBILITY);
    String verification = api.taskOf(registered.pathwayId(), TASK_VERIFY_ELIGIBILITY);
    assertThat(api.historicVariableRows(registered.pathwayId(), "naspiRecipient")).isPositive();

    // the CPI: the verification task appears, with the person beside it
    try (Browser browser = Browser.open(api.port()).loginToTasklist(CPI_MILANO)) {
      browser.tasklist("#/?task=" + verification, CLAIM);
      browser.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='Persona']"));
      assertThat(browser.waitFor(By.cssSelector(".erp-person-name")).getText()).isEqualTo(name);
      assertThat(browser.text()).contains("Raggiunta al telefono, colloquio fissato");
      screenshot(browser, "tasklist-cpi-verification-person");
    }

    // operators of organisations with no part in the pathway, in the project and outside it: nothing of it
    for (String operator : List.of(OPERATOR_LORENTEGGIO, OPERATOR_BOLLATE)) {
      try (Browser browser = Browser.open(api.port()).loginToTasklist(operator)) {
        browser.waitUntil("the shared filters are listed", () -> browser.text().contains("I miei compiti"));
        assertThat(browser.all(By.cssSelector("a[href*='" + verification + "']"))).isEmpty();
        browser.tasklist("#/?task=" + verification, By.xpath("//*[contains(@class,'task-removed-alert')"
            + " or contains(@class,'no-task')] | //*[contains(text(),'non esiste')]"));
        browser.waitUntil("Tasklist says the task is not there",
            () -> !browser.all(By.cssSelector(".task-removed-alert, .no-task")).isEmpty()
                || browser.text().contains("non esiste"));
        assertThat(browser.all(By.cssSelector("button.claim"))).isEmpty();
        assertThat(browser.all(By.cssSelector(".erp-person-name"))).isEmpty();
        assertThat(browser.text()).doesNotContain(registered.person().lastName()).doesNotContain(PHONE);
        if (OPERATOR_LORENTEGGIO.equals(operator)) {
          screenshot(browser, "tasklist-operator-nothing-to-see");
        }
      }
    }
  }

  static final By CLAIM = By.cssSelector("button.claim");

  /** Clicks the option (radio or checkbox) with that label in the form field whose label contains {@code field}. */
  private static void choose(Browser browser, String field, String option) {
    browser.click(By.xpath(formField(field) + "//label[normalize-space(.)='" + option + "']"));
  }

  /** Picks the option with that label in the form-js select whose label contains {@code field}. */
  private static void select(Browser browser, String field, String option) {
    browser.click(By.xpath(formField(field) + "//*[contains(@class,'fjs-select-display') or self::input]"));
    browser.click(By.xpath(formField(field) + "//*[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='"
        + option + "']"));
  }

  private static void type(Browser browser, String field, String text) {
    browser.waitFor(By.xpath(formField(field) + "//textarea")).sendKeys(text);
  }

  /** The form-js field whose label contains {@code label}, as XPath. */
  static String formField(String label) {
    return "//div[contains(concat(' ', @class, ' '),' fjs-form-field ')][./label[contains(normalize-space(.),'"
        + label + "')]]";
  }

  /** Saves the page as {@code <build dir>/screenshots/<name>.png}. */
  static void screenshot(Browser browser, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path shot = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
