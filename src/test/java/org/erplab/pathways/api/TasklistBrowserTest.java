package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.ROME;
import static org.erplab.pathways.api.ApiFixtures.TASK_FIRST_APPOINTMENT;
import static org.erplab.pathways.api.ApiFixtures.TASK_INTAKE_INTERVIEW;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.erplab.pathways.support.Browser;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Tasklist in a real browser (headless Chromium): what a user of the webapps sees and can do with the door rules in
 * place. A decisive yes/no is asked with Sì/No and nothing chosen, and a form sent without it changes nothing; an
 * accredited operator's list holds its own hand-over task and nothing of the lab; and a form filled in the browser
 * (form-js's own values: its date format, its widgets) passes the engine's checks.
 */
@PathwaysSpringTest
class TasklistBrowserTest {

  /** Tasklist 7.24 writes dates as its English locale does. */
  static final DateTimeFormatter TASKLIST_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

  private final ApiFixtures api;

  @Autowired
  TasklistBrowserTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
  }

  @Test
  void shouldAskEveryDecisiveQuestionWithoutAnAnswerChosenAndChangeNothingWhenOneIsLeftOut() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    String taskId = api.taskOf(started.pathwayId(), TASK_INTAKE_INTERVIEW);

    try (Browser browser = Browser.open(api.port()).loginToTasklist(LAB_LORENTEGGIO)) {
      browser.tasklist("#/?task=" + taskId, By.cssSelector("button.claim"));
      browser.click(By.cssSelector("button.claim"));
      browser.waitFor(By.cssSelector(".fjs-form"));

      // every yes/no that decides the path: two choices, Sì and No, and neither chosen
      for (String question : List.of("consenso", "alloggio ERP", "disagio abitativo", "DID", "NASpI")) {
        List<WebElement> choices = radios(browser, question);
        assertThat(choices).as(question).hasSize(2);
        assertThat(choices).as(question).noneMatch(WebElement::isSelected);
        assertThat(labels(browser, question)).as(question).containsExactly("Sì", "No");
      }

      // only consent answered: the form refuses to send, and names what is missing
      radios(browser, "consenso").get(0).click();
      browser.click(By.cssSelector("button[ng-click='complete()']"));
      browser.waitUntil("the form shows what is missing",
          () -> !browser.all(By.cssSelector(".fjs-form-field-error")).isEmpty());
      assertThat(browser.all(By.cssSelector(".fjs-form-field-error")).size()).isGreaterThanOrEqualTo(4);
    }

    // nothing changed: the task is open (claimed by the lab user), no answer reached the engine
    assertThat(api.task(taskId)).isNotNull();
    assertThat(api.task(taskId).getAssignee()).isEqualTo(LAB_LORENTEGGIO);
    assertThat(api.openTaskKeys(started.pathwayId())).containsExactly(TASK_INTAKE_INTERVIEW);
    assertThat(api.historicVariableRows(started.pathwayId(), "consentGiven")).isZero();
  }

  @Test
  void shouldShowAnOperatorOnlyItsHandoverTaskAndAcceptTheFormAsTasklistSendsIt() {
    ApiFixtures.Started atIntake = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    ApiFixtures.Started handedOver = api.pathwayAtFirstAppointment(LORENTEGGIO, "SOLCO");
    String appointmentTask = api.taskOf(handedOver.pathwayId(), TASK_FIRST_APPOINTMENT);
    String interviewTask = api.taskOf(atIntake.pathwayId(), TASK_INTAKE_INTERVIEW);

    try (Browser browser = Browser.open(api.port()).loginToTasklist(OPERATOR_LORENTEGGIO)) {
      browser.waitUntil("the operator's task list shows its hand-over task",
          () -> browser.text().contains("Registrare il primo appuntamento"));
      assertThat(browser.text()).doesNotContain("Colloquio di presa in carico");
      // the lab's task, asked for by its id: Tasklist finds nothing to show
      browser.tasklist("#/?task=" + interviewTask);
      browser.waitUntil("Tasklist says the task is not there",
          () -> !browser.all(By.cssSelector(".task-removed-alert, .no-task")).isEmpty()
              || browser.text().contains("does not exist") || browser.text().contains("not found"));
      assertThat(browser.all(By.cssSelector("button.claim"))).isEmpty();

      browser.tasklist("#/?task=" + appointmentTask, By.cssSelector("button.claim"));
      browser.click(By.cssSelector("button.claim"));
      WebElement date = browser.waitFor(By.cssSelector(".fjs-form input[id*='appointmentDate'], .fjs-form input.flatpickr-input"));
      date.click();
      date.sendKeys(LocalDate.now(ROME).format(TASKLIST_DATE), Keys.ENTER);
      browser.click(By.cssSelector("button[ng-click='complete()']"));
      browser.waitUntil("the task is completed", () -> api.task(appointmentTask) == null);
    }

    assertThat(api.completedBy(appointmentTask)).isEqualTo(OPERATOR_LORENTEGGIO);
    assertThat(api.historicVariableRows(handedOver.pathwayId(), "appointmentDate")).isPositive();
    // the lab's task was not touched
    assertThat(api.task(interviewTask).getAssignee()).isNull();
  }

  /** The radio buttons of the question whose label contains the text. */
  static List<WebElement> radios(Browser browser, String question) {
    return browser.all(By.xpath(field(question) + "//input[@type='radio']"));
  }

  private static List<String> labels(Browser browser, String question) {
    return browser.all(By.xpath(field(question) + "//label[.//input[@type='radio']] | " + field(question)
        + "//input[@type='radio']/following-sibling::*[1]")).stream().map(WebElement::getText)
        .map(String::trim).filter(text -> !text.isEmpty()).distinct().toList();
  }

  static String field(String question) {
    return "//div[contains(@class,'fjs-form-field-radio')][.//label[contains(normalize-space(.),'" + question + "')]]";
  }
}
