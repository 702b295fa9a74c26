package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.TASK_FIRST_APPOINTMENT;
import static org.erplab.pathways.api.ApiFixtures.TASK_INTAKE_INTERVIEW;
import static org.erplab.pathways.api.TasklistPersonBrowserTest.CLAIM;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.support.Browser;
import org.erplab.pathways.support.OwnProject;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.ProjectParameters;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Tasklist in a real browser (headless Chromium) with our two scripts (ADR 0026): the list opens sorted by due date,
 * soonest first, while a sorting the user picks stays in the address (also after a reload); a Camunda Form refused for
 * what is missing or too long says so in Italian (form-js's own words too: select, date field, calendar) and the task
 * stays open. The list's screenshot is the README's {@code tasklist-lab-list.png}.
 */
@PathwaysSpringTest
class TasklistDueDateAndFormMessagesBrowserTest {

  static final String DUE_DATE_ASC = "{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}";
  static final String DUE_DATE_DESC = "{\"sortBy\":\"dueDate\",\"sortOrder\":\"desc\"}";
  static final By CARD_LINKS = By.cssSelector("li.task h4.task a");
  static final By SORTED_BY = By.cssSelector("[cam-sorting-choices] li.sorting-choice .sort-by");
  static final By COMPLETE = By.cssSelector("button[ng-click='complete()']");
  static final By FIELD_ERRORS = By.cssSelector(".fjs-form-field-error li");

  private final ApiFixtures api;
  private final ApplicationContext context;

  @Autowired
  TasklistDueDateAndFormMessagesBrowserTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
    this.context = context;
  }

  @Test
  void shouldListTasksByDueDateSoonestFirstAndKeepTheSortingTheUserPicks() {
    // a project of its own, so that its lab's list holds these two tasks only: the first due in 2 working days, the
    // second (created after it) in the programme's 10
    OwnProject project = OwnProject.create(context, "TS", EngineClock.today().plusYears(1));
    named(project.lab(), "Giulia", "Ferri");
    String soon;
    try (var twoDays = ProjectParameters.set(context, project.code(), "intakeInterviewWorkingDays", "2")) {
      soon = api.taskOf(api.startPathway(project.lab(), project.code()).pathwayId(), TASK_INTAKE_INTERVIEW);
    }
    String later = api.taskOf(api.startPathway(project.lab(), project.code()).pathwayId(), TASK_INTAKE_INTERVIEW);
    assertThat(api.task(soon).getDueDate()).isBefore(api.task(later).getDueDate());

    try (Browser browser = Browser.open(api.port()).loginToTasklist(project.lab())) {
      browser.waitUntil("both tasks are listed", () -> listed(browser).size() == 2);
      assertThat(sorting(browser)).startsWith("[" + DUE_DATE_ASC);
      assertThat(browser.waitFor(SORTED_BY).getText()).isEqualTo("Data di scadenza");
      assertThat(listed(browser)).containsExactly(soon, later);
      browser.screenshot("tasklist-lab-list");

      // the user turns the order: latest due first, in the address and in the list, also after a reload
      browser.click(By.cssSelector("[cam-sorting-choices] li.sorting-choice a.sort-direction"));
      browser.waitUntil("the address holds the user's order", () -> sorting(browser).startsWith("[" + DUE_DATE_DESC));
      browser.waitUntil("the list follows it", () -> listed(browser).equals(List.of(later, soon)));
      browser.driver().navigate().refresh();
      browser.waitUntil("the list is back after the reload", () -> listed(browser).size() == 2);
      assertThat(sorting(browser)).startsWith("[" + DUE_DATE_DESC);
      assertThat(browser.waitFor(SORTED_BY).getText()).isEqualTo("Data di scadenza");
      assertThat(listed(browser)).containsExactly(later, soon);

      // an address with no sorting (a task's link): due date first again
      browser.tasklist("#/?task=" + later, CLAIM);
      browser.waitUntil("the address names the due date order", () -> sorting(browser).startsWith("[" + DUE_DATE_ASC));
      browser.waitUntil("the list follows it", () -> listed(browser).equals(List.of(soon, later)));
    }
  }

  @Test
  void shouldRefuseAFormInItalianAndLeaveTheTaskOpen() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    String interview = api.taskOf(started.pathwayId(), TASK_INTAKE_INTERVIEW);

    try (Browser browser = Browser.open(api.port()).loginToTasklist(LAB_LORENTEGGIO)) {
      browser.tasklist("#/?task=" + interview, CLAIM);
      browser.click(CLAIM);
      browser.waitFor(By.cssSelector(".fjs-form"));
      browser.waitUntil("the selects ask in Italian", () -> !browser.all(By.cssSelector(".fjs-select-display")).isEmpty()
          && browser.all(By.cssSelector(".fjs-select-display")).stream()
              .allMatch(select -> select.getText().equals("Seleziona")));

      // sent empty: every required answer is asked for, in Italian
      browser.click(COMPLETE);
      browser.waitUntil("the form says what is missing", () -> browser.all(FIELD_ERRORS).size() >= 10);
      assertThat(browser.all(FIELD_ERRORS)).extracting(WebElement::getText)
          .containsOnly("Il campo è obbligatorio.");

      // a note longer than 4,000 characters: the limit, in Italian
      WebElement note = browser.waitFor(By.xpath(TasklistPersonBrowserTest.formField("Nota") + "//textarea"));
      note.sendKeys("a".repeat(4001));
      browser.click(By.xpath("//label[contains(normalize-space(.),'Nota')]"));
      browser.waitUntil("the form says the note is too long", () -> browser.all(FIELD_ERRORS).stream()
          .anyMatch(error -> error.getText().equals("Il campo deve avere al massimo 4000 caratteri.")));
      assertThat(browser.waitFor(COMPLETE).isEnabled()).as("Completa, with errors in the form").isFalse();
      String page = browser.text();
      assertThat(page).doesNotContain("Field").doesNotContain("required").doesNotContain("Select");
      browser.screenshot("tasklist-form-messages");
    }

    // nothing reached the engine: the task is open, claimed, and holds no answer
    assertThat(api.task(interview)).isNotNull();
    assertThat(api.task(interview).getAssignee()).isEqualTo(LAB_LORENTEGGIO);
    assertThat(api.historicVariableRows(started.pathwayId(), "consentGiven")).isZero();
    assertThat(api.historicVariableRows(started.pathwayId(), "note")).isZero();
  }

  @Test
  void shouldShowTheDateFieldAndItsCalendarInItalian() {
    ApiFixtures.Started handedOver = api.pathwayAtFirstAppointment(LORENTEGGIO, "SOLCO");
    String appointment = api.taskOf(handedOver.pathwayId(), TASK_FIRST_APPOINTMENT);

    try (Browser browser = Browser.open(api.port()).loginToTasklist(OPERATOR_LORENTEGGIO)) {
      browser.tasklist("#/?task=" + appointment, CLAIM);
      browser.click(CLAIM);
      WebElement date = browser.waitFor(By.cssSelector(".fjs-form input.flatpickr-input"));
      browser.waitUntil("the date's format is Italian",
          () -> String.valueOf(date.getDomAttribute("placeholder")).contains("aaaa"));
      assertThat(date.getDomAttribute("placeholder")).matches("[mg]{2}/[mg]{2}/aaaa");
      assertThat(browser.all(By.cssSelector(".fjs-form .flatpickr-weekday"))).extracting(day ->
          day.getDomProperty("textContent").trim()).startsWith("Lun", "Mar", "Mer");
      assertThat(browser.all(By.cssSelector(".fjs-form .flatpickr-monthDropdown-month"))).extracting(month ->
          month.getDomProperty("textContent").trim()).contains("Gennaio", "Dicembre");
    }
  }

  /** The ids of the listed tasks, in the list's order (each card links to {@code #/?task=<id>}). */
  private static List<String> listed(Browser browser) {
    return browser.all(CARD_LINKS).stream().map(link -> link.getDomAttribute("href"))
        .map(href -> href.substring(href.indexOf("task=") + "task=".length()).split("&")[0]).toList();
  }

  /** The {@code sorting} parameter of Tasklist's address, decoded ("" without one). */
  private static String sorting(Browser browser) {
    String url = URLDecoder.decode(browser.driver().getCurrentUrl(), StandardCharsets.UTF_8);
    int at = url.indexOf("sorting=");
    return at < 0 ? "" : url.substring(at + "sorting=".length()).split("&")[0];
  }

  /** A person's name for the user, as the demo users have (Tasklist shows it in its header). */
  private void named(String userId, String firstName, String lastName) {
    IdentityService identity = context.getBean(IdentityService.class);
    User user = identity.createUserQuery().userId(userId).singleResult();
    user.setFirstName(firstName);
    user.setLastName(lastName);
    identity.saveUser(user);
  }
}
