package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.TASK_INTAKE_INTERVIEW;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.erplab.pathways.pathway.process.EligibilityProcess;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.DatabaseScan;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.WebappClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Auditors change nothing, at every door (issue 9): every write endpoint of our API (found in Spring MVC's own
 * mappings, so a new one is walked too) with the real ids of a pathway, its task, its person and its project; the
 * engine REST writes an auditor could try (start, task actions, variables, suspension, deletion, modification,
 * deployments, filters, users, groups, tenants, authorizations, decisions); and the same through the webapps'
 * session (Tasklist, Cockpit). Each answers 403, and afterwards every table of ours and of the engine holds exactly
 * what it held before.
 */
@PathwaysSpringTest
class AuditorReadOnlyTest {

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");
  /** Tables that a refused request may still write: none but the login throttle's bookkeeping. */
  private static final Set<String> BOOKKEEPING = Set.of("login_throttle");

  private final int port;
  private final ApiFixtures api;
  private final ApplicationContext context;
  private final DataSource dataSource;

  @Autowired
  AuditorReadOnlyTest(@LocalServerPort int port, ApplicationContext context) {
    this.port = port;
    this.context = context;
    this.api = new ApiFixtures(port, context);
    this.dataSource = context.getBean(DataSource.class);
  }

  @Test
  void shouldRefuseEveryChangeByAnAuditorAtEveryDoorAndChangeNothing() throws Exception {
    ApiFixtures.Started pathway = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    String task = api.taskOf(pathway.pathwayId(), TASK_INTAKE_INTERVIEW);
    ProcessDefinition definition = context.getBean(RepositoryService.class).createProcessDefinitionQuery()
        .processDefinitionKey("pathway").latestVersion().list().get(0);
    String filter = context.getBean(FilterService.class).createFilterQuery().list().get(0).getId();
    Map<String, String> values = Map.of(
        "id", pathway.pathwayId().toString(), "entryId", java.util.UUID.randomUUID().toString(),
        "code", LORENTEGGIO, "project", LORENTEGGIO, "name", "callBackWorkingDays",
        "key", "eligibility", "list", "SUSPENSION", "date", "2026-12-24");

    Map<String, String> before = fingerprint();
    List<String> answers = new ArrayList<>();

    // our API: every mapping that changes something
    ApiClient auditor = api.as(AUDITOR);
    RequestMappingHandlerMapping mappings = context.getBean("requestMappingHandlerMapping",
        RequestMappingHandlerMapping.class);
    int walked = 0;
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      for (String pattern : info.getPatternValues()) {
        if (!pattern.startsWith("/api/") || pattern.startsWith("/api/public/")) {
          continue;
        }
        for (RequestMethod method : info.getMethodsCondition().getMethods()) {
          if (method == RequestMethod.GET || method == RequestMethod.HEAD || method == RequestMethod.OPTIONS) {
            continue;
          }
          String path = fill(pattern, values, pathway, task);
          ApiClient.Response response = switch (method) {
            case POST -> auditor.post(path, Map.of());
            case PUT -> auditor.put(path, Map.of());
            case DELETE -> auditor.delete(path, Map.of());
            default -> auditor.post(path, Map.of());
          };
          walked++;
          answers.add(method + " " + path + " -> " + (response.isProblem() ? answer(response) : response.toString()));
        }
      }
    }
    assertThat(walked).as("write endpoints of /api").isGreaterThanOrEqualTo(26);

    // engine REST, as Camunda Modeler or a script would call it
    String instance = pathway.processInstanceId();
    String rest = "/engine-rest";
    Map<String, Object> variables = Map.of("variables", Map.of("stage", Map.of("value", "CLOSED")));
    List<EngineCall> engine = List.of(
        new EngineCall("POST", "/process-definition/key/pathway/tenant-id/" + LORENTEGGIO + "/start", variables),
        new EngineCall("POST", "/process-definition/" + definition.getId() + "/start", variables),
        new EngineCall("PUT", "/process-definition/" + definition.getId() + "/suspended",
            Map.of("suspended", true, "includeProcessInstances", true)),
        new EngineCall("DELETE", "/process-definition/" + definition.getId(), null),
        new EngineCall("POST", "/task/" + task + "/claim", Map.of("userId", AUDITOR)),
        new EngineCall("POST", "/task/" + task + "/complete", variables),
        new EngineCall("POST", "/task/" + task + "/assignee", Map.of("userId", AUDITOR)),
        new EngineCall("POST", "/task/" + task + "/delegate", Map.of("userId", AUDITOR)),
        new EngineCall("POST", "/task/" + task + "/comment/create", Map.of("message", "x")),
        new EngineCall("POST", "/task/" + task + "/variables", Map.of("modifications", Map.of("stage",
            Map.of("value", "CLOSED")))),
        new EngineCall("PUT", "/task/" + task + "/localVariables/stage", Map.of("value", "CLOSED")),
        new EngineCall("PUT", "/task/" + task, Map.of("name", "x", "assignee", AUDITOR)),
        new EngineCall("DELETE", "/task/" + task, null),
        new EngineCall("POST", "/task/create", Map.of("id", "auditor-task", "name", "x")),
        new EngineCall("POST", "/process-instance/" + instance + "/variables", Map.of("modifications",
            Map.of("stage", Map.of("value", "CLOSED")))),
        new EngineCall("PUT", "/process-instance/" + instance + "/variables/stage", Map.of("value", "CLOSED")),
        new EngineCall("PUT", "/process-instance/" + instance + "/suspended", Map.of("suspended", true)),
        new EngineCall("POST", "/process-instance/" + instance + "/modification", Map.of("instructions",
            List.of(Map.of("type", "startBeforeActivity", "activityId", "EndEvent_Ineligible")))),
        new EngineCall("DELETE", "/process-instance/" + instance, null),
        new EngineCall("POST", "/process-instance/delete", Map.of("processInstanceIds", List.of(instance),
            "deleteReason", "x")),
        // the engine hides deployments from who may not read them: refused as unknown
        new EngineCall("DELETE", "/deployment/" + definition.getDeploymentId(), null, 404),
        new EngineCall("POST", "/decision-definition/key/" + EligibilityProcess.DECISION_ELIGIBILITY + "/evaluate",
            variables),
        new EngineCall("POST", "/filter/create", Map.of("resourceType", "Task", "name", "x", "query", Map.of())),
        new EngineCall("PUT", "/filter/" + filter, Map.of("resourceType", "Task", "name", "x", "query", Map.of())),
        new EngineCall("DELETE", "/filter/" + filter, null),
        new EngineCall("POST", "/user/create", Map.of("profile", Map.of("id", "auditor.made"),
            "credentials", Map.of("password", "Secret-123456"))),
        new EngineCall("DELETE", "/user/" + LAB_LORENTEGGIO, null),
        new EngineCall("POST", "/group/create", Map.of("id", "auditors.made", "name", "x", "type", "x")),
        new EngineCall("DELETE", "/group/lab", null),
        new EngineCall("POST", "/tenant/create", Map.of("id", "MADE", "name", "x")),
        new EngineCall("PUT", "/tenant/" + LORENTEGGIO + "/user-members/" + AUDITOR, null),
        new EngineCall("POST", "/authorization/create", Map.of("type", 1, "permissions", List.of("ALL"),
            "userId", AUDITOR, "resourceType", 0, "resourceId", "*")));
    ApiClient engineRest = api.as(AUDITOR);
    for (EngineCall call : engine) {
      answers.add("engine REST " + call + " -> " + answer(call.refusal(), call.send(
          (m, p, b) -> switch (m) {
            case "POST" -> engineRest.post("/engine-rest" + p, b);
            case "PUT" -> engineRest.put("/engine-rest" + p, b);
            default -> engineRest.delete("/engine-rest" + p);
          })));
    }

    // the webapps (Tasklist, Cockpit): the same engine calls in the auditor's browser session
    WebappClient browser = WebappClient.as(port, AUDITOR);
    for (EngineCall call : engine) {
      answers.add("webapp " + call + " -> " + answer(call.refusal(), call.send(
          (m, p, b) -> switch (m) {
            case "POST" -> browser.post(p, b);
            case "PUT" -> browser.put(p, b);
            default -> browser.delete(p);
          })));
    }

    assertThat(answers).as("every door refuses the auditor (403)")
        .allSatisfy(answer -> assertThat(answer).endsWith("-> refused"));
    Map<String, String> after = fingerprint();
    assertThat(after).as("nothing changed").isEqualTo(before);
  }

  /** An engine call: method, path under the engine's root, JSON body. */
  private record EngineCall(String method, String path, Object body, int refusal) {

    EngineCall(String method, String path, Object body) {
      this(method, path, body, 403);
    }

    interface Door {
      ApiClient.Response send(String method, String path, Object body);
    }

    ApiClient.Response send(Door door) {
      return door.send(method, path, body == null ? Map.of() : body);
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** The status, and the whole answer when it is not a refusal. */
  private static String answer(ApiClient.Response response) {
    return answer(403, response);
  }

  /** "refused" for the expected refusal; otherwise the whole answer. */
  private static String answer(int refusal, ApiClient.Response response) {
    return response.status() == refusal ? "refused" : response.toString();
  }

  private static String fill(String pattern, Map<String, String> values, ApiFixtures.Started pathway, String task) {
    Matcher m = VARIABLE.matcher(pattern);
    StringBuilder path = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value;
      if ("id".equals(name) && pattern.startsWith("/api/tasks/")) {
        value = task;
      } else if ("id".equals(name) && pattern.startsWith("/api/participants/")) {
        value = pathway.participantId().toString();
      } else {
        value = values.get(name);
      }
      assertThat(value).as("a value for {%s} in %s: add one to the test", name, pattern).isNotNull();
      m.appendReplacement(path, Matcher.quoteReplacement(value));
    }
    m.appendTail(path);
    return path.toString();
  }

  /** Per table: its rows and a digest of their content (PostgreSQL's text of each row). */
  private Map<String, String> fingerprint() throws Exception {
    Map<String, String> prints = new TreeMap<>();
    List<String> tables = DatabaseScan.tables(dataSource, t -> !BOOKKEEPING.contains(t)
        && !t.startsWith("flyway_"));
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (String table : tables) {
        try (ResultSet rs = statement.executeQuery("select count(*), md5(coalesce(string_agg(md5(t::text), '' "
            + "order by md5(t::text)), '')) from " + table + " t")) {
          rs.next();
          prints.put(table, rs.getLong(1) + " " + rs.getString(2));
        }
      }
    }
    return prints;
  }
}
