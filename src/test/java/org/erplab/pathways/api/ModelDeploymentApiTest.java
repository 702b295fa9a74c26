package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.erplab.pathways.api.ApiFixtures.ADMIN;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR;
import static org.erplab.pathways.api.ApiFixtures.CPI_MILANO;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.MANAGER;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_LORENTEGGIO;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.erplab.pathways.common.process.RefusedModelException;
import org.erplab.pathways.model.ModelDeployment;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.Multipart;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Managers deploy from Camunda Modeler: {@code POST /engine-rest/deployment/create}, multipart, HTTP Basic, as the
 * Modeler sends it. A good model becomes a new version; a model that would break the system is refused with a
 * message in Italian naming what to change, at every door (engine REST, the webapps' engine API, the Java API); only
 * managers and administrators deploy.
 */
@PathwaysSpringTest
class ModelDeploymentApiTest {

  private static final String INTAKE = "processes/intake/intake.bpmn";
  private static final String REFERRAL = "processes/eligibility/referral.dmn";
  private static final String CALL_BACK = "forms/intake/call-back.form";

  private final int port;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Autowired
  ModelDeploymentApiTest(@LocalServerPort int port, RepositoryService repositoryService,
      IdentityService identityService, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
    this.port = port;
    this.jdbc = jdbc;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
  }

  @AfterEach
  void removeTheDeploymentsOfTheTest() {
    // the application's models stay the only deployment the other tests see
    repositoryService.createDeploymentQuery().list().stream()
        .filter(d -> !ModelDeployment.DEPLOYMENT_NAME.equals(d.getName()))
        .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
  }

  // ------------------------------------------------------------------------------------------------ good models

  @Test
  void shouldDeployAGoodChangedProcessAsANewVersion() {
    int before = latestVersion("intake");
    ApiClient.Response response = deploy(MANAGER, file(INTAKE,
        read(INTAKE).replace("name=\"Richiamare la persona registrata\"", "name=\"Richiama la persona\"")));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().path("deployedProcessDefinitions")).hasSize(1);
    assertThat(latestVersion("intake")).isEqualTo(before + 1);
    assertThat(repositoryService.getBpmnModelInstance(repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey("intake").latestVersion().singleResult().getId())
        .getModelElementById("Task_CallBack").getAttributeValue("name")).isEqualTo("Richiama la persona");
    // the audit record says who deployed what
    String deployment = response.json().path("id").asText();
    java.util.Map<String, Object> event = jdbc.sql("select actor, chain_key, details from audit_event "
            + "where event_type = 'MODEL_DEPLOYED' and details like ?")
        .param("%\"deploymentId\":\"" + deployment + "\"%").query().singleRow();
    assertThat(event.get("actor")).isEqualTo(MANAGER);
    assertThat((String) event.get("details")).contains("\"intake:" + (before + 1) + "\"");
  }

  @Test
  void shouldDeployAProcessWithItsFormAndAChangedDecisionAsNewVersions() {
    int decision = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("referral").latestVersion()
        .singleResult().getVersion();
    Multipart modeler = file(INTAKE, read(INTAKE).replace("camunda:priority=\"30\"", "camunda:priority=\"40\""));
    attach(modeler, CALL_BACK, read(CALL_BACK).replace("Esito della chiamata", "Com'è andata la chiamata"));
    attach(modeler, REFERRAL, read(REFERRAL).replace("<text>not(\"NONE\", null)</text>",
        "<text>not(\"NONE\", \"OTHER\", null)</text>"));
    ApiClient.Response response = deploy(ADMIN, modeler);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("referral").latestVersion()
        .singleResult().getVersion()).isEqualTo(decision + 1);
  }

  @Test
  void shouldAnswerTheConnectionCheckOfModeler() {
    // before deploying, Modeler checks the endpoint and the credentials with these calls
    ApiClient manager = ApiClient.as(port, MANAGER);
    assertThat(manager.get("/engine-rest/version").status()).isEqualTo(200);
    assertThat(manager.get("/engine-rest/deployment?maxResults=0").status()).isEqualTo(200);
    assertThat(ApiClient.as(port, MANAGER, "wrong").from(ApiClient.someAddress()).get("/engine-rest/version").status())
        .isEqualTo(401);
  }

  @ParameterizedTest
  @ValueSource(strings = {LAB_LORENTEGGIO, CPI_MILANO, OPERATOR_LORENTEGGIO, AUDITOR})
  void shouldRefuseADeploymentByAnyoneButManagersAndAdministrators(String user) {
    long deployments = repositoryService.createDeploymentQuery().count();
    ApiClient.Response response = deploy(user, file(INTAKE, read(INTAKE)));

    assertThat(response.status()).as(response.body()).isEqualTo(403);
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  // ------------------------------------------------------------------------------------------------ refusals

  @Test
  void shouldRefuseAFileThatIsNoModelNorForm() {
    assertRefused(deploy(MANAGER, new Multipart().file("data", "notes.txt", "text/plain", "nothing to run")),
        "notes.txt", "si pubblicano solo modelli BPMN");
  }

  @Test
  void shouldRefuseAProcessThatIsNotOneOfTheSystem() {
    assertRefused(deploy(MANAGER, file("my-process.bpmn", read(INTAKE).replace("id=\"intake\"", "id=\"my-process\""))),
        "my-process.bpmn", "«my-process» non è uno dei processi del sistema");
  }

  @Test
  void shouldRefuseADecisionThatIsNotOneOfTheSystem() {
    assertRefused(deploy(MANAGER, file("referral.dmn", read(REFERRAL).replace("id=\"referral\"", "id=\"bonus\""))),
        "referral.dmn", "«bonus» non è una delle decisioni del sistema");
  }

  @Test
  void shouldRefuseAFormRefThatResolvesNowhere() {
    assertRefused(deploy(MANAGER, file(INTAKE, read(INTAKE).replace("camunda:formRef=\"call-back\"",
        "camunda:formRef=\"call-back-v2\""))), "intake.bpmn", "usa il modulo «call-back-v2»");
  }

  @Test
  void shouldRefuseADecisionRefThatResolvesNowhere() {
    String eligibility = read("processes/eligibility/eligibility.bpmn");
    assertRefused(deploy(MANAGER, file("processes/eligibility/eligibility.bpmn",
        eligibility.replace("camunda:decisionRef=\"referral\"", "camunda:decisionRef=\"referral-2027\""))),
        "eligibility.bpmn", "usa la decisione «referral-2027», che non esiste");
  }

  @Test
  void shouldRefuseADelegateThatNamesNoBean() {
    assertRefused(deploy(MANAGER, file(INTAKE, read(INTAKE).replace("${recordContactAttempt}", "${recordCall}"))),
        "intake.bpmn", "chiama «recordCall», che non è un componente del sistema");
  }

  @Test
  void shouldRefuseACandidateGroupThatIsNoRole() {
    assertRefused(deploy(MANAGER, file(INTAKE, read(INTAKE).replace("camunda:candidateGroups=\"lab\"",
        "camunda:candidateGroups=\"volontari\""))), "intake.bpmn", "gruppo «volontari», che non è un ruolo");
  }

  @Test
  void shouldRefuseATaskOfAnOrganisationInAProcessThatDoesNotRunInItsPart() {
    // the worklist looks for a task assigned to an organisation only in that organisation's part (ADR 0042)
    assertRefused(deploy(MANAGER, file(INTAKE, read(INTAKE).replace("camunda:candidateGroups=\"lab\"",
        "camunda:candidateGroups=\"${channel}\""))), "intake.bpmn",
        "è assegnato all'organizzazione «${channel}», ma il processo intake non si svolge nella parte");
  }

  @Test
  void shouldRefuseAnUndeclaredVariable() {
    assertRefused(deploy(MANAGER, file(INTAKE, read(INTAKE).replace("${contactOutcome == 'REACHED'}",
        "${esito == 'REACHED'}"))), "intake.bpmn", "usa la variabile «esito», che non è dichiarata");
  }

  @Test
  void shouldRefuseAFormFieldThatIsNoVariableOfItsProcess() {
    assertRefused(deploy(MANAGER, file(CALL_BACK, read(CALL_BACK).replace("\"key\": \"contactOutcome\"",
        "\"key\": \"telefono\""))), "call-back.form", "il campo «telefono» non è una variabile dichiarata");
  }

  @Test
  void shouldRefuseAGeneratedId() {
    assertRefused(deploy(MANAGER, file(INTAKE, read(INTAKE).replace("Flow_ToCallBack", "Flow_0x1y2z3"))),
        "intake.bpmn", "«Flow_0x1y2z3» ha l'id generato da Modeler");
  }

  @Test
  void shouldRefuseAModelWithoutAnIdTheCodeRefersTo() {
    assertRefused(deploy(MANAGER, file(INTAKE, read(INTAKE).replace("Task_CallBack", "Task_Richiamata"))),
        "intake.bpmn", "manca l'elemento «Task_CallBack»");
  }

  @Test
  void shouldRefuseAProcessWithoutHistoryTimeToLive() {
    assertRefused(deploy(MANAGER, file(INTAKE, read(INTAKE).replace(" camunda:historyTimeToLive=\"3650\"", ""))),
        "intake.bpmn", "non ha un «History time to live»");
  }

  @Test
  void shouldRefuseADecisionThatChangesWhatTheProcessReads() {
    assertRefused(deploy(MANAGER, file(REFERRAL, read(REFERRAL).replace("<text>ageAtIntake</text>",
        "<text>age</text>"))), "referral.dmn", "deve leggere gli stessi dati");
  }

  @Test
  void shouldRefuseAFormOfASchemaVersionTasklistCannotRead() {
    assertRefused(deploy(MANAGER, file(CALL_BACK, read(CALL_BACK).replaceFirst("\"schemaVersion\": \\d+",
        "\"schemaVersion\": 19"))), "call-back.form", "versione di schema 19");
  }

  @Test
  void shouldRefuseAFormComponentTasklistCannotShow() {
    assertRefused(deploy(MANAGER, file(CALL_BACK, read(CALL_BACK).replace("\"type\": \"text\"",
        "\"type\": \"documentPreview\""))), "call-back.form", "di tipo «documentPreview», che Tasklist non sa mostrare");
  }

  @Test
  void shouldRefuseADeploymentForOneProject() {
    Multipart body = file(INTAKE, read(INTAKE).replace("camunda:priority=\"30\"", "camunda:priority=\"31\""))
        .field("tenant-id", "LORENTEGGIO");
    assertRefused(deploy(MANAGER, body), "tenant-id", "valgono per tutti i progetti");
  }

  @Test
  void shouldRefuseABrokenModelThroughTheWebappsEngineApi() {
    long deployments = repositoryService.createDeploymentQuery().count();
    ApiClient.Response response = Doors.engine(port, Doors.Door.WEB, MANAGER).postMultipart("/deployment/create",
        file(INTAKE, read(INTAKE).replace("${recordContactAttempt}", "${recordCall}")));

    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().path("message").asText()).contains("«recordCall»");
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void shouldRefuseABrokenModelThroughTheJavaApi() {
    long deployments = repositoryService.createDeploymentQuery().count();
    identityService.setAuthentication(MANAGER, List.of("manager"));
    try {
      assertThatThrownBy(() -> repositoryService.createDeployment().name("java-api")
          .addString("intake.bpmn", read(INTAKE).replace("camunda:candidateGroups=\"lab\"",
              "camunda:candidateGroups=\"volontari\""))
          .deploy())
          .isInstanceOf(RefusedModelException.class)
          .hasMessageContaining("«volontari»");
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  // ---------------------------------------------------------------------------------------------------------------

  private void assertRefused(ApiClient.Response response, String file, String expected) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    String message = response.json().path("message").asText();
    assertThat(message).startsWith(RefusedModelException.SUMMARY).contains(file).contains(expected)
        .doesNotContain("Exception").doesNotContain("ENGINE-");
    assertThat(response.json().findValuesAsText("field")).anyMatch(f -> f.contains(file));
    assertThat(repositoryService.createDeploymentQuery().list())
        .extracting(d -> d.getName()).containsOnly(ModelDeployment.DEPLOYMENT_NAME);
  }

  /** As Camunda Modeler sends it: a name, its source, changed resources only, the files. */
  private ApiClient.Response deploy(String user, Multipart body) {
    return ApiClient.as(port, user).postMultipart("/engine-rest/deployment/create", body);
  }

  /** A deployment of one file, named as Modeler names it (the file name, without the folder). */
  private static Multipart file(String path, String content) {
    return attach(modeler(), path, content);
  }

  /** Another file of the same deployment (Modeler's "attach files"). */
  private static Multipart attach(Multipart body, String path, String content) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return body.file(name, name, "application/octet-stream", content);
  }

  private static Multipart modeler() {
    return new Multipart().field("deployment-name", "modeler-" + UUID.randomUUID())
        .field("deployment-source", "Camunda Modeler").field("deploy-changed-only", "true");
  }

  private static String read(String path) {
    try {
      return Files.readString(Path.of(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int latestVersion(String key) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult()
        .getVersion();
  }
}
