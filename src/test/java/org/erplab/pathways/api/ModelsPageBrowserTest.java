package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.MANAGER;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.erplab.pathways.model.ModelDeployment;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.Browser;
import org.erplab.pathways.support.Multipart;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.TestDeployments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The page of the models in use ({@code /modelli.html}), in headless Chromium, in the webapps' session: a manager sees
 * each model's version and origin, the one deployed from Modeler as such; a lab user is told the page is not for her.
 */
@PathwaysSpringTest
class ModelsPageBrowserTest {

  private final int port;
  private final RepositoryService repositoryService;
  private TestDeployments deployments;

  @Autowired
  ModelsPageBrowserTest(@LocalServerPort int port, RepositoryService repositoryService) {
    this.port = port;
    this.repositoryService = repositoryService;
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
  void shouldShowAManagerEachModelsVersionAndOrigin() {
    String intake = new String(ModelDeployment.classpathFiles().get("processes/intake/intake.bpmn"),
        StandardCharsets.UTF_8).replace("camunda:priority=\"30\"", "camunda:priority=\"36\"");
    ApiClient.Response deployed = ApiClient.as(port, MANAGER).postMultipart("/engine-rest/deployment/create",
        new Multipart().field("deployment-name", "modeler-" + UUID.randomUUID())
            .file("intake.bpmn", "intake.bpmn", "application/octet-stream", intake));
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    int version = repositoryService.createProcessDefinitionQuery().processDefinitionKey("intake").latestVersion()
        .singleResult().getVersion();

    try (Browser browser = Browser.open(port).loginToTasklist(MANAGER)) {
      browser.driver().get("http://localhost:" + port + "/modelli.html");
      String intakeRow = browser.waitFor(By.cssSelector("tr[data-key='process:intake']")).getText();
      String pathwayRow = browser.waitFor(By.cssSelector("tr[data-key='process:pathway']")).getText();
      String formRow = browser.waitFor(By.cssSelector("tr[data-key='form:call-back']")).getText();

      assertThat(intakeRow).contains("Processo", "intake", String.valueOf(version), "pubblicato da manager",
          "processes/intake/intake.bpmn");
      assertThat(pathwayRow).contains("applicazione (repository)", "uguale all'ultimo pubblicato dal repository");
      assertThat(formRow).contains("Modulo", "forms/intake/call-back.form");
    }
  }

  @Test
  void shouldTellALabUserThePageIsNotForHer() {
    try (Browser browser = Browser.open(port).loginToTasklist(LAB_LORENTEGGIO)) {
      browser.driver().get("http://localhost:" + port + "/modelli.html");
      browser.waitUntil("the refusal is shown", () -> browser.driver().findElement(By.id("messaggio")).getText()
          .contains("riservata"));
      assertThat(browser.all(By.cssSelector("#modelli tbody tr"))).isEmpty();
    }
  }
}
