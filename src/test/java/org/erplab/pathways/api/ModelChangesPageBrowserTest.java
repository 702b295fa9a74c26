package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.MigrationApiTest.definitionOf;
import static org.erplab.pathways.api.MigrationApiTest.runBatch;
import static org.erplab.pathways.api.MigrationApiTest.start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.support.Browser;
import org.erplab.pathways.support.OwnProject;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.TestDeployments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The managers' page for a model change ({@code /modifiche.html}, reached from the models page), in headless Chromium
 * in the webapps' session: a manager uploads a changed eligibility decision and reads what it would change on the
 * project's real evaluations, or why the file is refused; moves a project's instances of a test model onto a newer
 * version (a dry run first, an activity mapped, then the real run) and finds the migration in the list. A lab user is
 * told the page is not for her. Screenshots in {@code <build dir>/screenshots} (README, docs/guide/img).
 */
@PathwaysSpringTest
class ModelChangesPageBrowserTest {

  /** As in {@link MigrationApiTest}: the test versions take the key of a real process, deleted after the test. */
  private static final String KEY = MigrationApiTest.KEY;

  private final ApiFixtures api;
  private final ApplicationContext context;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  private TestDeployments deployments;

  @Autowired
  ModelChangesPageBrowserTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
    this.context = context;
  }

  @BeforeEach
  void rememberTheDeployments() {
    deployments = TestDeployments.remember(repositoryService);
  }

  @AfterEach
  void removeTheDeploymentsOfTheTest() {
    deployments.removeNew();
  }

  @Test
  void shouldShowAManagerWhatAChangedDecisionWouldChangeAndWhyAFileIsRefused(@TempDir Path files)
      throws IOException {
    OwnProject project = OwnProject.create(context, "PI", EngineClock.today().plusYears(1));
    DecisionImpactApiTest.interviewed(api, project, 25, Map.of());
    DecisionImpactApiTest.interviewed(api, project, 25, Map.of());
    DecisionImpactApiTest.interviewed(api, project, 45, Map.of());
    Path olderMinimum = Files.writeString(files.resolve("eligibility.dmn"), DecisionImpactApiTest.ageThreshold(30));
    Path outputRenamed = Files.writeString(files.resolve("eligibility-motivo.dmn"),
        Files.readString(Path.of("processes/eligibility/eligibility.dmn")).replace("name=\"reason\"", "name=\"motivo\""));

    try (Browser browser = Browser.open(api.port()).loginToTasklist(project.manager())) {
      page(browser, "/modelli.html");
      browser.waitFor(By.cssSelector("tr[data-key='decision:eligibility']"));
      browser.screenshot("modelli-responsabile");
      browser.click(By.cssSelector("tr[data-key='decision:eligibility'] a"));
      assertThat(new Select(browser.waitFor(By.id("decisionKey"))).getFirstSelectedOption().getAttribute("value"))
          .isEqualTo("eligibility");
      new Select(browser.waitFor(By.id("impactProject"))).selectByValue(project.code());
      browser.waitFor(By.id("dmnFile")).sendKeys(olderMinimum.toString());
      browser.click(By.id("valuta"));

      browser.waitUntil("the impact is shown", () -> text(browser, "esitoEffetto").contains("cambierebbero"));
      assertThat(text(browser, "esitoEffetto")).isEqualTo("2 di 3 valutazioni cambierebbero esito: "
          + "2 ELIGIBLE diventerebbero INELIGIBLE/UNDER_18.");
      List<String> rows = browser.all(By.cssSelector("#transizioni tbody tr")).stream().map(WebElement::getText)
          .toList();
      assertThat(rows).containsExactly("ELIGIBLE INELIGIBLE/UNDER_18 2");
      assertThat(text(browser, "conteggi")).contains("Valutazioni considerate: 3", "Cambierebbero esito: 2",
          "(fatte da una versione precedente): 0");
      assertThat(browser.driver().findElement(By.id("mancanti")).isDisplayed()).isFalse();
      browser.screenshot("modifiche-effetto-decisione");

      browser.driver().findElement(By.id("dmnFile")).sendKeys(outputRenamed.toString());
      browser.click(By.id("valuta"));
      browser.waitUntil("the refusal is shown", () -> text(browser, "esitoEffetto").contains("Non si può fare"));
      assertThat(text(browser, "esitoEffetto")).contains("File: manca l'uscita «reason»: il processo la legge",
          "File: l'uscita «motivo» non c'è nella versione in uso");
      assertThat(browser.driver().findElement(By.id("dettaglioEffetto")).isDisplayed()).isFalse();
      browser.screenshot("modifiche-effetto-rifiutato");
    }
  }

  @Test
  void shouldLetAManagerTryMoveAndFindTheMigrationOfItsInstances() {
    ProcessDefinition v2 = deploy("migration/migration-sample-v2-task-added.bpmn");
    ProcessDefinition v3 = deploy("migration/migration-sample-v3-task-renamed.bpmn");
    OwnProject project = OwnProject.create(context, "PM", EngineClock.today().plusYears(1));
    String atFirst = start(runtimeService, v2, project, "Task_First");
    String atRenamed = start(runtimeService, v2, project, "Task_Second");
    By first = By.cssSelector("#istanze tr[data-id='" + atFirst + "']");
    By renamed = By.cssSelector("#istanze tr[data-id='" + atRenamed + "']");

    try (Browser browser = Browser.open(api.port()).loginToTasklist(project.manager())) {
      page(browser, "/modelli.html");
      browser.click(By.cssSelector("tr[data-key='process:" + KEY + "'] a"));
      new Select(browser.waitFor(By.id("sourceVersion"))).selectByValue(String.valueOf(v2.getVersion()));
      new Select(browser.waitFor(By.id("targetVersion"))).selectByValue(String.valueOf(v3.getVersion()));
      assertThat(browser.driver().findElement(By.id("sposta")).isEnabled()).as("only after a dry run").isFalse();
      browser.click(By.id("prova"));

      assertThat(browser.waitFor(first).getText()).contains(project.code(), "Sì");
      assertThat(browser.waitFor(renamed).getText()).contains(project.code(), "No",
          "ferma in «Task_Second» (Secondo compito): l'attività non ha una corrispondente nella versione "
              + v3.getVersion());
      assertThat(text(browser, "esitoSposta")).contains("1 istanza si può spostare", "1 no");
      scrollTo(browser, "spostamento");
      browser.screenshot("modifiche-spostamento-prova");
      assertThat(definitionOf(runtimeService, atFirst)).as("a dry run moves nothing").isEqualTo(v2.getId());

      browser.click(By.id("aggiungiCorrispondenza"));
      browser.waitFor(By.cssSelector("#corrispondenze input.da")).sendKeys("Task_Second");
      browser.waitFor(By.cssSelector("#corrispondenze input.a")).sendKeys("Task_Check");
      assertThat(browser.driver().findElement(By.id("sposta")).isEnabled()).as("the form changed").isFalse();
      browser.click(By.id("prova"));
      browser.waitUntil("both can move", () -> text(browser, "esitoSposta").contains("2 istanze si possono spostare"));
      browser.click(By.id("sposta"));
      browser.driver().switchTo().alert().accept();
      browser.waitUntil("the migration is started", () -> text(browser, "esitoSposta").contains("Spostamento avviato"));
      assertThat(text(browser, "esitoSposta")).contains("2 istanze passano alla versione " + v3.getVersion());

      // the job executor is off in tests: the batch's jobs are run here
      for (Batch batch : managementService.createBatchQuery().type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION).list()) {
        runBatch(managementService, batch.getId());
      }
      browser.click(By.id("aggiorna"));
      By mine = By.xpath("//table[@id='migrazioni']//tr[td[2][text()='" + project.manager() + "']]");
      browser.waitUntil("the migration is completed", () -> !browser.all(mine).isEmpty()
          && browser.all(mine).get(0).getText().contains("completato"));
      assertThat(browser.all(mine)).hasSize(1);
      assertThat(browser.all(mine).get(0).getText()).contains(KEY, String.valueOf(v2.getVersion()),
          String.valueOf(v3.getVersion()), "Task_Second → Task_Check", "completato");
      scrollTo(browser, "storico");
      browser.screenshot("modifiche-spostamento-fatto");
    }
    assertThat(definitionOf(runtimeService, atFirst)).isEqualTo(v3.getId());
    assertThat(definitionOf(runtimeService, atRenamed)).isEqualTo(v3.getId());
    assertThat(taskService.createTaskQuery().processInstanceId(atRenamed).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_Check");
  }

  @Test
  void shouldTellALabUserThePageIsNotForHer() {
    try (Browser browser = Browser.open(api.port()).loginToTasklist(LAB_LORENTEGGIO)) {
      page(browser, "/modifiche.html");
      browser.waitUntil("the refusal is shown", () -> text(browser, "messaggio").contains("riservata"));
      assertThat(browser.driver().findElement(By.id("strumenti")).isDisplayed()).isFalse();
    }
  }

  // ------------------------------------------------------------------ helpers

  private void page(Browser browser, String path) {
    browser.driver().get("http://localhost:" + api.port() + path);
  }

  private static String text(Browser browser, String id) {
    return browser.driver().findElement(By.id(id)).getText();
  }

  private static void scrollTo(Browser browser, String id) {
    ((JavascriptExecutor) browser.driver())
        .executeScript("document.getElementById(arguments[0]).scrollIntoView();", id);
  }

  private ProcessDefinition deploy(String resource) {
    String deployment = repositoryService.createDeployment().name(KEY).addClasspathResource(resource).deploy().getId();
    return repositoryService.createProcessDefinitionQuery().deploymentId(deployment).singleResult();
  }
}
