package org.erplab.pathways.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.erplab.pathways.model.ModelDeployment.FilePlan;
import org.erplab.pathways.model.ModelDeployment.FileState;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.Multipart;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.TestDeployments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who owns a model (ADR 0028): a restart deploys a classpath file only when it changed since the last classpath
 * deployment, and never over a manager's newer deployment (unless the key is taken back); {@code GET /api/admin/models}
 * shows each key's version, origin and the state of the shipped file. A restart is the start-up deployment run again,
 * with the classpath files as they are or with one changed.
 */
@PathwaysSpringTest
class ModelOwnershipTest {

  private static final String INTAKE = "processes/intake/intake.bpmn";

  private final int port;
  private final ProcessEngine engine;
  private final RepositoryService repositoryService;
  private final ModelDeployment startUp;
  private TestDeployments deployments;

  @Autowired
  ModelOwnershipTest(@LocalServerPort int port, ProcessEngine engine, ModelDeployment startUp) {
    this.port = port;
    this.engine = engine;
    this.repositoryService = engine.getRepositoryService();
    this.startUp = startUp;
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
  void shouldDeployNothingAtARestartWithUnchangedFiles() {
    long before = repositoryService.createDeploymentQuery().count();

    List<FilePlan> plan = startUp.deploy(engine);

    assertThat(plan).hasSizeGreaterThan(40).allMatch(file -> file.state() == FileState.UNCHANGED);
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
  }

  @Test
  void shouldDeployAChangedClasspathFileAsANewVersionWhenNoManagerDeployedOne() {
    int before = latestIntake();

    List<FilePlan> plan = startUp.deploy(engine, classpathWithChangedIntake());

    assertThat(stateOf(plan, INTAKE)).isEqualTo(FileState.CHANGED);
    assertThat(latestIntake()).isEqualTo(before + 1);
    assertThat(originOfLatestIntake()).isEqualTo(ModelDeployment.DEPLOYMENT_NAME);
  }

  @Test
  void shouldKeepAManagersDeploymentAtARestartWithTheSameClasspathFile() {
    int managers = managerDeploysIntake();

    List<FilePlan> plan = startUp.deploy(engine);

    assertThat(stateOf(plan, INTAKE)).isEqualTo(FileState.UNCHANGED);
    assertThat(latestIntake()).isEqualTo(managers);
    assertThat(originOfLatestIntake()).startsWith("modeler-");
  }

  @Test
  void shouldHoldBackAChangedClasspathFileWhenAManagerDeployedANewerVersion() {
    int managers = managerDeploysIntake();

    List<FilePlan> plan = startUp.deploy(engine, classpathWithChangedIntake());

    assertThat(stateOf(plan, INTAKE)).isEqualTo(FileState.HELD_BACK);
    assertThat(latestIntake()).isEqualTo(managers);
    assertThat(originOfLatestIntake()).startsWith("modeler-");
    // the other files are not held back by a deployment of intake
    assertThat(plan).filteredOn(file -> !file.name().equals(INTAKE)).allMatch(f -> f.state() == FileState.UNCHANGED);
  }

  @Test
  void shouldDeployAChangedClasspathFileOverAManagersDeploymentWhenItsKeyIsTakenBack() {
    int managers = managerDeploysIntake();

    List<FilePlan> plan = new ModelDeployment(Set.of("intake")).deploy(engine, classpathWithChangedIntake());

    assertThat(stateOf(plan, INTAKE)).isEqualTo(FileState.CHANGED);
    assertThat(latestIntake()).isEqualTo(managers + 1);
    assertThat(originOfLatestIntake()).isEqualTo(ModelDeployment.DEPLOYMENT_NAME);
  }

  @Test
  void shouldShowEachModelsVersionAndOrigin() {
    int managers = managerDeploysIntake();

    ApiClient.Response response = ApiClient.as(port, "auditor").get("/api/admin/models");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode intake = row(response.json(), "process", "intake");
    assertThat(intake.path("version").asInt()).isEqualTo(managers);
    assertThat(intake.path("origin").asText()).isEqualTo("manager");
    assertThat(intake.path("deployedAt").asText()).isNotEmpty();
    assertThat(intake.path("shippedFile").asText()).isEqualTo(INTAKE);
    assertThat(intake.path("shippedFileState").asText()).isEqualTo("UNCHANGED");
    JsonNode pathway = row(response.json(), "process", "pathway");
    assertThat(pathway.path("origin").asText()).isEqualTo("classpath");
    assertThat(row(response.json(), "decision", "referral").path("origin").asText()).isEqualTo("classpath");
    assertThat(row(response.json(), "form", "call-back").path("origin").asText()).isEqualTo("classpath");
  }

  @Test
  void shouldShowTheModelsOnlyToManagersAuditorsAndAdministrators() {
    assertThat(ApiClient.as(port, "manager").get("/api/admin/models").status()).isEqualTo(200);
    assertThat(ApiClient.as(port, "admin").get("/api/admin/models").status()).isEqualTo(200);
    for (String user : List.of("lab.lorenteggio", "cpi.milano", "operator.lorenteggio")) {
      ApiClient.Response response = ApiClient.as(port, user).get("/api/admin/models");
      assertThat(response.status()).as(user).isEqualTo(403);
      assertThat(response.isProblem()).isTrue();
    }
    assertThat(ApiClient.anonymous(port).get("/api/admin/models").status()).isEqualTo(401);
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** The manager deploys a changed intake from Camunda Modeler; returns its version. */
  private int managerDeploysIntake() {
    String changed = intake().replace("camunda:priority=\"30\"", "camunda:priority=\"35\"");
    ApiClient.Response response = ApiClient.as(port, "manager").postMultipart("/engine-rest/deployment/create",
        new Multipart().field("deployment-name", "modeler-" + UUID.randomUUID())
            .field("deployment-source", "Camunda Modeler")
            .file("intake.bpmn", "intake.bpmn", "application/octet-stream", changed));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return latestIntake();
  }

  private static String intake() {
    return new String(ModelDeployment.classpathFiles().get(INTAKE), StandardCharsets.UTF_8);
  }

  private static Map<String, byte[]> classpathWithChangedIntake() {
    Map<String, byte[]> files = new LinkedHashMap<>(ModelDeployment.classpathFiles());
    files.put(INTAKE, intake().replace("camunda:priority=\"30\"", "camunda:priority=\"50\"")
        .getBytes(StandardCharsets.UTF_8));
    return files;
  }

  private static FileState stateOf(List<FilePlan> plan, String name) {
    return plan.stream().filter(file -> file.name().equals(name)).findFirst().orElseThrow().state();
  }

  private int latestIntake() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey("intake").latestVersion()
        .singleResult().getVersion();
  }

  private String originOfLatestIntake() {
    String deploymentId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("intake")
        .latestVersion().singleResult().getDeploymentId();
    return repositoryService.createDeploymentQuery().deploymentId(deploymentId).singleResult().getName();
  }

  private static JsonNode row(JsonNode rows, String kind, String key) {
    for (JsonNode row : rows) {
      if (kind.equals(row.path("kind").asText()) && key.equals(row.path("key").asText())) {
        return row;
      }
    }
    throw new AssertionError("no row for " + kind + " " + key + " in " + rows);
  }
}
