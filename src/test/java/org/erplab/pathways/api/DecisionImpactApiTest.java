package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.MANAGER;
import static org.erplab.pathways.api.ApiFixtures.TASK_INTAKE_INTERVIEW;
import static org.erplab.pathways.api.ApiFixtures.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.IntakeAnswers;
import org.erplab.pathways.support.Multipart;
import org.erplab.pathways.support.OwnProject;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code POST /api/admin/decisions/{key}/impact} over real HTTP, on real history: pathways of a project of the test's
 * own go through the intake interview, so Camunda's history holds their eligibility evaluations; a changed
 * {@code eligibility.dmn} (the age threshold moved from 18 to 30) is then re-evaluated on them, without deploying it,
 * and the transitions are counted exactly.
 */
@PathwaysSpringTest
class DecisionImpactApiTest {

  private static final String ELIGIBILITY = "eligibility";
  private static final Path DEPLOYED = Path.of("processes/eligibility/eligibility.dmn");

  private final ApiFixtures api;
  private final ApplicationContext context;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired JdbcClient jdbc;

  @Autowired
  DecisionImpactApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
    this.context = context;
  }

  @Test
  void shouldCountExactlyWhatAMovedAgeThresholdWouldChangeWithoutDeployingIt() throws IOException {
    OwnProject project = OwnProject.create(context, "DI", EngineClock.today().plusYears(1));
    interviewed(project, 25, Map.of());
    interviewed(project, 25, Map.of());
    interviewed(project, 45, Map.of());
    interviewed(project, 25, Map.of("hasDid", false, "employmentStatus", "INACTIVE"));
    interviewed(project, 50, Map.of("residentInErp", false));
    long definitions = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(ELIGIBILITY).count();

    ApiClient.Response response = impact(project.manager(), ELIGIBILITY, ageThreshold(30), "");

    assertThat(response.status()).as("%s", response).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.path("evaluated").asInt()).isEqualTo(5);
    assertThat(body.path("changed").asInt()).isEqualTo(3);
    assertThat(body.path("notAsRecorded").asInt()).isZero();
    assertThat(body.path("missingInputs").size()).isZero();
    assertThat(transitions(body)).containsExactly(
        "[] -> [{\"outcome\":\"INELIGIBLE\",\"reason\":\"UNDER_18\"}] x2",
        "[{\"outcome\":\"TO_VERIFY\",\"reason\":\"NO_DID\"}] -> [{\"outcome\":\"INELIGIBLE\",\"reason\":\"UNDER_18\"},"
            + "{\"outcome\":\"TO_VERIFY\",\"reason\":\"NO_DID\"}] x1");
    assertThat(body.path("summary").asText()).isEqualTo("3 di 5 valutazioni cambierebbero esito: "
        + "2 ELIGIBLE diventerebbero INELIGIBLE/UNDER_18; "
        + "1 TO_VERIFY/NO_DID diventerebbe INELIGIBLE/UNDER_18 + TO_VERIFY/NO_DID.");
    // nothing deployed
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(ELIGIBILITY).count())
        .isEqualTo(definitions);

    // the deployed decision itself changes nothing; the last 2 evaluations only: the inactive 25-year-old without
    // DID, the 50-year-old not resident
    JsonNode same = impact(project.manager(), ELIGIBILITY, Files.readString(DEPLOYED), "").json();
    assertThat(same.path("evaluated").asInt()).isEqualTo(5);
    assertThat(same.path("changed").asInt()).isZero();
    assertThat(same.path("summary").asText()).isEqualTo("Nessuna delle 5 valutazioni cambierebbe esito.");
    JsonNode lastTwo = impact(project.manager(), ELIGIBILITY, ageThreshold(30), "last=2").json();
    assertThat(lastTwo.path("evaluated").asInt()).isEqualTo(2);
    assertThat(lastTwo.path("changed").asInt()).isEqualTo(1);
    // a threshold that only the 45-year-old crosses on top
    JsonNode higher = impact(project.manager(), ELIGIBILITY, ageThreshold(46), "").json();
    assertThat(higher.path("changed").asInt()).isEqualTo(4);
  }

  @Test
  void shouldReadOnlyTheEvaluationsOfTheProjectsOfTheCaller() throws IOException {
    OwnProject mine = OwnProject.create(context, "DM", EngineClock.today().plusYears(1));
    OwnProject other = OwnProject.create(context, "DO", EngineClock.today().plusYears(1));
    interviewed(other, 25, Map.of());

    JsonNode none = impact(mine.manager(), ELIGIBILITY, ageThreshold(30), "").json();
    assertThat(none.path("evaluated").asInt()).isZero();
    assertThat(none.path("summary").asText()).startsWith("Nessuna valutazione di «eligibility»");
    assertThat(impact(other.manager(), ELIGIBILITY, ageThreshold(30), "").json().path("changed").asInt())
        .isEqualTo(1);
    // another project named: 404; a role that does not manage models: 403; nobody logged in: 401
    assertProblem(impact(mine.manager(), ELIGIBILITY, ageThreshold(30), "project=" + other.code()), 404);
    assertThat(impact(other.manager(), ELIGIBILITY, ageThreshold(30), "project=" + other.code()).status())
        .isEqualTo(200);
    for (String user : List.of(other.lab(), other.cpi(), other.auditor(), LAB_LORENTEGGIO)) {
      assertProblem(impact(user, ELIGIBILITY, ageThreshold(30), ""), 403);
    }
    ApiClient.Response anonymous = api.anonymous().postMultipart(path(ELIGIBILITY, ""), dmn(ageThreshold(30)));
    assertThat(anonymous.status()).isEqualTo(401);
  }

  @Test
  void shouldSayWhenAnEvaluationLacksAnInputAndEvaluateItAsEmpty() throws IOException {
    OwnProject project = OwnProject.create(context, "DL", EngineClock.today().plusYears(1));
    interviewed(project, 25, Map.of());
    HistoricDecisionInstance evaluation = historyService.createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(ELIGIBILITY).tenantIdIn(project.code()).singleResult();
    // as if evaluated by an earlier version of the decision that had no age input
    assertThat(jdbc.sql("delete from act_hi_dec_in where dec_inst_id_ = ? and clause_id_ = 'Input_AgeAtIntake'")
        .param(evaluation.getId()).update()).isEqualTo(1);

    JsonNode body = impact(project.manager(), ELIGIBILITY, ageThreshold(30), "").json();

    assertThat(body.path("evaluated").asInt()).isEqualTo(1);
    assertThat(body.path("changed").asInt()).as("an empty age matches no threshold").isZero();
    assertThat(body.path("missingInputs").get(0).path("input").asText()).isEqualTo("ageAtIntake");
    assertThat(body.path("missingInputs").get(0).path("count").asInt()).isEqualTo(1);
    assertThat(body.path("summary").asText()).contains("1 valutazione non aveva il dato «Età alla presa in carico»")
        .contains("dato vuoto");
  }

  @Test
  void shouldRefuseADecisionThatIsNotOursOrAFileThatCannotReplaceTheDeployedOne() throws IOException {
    String deployed = Files.readString(DEPLOYED);
    assertProblem(impact(MANAGER, "no-such-decision", deployed, ""), 404);
    assertProblem(impact(MANAGER, "pathway", deployed, ""), 404);

    assertFileProblem(impact(MANAGER, ELIGIBILITY, "<definitions>not a model", ""), "non è un modello DMN");
    assertFileProblem(impact(MANAGER, ELIGIBILITY, deployed.replace("id=\"eligibility\"", "id=\"eligibility-2\""), ""),
        "non contiene la tabella decisionale «eligibility»");
    assertFileProblem(impact(MANAGER, ELIGIBILITY, deployed.replace("<text>ageAtIntake</text>", "<text>age</text>"),
        ""), "manca l'ingresso «Età alla presa in carico» (ageAtIntake)");
    assertFileProblem(impact(MANAGER, ELIGIBILITY, deployed.replace(
        "id=\"InputExpression_AgeAtIntake\" typeRef=\"integer\"", "id=\"InputExpression_AgeAtIntake\" typeRef=\"string\""),
        ""), "è di tipo integer nella versione in uso e string nel file");
    assertFileProblem(impact(MANAGER, ELIGIBILITY, deployed.replace("name=\"reason\"", "name=\"motivo\""), ""),
        "manca l'uscita «reason»");
    assertFileProblem(impact(MANAGER, ELIGIBILITY, deployed.replace("hitPolicy=\"COLLECT\"", "hitPolicy=\"FIRST\""),
        ""), "hit policy");
    assertFileProblem(impact(MANAGER, ELIGIBILITY, ageRule(deployed, "&lt;&lt; 30"), ""), "non si può");

    ApiClient.Response badLast = impact(MANAGER, ELIGIBILITY, deployed, "last=0");
    assertProblem(badLast, 400);
    assertThat(badLast.json().path("errors").get(0).path("field").asText()).isEqualTo("last");
  }

  // ------------------------------------------------------------------ helpers

  /** A pathway of the project taken in charge by its lab, its intake interview done: one eligibility evaluation. */
  private void interviewed(OwnProject project, int age, Map<String, Object> answers) {
    interviewed(api, project, age, answers);
  }

  /** As {@link #interviewed(OwnProject, int, Map)}, for other tests of the decision impact (its page). */
  static void interviewed(ApiFixtures api, OwnProject project, int age, Map<String, Object> answers) {
    UUID pathway = api.startPathway(project.lab(), project.code(), TestPeople.aged(age), "LAB").pathwayId();
    api.completeTask(project.lab(), api.taskOf(pathway, TASK_INTAKE_INTERVIEW), IntakeAnswers.eligibleWith(answers));
  }

  /** The deployed eligibility decision with the age threshold of rule Rule_Under18 moved to {@code years}. */
  static String ageThreshold(int years) throws IOException {
    return ageRule(Files.readString(DEPLOYED), "&lt; " + years);
  }

  private static String ageRule(String deployed, String test) {
    String rule = "<inputEntry id=\"UnaryTests_Under18_AgeAtIntake\">\n          <text>&lt; 18</text>";
    assertThat(deployed).contains(rule);
    return deployed.replace(rule, "<inputEntry id=\"UnaryTests_Under18_AgeAtIntake\">\n          <text>" + test
        + "</text>");
  }

  private ApiClient.Response impact(String user, String key, String dmn, String query) {
    return api.as(user).postMultipart(path(key, query), dmn(dmn));
  }

  private static String path(String key, String query) {
    return "/api/admin/decisions/" + key + "/impact" + (query.isEmpty() ? "" : "?" + query);
  }

  private static Multipart dmn(String content) {
    return new Multipart().file("file", "eligibility.dmn", "application/xml", content);
  }

  private static List<String> transitions(JsonNode body) {
    List<String> list = new ArrayList<>();
    body.path("transitions").forEach(t -> list.add(t.path("from") + " -> " + t.path("to") + " x" + t.path("count")));
    return list;
  }

  private static void assertFileProblem(ApiClient.Response response, String words) {
    assertProblem(response, 400);
    assertThat(response.json().path("errors")).as("%s", response)
        .anySatisfy(e -> {
          assertThat(e.path("field").asText()).isEqualTo("file");
          assertThat(e.path("message").asText()).contains(words);
        });
  }
}
