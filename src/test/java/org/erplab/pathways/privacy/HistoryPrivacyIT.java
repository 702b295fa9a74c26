package org.erplab.pathways.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.participant.domain.IntakeRecords;
import org.erplab.pathways.pathway.process.IntakeProcess;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.IntakeAnswers;
import org.erplab.pathways.support.DatabaseScan;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine knows no person: the intake interview is completed through every door (our API, engine REST complete,
 * engine REST submit-form, and the Tasklist webapp's own API after a real webapp login), then every row of every
 * Camunda history table, every variable byte array and every runtime table is searched for the fiscal codes, the
 * names, the free-text notes and the special-category values. They must be in our registry, and nowhere else.
 */
@PathwaysSpringTest
class HistoryPrivacyIT {

  private static final String PROJECT = "LORENTEGGIO";
  private static final String LAB = "lab.lorenteggio";

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;
  @Autowired IntakeRecords records;

  private final List<String> markers = new ArrayList<>();

  @Test
  void shouldKeepPersonalAndSpecialCategoryDataOutOfTheEngineWhateverTheDoor() throws Exception {
    // given three people taken in charge, with unique names we can search for
    Pathway viaApi = start();
    Pathway viaEngineRest = start();
    Pathway viaSubmitForm = start();
    Pathway viaTasklist = start();

    // when each completes the intake interview through a different door
    String noteApi = marker("NOTA-API");
    var api = ApiClient.as(port, LAB).post("/api/tasks/" + interviewTask(viaApi) + "/complete",
        Map.of("variables", interview(noteApi, List.of("GENDER_VIOLENCE", "ADDICTION"))));
    assertThat(api.status()).as(api.toString()).isEqualTo(204);

    String noteRest = marker("NOTA-REST");
    var rest = ApiClient.as(port, LAB).post("/engine-rest/task/" + interviewTask(viaEngineRest) + "/complete",
        Map.of("variables", typed(interview(noteRest, List.of("FORMER_DETAINEE")))));
    assertThat(rest.status()).as(rest.toString()).isEqualTo(204);

    String noteForm = marker("NOTA-FORM");
    var form = ApiClient.as(port, LAB).post("/engine-rest/task/" + interviewTask(viaSubmitForm) + "/submit-form",
        Map.of("variables", typed(interview(noteForm, List.of("DISABILITY", "MIGRANT")))));
    assertThat(form.status()).as(form.toString()).isEqualTo(204);

    String noteTasklist = marker("NOTA-TASKLIST");
    int tasklist = submitThroughTasklist(interviewTask(viaTasklist),
        typed(interview(noteTasklist, List.of("GENDER_VIOLENCE"))));
    assertThat(tasklist).isEqualTo(204);

    // then every interview went through and its sensitive values are in the registry
    for (Pathway p : List.of(viaApi, viaEngineRest, viaSubmitForm, viaTasklist)) {
      assertThat(taskService.createTaskQuery().processInstanceBusinessKey(p.id().toString())
          .taskDefinitionKey(IntakeProcess.Elements.TASK_INTAKE_INTERVIEW).count()).isZero();
      assertThat(records.vulnerabilities(p.id())).isNotEmpty();
    }
    assertThat(records.vulnerabilities(viaApi.id())).containsExactly("ADDICTION", "GENDER_VIOLENCE");
    assertThat(records.vulnerabilities(viaSubmitForm.id())).containsExactly("DISABILITY", "MIGRANT");
    assertThat(records.notes(viaEngineRest.id())).extracting(IntakeRecords.CaseNote::text).containsExactly(noteRest);
    assertThat(records.notes(viaTasklist.id())).extracting(IntakeRecords.CaseNote::text).containsExactly(noteTasklist);
    // and the history really recorded these completions (so an empty history cannot pass the scan)
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(viaTasklist.subprocess())
        .variableName(IntakeProcess.Variables.EMPLOYMENT_STATUS.name()).count()).isEqualTo(1);

    // and no Camunda table holds any of it
    List<String> tables = DatabaseScan.tables(dataSource,
        t -> t.startsWith("act_hi_") || t.startsWith("act_ru_") || t.equals("act_ge_bytearray"));
    assertThat(tables).contains("act_hi_varinst", "act_hi_detail", "act_hi_dec_in", "act_hi_op_log", "act_ge_bytearray");
    List<String> searched = new ArrayList<>(markers);
    searched.addAll(List.of("GENDER_VIOLENCE", "ADDICTION", "FORMER_DETAINEE", "DISABILITY"));
    List<DatabaseScan.Hit> hits = DatabaseScan.search(dataSource, tables, searched,
        // deployed forms and models name the option codes on purpose; every other byte array is searched
        table -> table.equals("act_ge_bytearray") ? "deployment_id_ is null" : null);
    assertThat(hits).as("personal data found in Camunda tables").isEmpty();
  }

  @Test
  void shouldKeepThePlansRejectionReasonOutOfTheEngine() throws Exception {
    // given a pathway whose plan the operator wrote and sent
    Pathway pathway = start();
    String id = pathway.id().toString();
    planSent(pathway, false);

    // when the CPI rejects it through the API, with a reason
    String reason = marker("MOTIVO-RIFIUTO");
    String approval = taskService.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey("Task_ApprovePlan")
        .singleResult().getId();
    var rejected = ApiClient.as(port, "cpi.milano").post("/api/tasks/" + approval + "/complete",
        Map.of("variables", Map.of("planApproved", false, "rejectionReason", reason)));
    assertThat(rejected.status()).as(rejected.toString()).isEqualTo(204);

    // then the reason is in the case notes, the operator drafts again, and no Camunda table holds the reason
    assertThat(records.notes(pathway.id())).extracting(IntakeRecords.CaseNote::text).contains(reason);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey("Task_DraftPlan")
        .count()).isEqualTo(1);
    List<String> tables = DatabaseScan.tables(dataSource,
        t -> t.startsWith("act_hi_") || t.startsWith("act_ru_") || t.equals("act_ge_bytearray"));
    assertThat(DatabaseScan.search(dataSource, tables, List.of(reason),
        table -> table.equals("act_ge_bytearray") ? "deployment_id_ is null" : null))
        .as("the rejection reason found in Camunda tables").isEmpty();
  }

  @Test
  void shouldKeepTheInternshipExtensionsReasonsOutOfTheEngine() throws Exception {
    // given a pathway in a running internship (its plan foresees one, no course)
    Pathway pathway = start();
    String id = pathway.id().toString();
    planSent(pathway, true);
    completeOpen(id, "Task_ApprovePlan", Map.of("planApproved", true));
    completeOpen(id, "Task_RecordSignature", Map.of("signedOn", EngineClock.today().toString()));
    var agreement = ApiClient.as(port, "operator.lorenteggio").put("/api/pathways/" + id + "/internship", Map.of(
        "host", "Magazzini Lombardi srl", "promoter", "SOLCO", "tutor", "Magazzini Lombardi srl",
        "startDate", EngineClock.today().toString(), "plannedMonths", 3, "weeklyHours", 30));
    assertThat(agreement.status()).as(agreement.toString()).isEqualTo(200);
    completeOpen(id, "Task_InternshipAgreement", Map.of("agreementConfirmed", true));

    // when the operator asks for an extension with a reason, and the CPI rejects it with its own
    String asked = marker("MOTIVO-PROROGA");
    var request = ApiClient.as(port, "operator.lorenteggio").post("/api/pathways/" + id
        + "/internship/extension-requests", Map.of("months", 1, "reason", asked));
    assertThat(request.status()).as(request.toString()).isEqualTo(201);
    String rejection = marker("MOTIVO-RIFIUTO-PROROGA");
    String approval = taskService.createTaskQuery().processInstanceBusinessKey(id)
        .taskDefinitionKey("Task_ApproveExtension").singleResult().getId();
    var rejected = ApiClient.as(port, "cpi.milano").post("/api/tasks/" + approval + "/complete",
        Map.of("variables", Map.of("extensionApproved", false, "rejectionReason", rejection)));
    assertThat(rejected.status()).as(rejected.toString()).isEqualTo(204);

    // then the request's reason is in our table, the rejection's in the case notes, neither in a Camunda table
    assertThat(records.notes(pathway.id())).extracting(IntakeRecords.CaseNote::text).contains(rejection);
    List<String> tables = DatabaseScan.tables(dataSource,
        t -> t.startsWith("act_hi_") || t.startsWith("act_ru_") || t.equals("act_ge_bytearray"));
    assertThat(DatabaseScan.search(dataSource, tables, List.of(asked, rejection),
        table -> table.equals("act_ge_bytearray") ? "deployment_id_ is null" : null))
        .as("the extension's reasons found in Camunda tables").isEmpty();
  }

  /** Eligible, SOLCO, assessed LABOUR (EQF 3): a plan with one service and no course written and sent to the CPI. */
  private void planSent(Pathway pathway, boolean internshipPlanned) {
    String id = pathway.id().toString();
    taskService.complete(interviewTask(pathway), IntakeAnswers.eligible());
    completeOpen(id, "Task_AssignOperator", Map.of("operatorOrganisation", "SOLCO"));
    completeOpen(id, "Task_FirstAppointment", Map.of("appointmentDate", EngineClock.today().toString()));
    completeOpen(id, "Task_SkillsAssessment", Map.of("orientationHours", 12, "readyForWork", true,
        "needsSocialSupport", false, "selfEmploymentInterest", false, "eqfLevel", 3, "availability", "FULL_TIME"));
    var plan = ApiClient.as(port, "operator.lorenteggio").put("/api/pathways/" + id + "/plan", Map.of(
        "services", List.of(Map.of("type", "COACHING", "hours", 10, "cost", 400)), "courses", List.of(),
        "internshipPlanned", internshipPlanned, "indemnityCap", 0));
    assertThat(plan.status()).as(plan.toString()).isEqualTo(201);
    completeOpen(id, "Task_DraftPlan", Map.of("planSubmitted", true));
  }

  private void completeOpen(String pathwayId, String taskKey, Map<String, Object> values) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(pathwayId).taskDefinitionKey(taskKey)
        .singleResult();
    assertThat(task).as("open %s", taskKey).isNotNull();
    taskService.complete(task.getId(), values);
  }

  @Test
  void shouldFindAValueThatDoesReachTheEngine() throws Exception {
    // control: the scan does see a value written to the engine outside a task completion (a declared variable, set
    // by the system: the allow-list refuses any undeclared name, so a marker can only travel in a declared one)
    Pathway pathway = start();
    String marker = marker("CONTROLLO");
    runtimeService.setVariable(pathway.subprocess(), IntakeProcess.Variables.EMPLOYMENT_STATUS.name(), marker);
    List<DatabaseScan.Hit> hits = DatabaseScan.search(dataSource,
        DatabaseScan.tables(dataSource, t -> t.startsWith("act_hi_") || t.startsWith("act_ru_")),
        List.of(marker), table -> null);
    assertThat(hits).extracting(DatabaseScan.Hit::table).contains("act_ru_variable", "act_hi_varinst");
  }

  private record Pathway(UUID id, String subprocess) {}

  private Pathway start() {
    var person = TestPeople.adult();
    Map<String, Object> request = new LinkedHashMap<>(person.asRequest());
    String first = marker("Zefirina");
    String last = marker("Quarzolini");
    request.put("firstName", first);
    request.put("lastName", last);
    markers.add(person.fiscalCode());
    var response = ApiClient.as(port, LAB).post("/api/pathways",
        Map.of("projectCode", PROJECT, "channel", "LAB", "person", request));
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    UUID id = UUID.fromString(response.json().get("pathwayId").asText());
    Task task = interview(id);
    return new Pathway(id, task.getProcessInstanceId());
  }

  private Task interview(UUID pathwayId) {
    return taskService.createTaskQuery().processInstanceBusinessKey(pathwayId.toString())
        .taskDefinitionKey(IntakeProcess.Elements.TASK_INTAKE_INTERVIEW).singleResult();
  }

  private String interviewTask(Pathway pathway) {
    return interview(pathway.id()).getId();
  }

  private String marker(String prefix) {
    String marker = prefix + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
    markers.add(marker);
    return marker;
  }

  private static Map<String, Object> interview(String note, List<String> vulnerabilities) {
    return IntakeAnswers.eligibleWith(Map.of("naspiRecipient", true, "note", note, "vulnerabilities", vulnerabilities));
  }

  /** Engine REST / Tasklist variable format; a checklist travels as a Json value, as Tasklist sends it. */
  private static Map<String, Object> typed(Map<String, Object> values) {
    Map<String, Object> typed = new LinkedHashMap<>();
    values.forEach((name, value) -> {
      if (value instanceof List<?>) {
        typed.put(name, Map.of("value", ApiClient.json(value), "type", "Json"));
      } else if (value instanceof Boolean) {
        typed.put(name, Map.of("value", value, "type", "Boolean"));
      } else {
        typed.put(name, Map.of("value", value, "type", "String"));
      }
    });
    return typed;
  }

  /** Logs in to the webapps like a browser (session cookie + XSRF token) and submits the form like Tasklist does. */
  private int submitThroughTasklist(String taskId, Map<String, Object> variables) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
    String base = "http://localhost:" + port;
    browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    String login = "username=" + URLEncoder.encode(LAB, StandardCharsets.UTF_8) + "&password=demo";
    HttpResponse<String> loggedIn = browser.send(HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", xsrf(cookies))
        .header("Referer", base + "/camunda/app/tasklist/default/")
        .POST(HttpRequest.BodyPublishers.ofString(login)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(200);
    // the login starts a new session; the next request hands out that session's XSRF token, as in a browser
    browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> submitted = browser.send(HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form"))
        .header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", xsrf(cookies))
        .header("Referer", base + "/camunda/app/tasklist/default/")
        .POST(HttpRequest.BodyPublishers.ofString(ApiClient.json(Map.of("variables", variables)))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(submitted.statusCode()).as(submitted.body()).isIn(200, 204);
    return 204;
  }

  private static String xsrf(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse("");
  }

}
