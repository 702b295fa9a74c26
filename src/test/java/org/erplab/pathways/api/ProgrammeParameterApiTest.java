package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.ADMIN;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.CPI_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.CPI_MILANO;
import static org.erplab.pathways.api.ApiFixtures.HOUSING_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LAB_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.MANAGER;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.SOCIAL_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.assertInvalid;
import static org.erplab.pathways.api.ApiFixtures.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.project.domain.ProgrammeParameter;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.ProjectParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * {@code /api/projects/{code}/parameters}: every user serving a project reads its parameters, its managers and
 * administrators change one from a day on with a reason (versioned, with who, when, the old value), deadlines created
 * from that day count with the new length while earlier ones keep theirs. The versions written are taken back after
 * each test.
 */
@PathwaysSpringTest
class ProgrammeParameterApiTest {

  static final String MANAGER_BOLLATE = "manager.bollate.test";
  private static final String PARAMETERS = "/api/projects/LORENTEGGIO/parameters";
  private static final String CALL_BACK = PARAMETERS + "/callBackWorkingDays";
  private static final String[] TOUCHED = {"callBackWorkingDays", "intakeInterviewWorkingDays", "followUpMonths",
      "indemnityArrearsShare", "planServicesCap", "internshipDisadvantagedVulnerabilities"};

  private final ApiFixtures api;
  private final ApplicationContext context;

  @Autowired
  ProgrammeParameterApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
    this.context = context;
  }

  @BeforeEach
  void users() {
    api.ensureTestUsers();
    api.ensureUser(MANAGER_BOLLATE, "manager", "REGIONE_LOMBARDIA", BOLLATE);
  }

  @AfterEach
  void takeBack() {
    ClockUtil.reset();
    ProjectParameters.clear(context, LORENTEGGIO, TOUCHED);
    ProjectParameters.clear(context, BOLLATE, TOUCHED);
  }

  @ParameterizedTest
  @ValueSource(strings = {LAB_LORENTEGGIO, CPI_MILANO, OPERATOR_LORENTEGGIO, SOCIAL_LORENTEGGIO, HOUSING_LORENTEGGIO,
      MANAGER, AUDITOR, ADMIN})
  void shouldListEveryParameterWithItsDefaultAndTheSettingsHeldElsewhere(String user) {
    ApiClient.Response response = api.as(user).get(PARAMETERS);

    assertThat(response.status()).as("%s", response).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.path("projectCode").asText()).isEqualTo(LORENTEGGIO);
    assertThat(body.path("parameters").findValuesAsText("name"))
        .hasSize(ProgrammeParameter.values().length).contains("callBackWorkingDays", "indemnityHourlyRate");
    JsonNode callBack = byName(body.path("parameters"), "callBackWorkingDays");
    assertThat(callBack.path("label").asText()).isEqualTo("Richiamata della persona");
    assertThat(callBack.path("type").asText()).isEqualTo("WORKING_DAYS");
    assertThat(callBack.path("unit").asText()).isEqualTo("giorni lavorativi");
    assertThat(callBack.path("defaultValue").asText()).isEqualTo("5");
    assertThat(callBack.path("value").asText()).isEqualTo("5");
    assertThat(callBack.path("source").asText()).isEqualTo("DEFAULT");
    assertThat(callBack.path("validFrom").isNull()).isTrue();
    assertThat(callBack.path("history").asText()).isEqualTo(CALL_BACK + "/history");
    JsonNode elsewhere = body.path("elsewhere");
    assertThat(byName(elsewhere, "patronDay").path("value").asText()).isEqualTo("12-07 Sant'Ambrogio");
    assertThat(byName(elsewhere, "patronDay").path("href").asText()).isEqualTo("/api/projects/LORENTEGGIO/calendar");
    assertThat(byName(elsewhere, "closures").path("href").asText()).isEqualTo("/api/projects/LORENTEGGIO/closures");
    assertThat(byName(elsewhere, "endDate").path("href").asText()).isEqualTo("/api/projects/LORENTEGGIO/end-date");
    assertThat(api.as(user).get(CALL_BACK).json().path("value").asText()).isEqualTo("5");
    assertThat(api.as(user).get(CALL_BACK + "/history").json()).isEmpty();
  }

  @Test
  void shouldLetAManagerChangeAParameterFromTodayAndFromALaterDayWithItsHistory() {
    LocalDate today = EngineClock.today();
    ApiClient.Response now = api.as(MANAGER).put(CALL_BACK, change("7", today, "Più tempo per richiamare"));

    assertThat(now.status()).as("%s", now).isEqualTo(200);
    assertThat(now.json().path("value").asText()).isEqualTo("7");
    assertThat(now.json().path("source").asText()).isEqualTo("PROJECT");
    assertThat(now.json().path("validFrom").asText()).isEqualTo(today.toString());

    LocalDate later = today.plusDays(30);
    ApiClient.Response scheduled = api.as(MANAGER).put(CALL_BACK, change(" 9 ", later, "Nuovo accordo regionale"));
    assertThat(scheduled.status()).as("%s", scheduled).isEqualTo(200);
    assertThat(scheduled.json().path("value").asText()).as("still today's value").isEqualTo("7");
    assertThat(scheduled.json().path("scheduled").get(0).path("value").asText()).isEqualTo("9");
    assertThat(scheduled.json().path("scheduled").get(0).path("validFrom").asText()).isEqualTo(later.toString());

    JsonNode history = api.as(OPERATOR_LORENTEGGIO).get(CALL_BACK + "/history").json();
    assertThat(history).hasSize(2);
    assertThat(history.get(0).path("value").asText()).isEqualTo("9");
    assertThat(history.get(0).path("previousValue").asText()).isEqualTo("7");
    assertThat(history.get(0).path("validFrom").asText()).isEqualTo(later.toString());
    assertThat(history.get(0).path("reason").asText()).isEqualTo("Nuovo accordo regionale");
    assertThat(history.get(1).path("previousValue").asText()).as("the default it replaced").isEqualTo("5");
    assertThat(history.get(1).path("changedBy").asText()).isEqualTo(MANAGER);
    assertThat(history.get(1).path("changedAt").asText()).isNotBlank();

    // on the later day the later value counts
    ClockUtil.setCurrentTime(Date.from(later.atTime(9, 0).atZone(EngineClock.ZONE).toInstant()));
    assertThat(api.as(LAB_LORENTEGGIO).get(CALL_BACK).json().path("value").asText()).isEqualTo("9");
    // only LORENTEGGIO changed
    assertThat(api.as(LAB_BOLLATE).get("/api/projects/BOLLATE/parameters/callBackWorkingDays").json()
        .path("value").asText()).isEqualTo("5");
  }

  @Test
  void shouldGiveDeadlinesCreatedFromTheValidityDayTheNewLengthAndLeaveEarlierOnesAlone() {
    LocalDate tomorrow = EngineClock.today().plusDays(1);
    assertThat(api.as(MANAGER).put(PARAMETERS + "/intakeInterviewWorkingDays",
        change("3", tomorrow, "Colloqui più rapidi")).status()).isEqualTo(200);

    UUID before = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO).pathwayId();
    ClockUtil.setCurrentTime(Date.from(tomorrow.atTime(9, 0).atZone(EngineClock.ZONE).toInstant()));
    UUID after = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO).pathwayId();

    assertThat(intakeDeadlineLength(before)).as("created before the day: the default").isEqualTo(10);
    assertThat(intakeDeadlineLength(after)).as("created on the day: the new value").isEqualTo(3);
    assertThat(intakeDeadlineLength(before)).as("and the earlier one keeps its length").isEqualTo(10);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "callBackWorkingDays|0", "callBackWorkingDays|61", "callBackWorkingDays|5.5", "callBackWorkingDays|cinque",
      "callBackWorkingDays|-3", "planServicesCap|3000,50", "planServicesCap|100000.01", "planServicesCap|12.345",
      "indemnityArrearsShare|4/3", "indemnityArrearsShare|1/0", "indemnityArrearsShare|-0.1",
      "followUpMonths|6,3", "followUpMonths|3,3", "followUpMonths|0,6", "followUpMonths|tre",
      "internshipDisadvantagedVulnerabilities|NONE", "internshipDisadvantagedVulnerabilities|ADDICTION,ADDICTION",
      "internshipDisadvantagedVulnerabilities|ROBBERY"})
  void shouldRefuseAValueOfTheWrongTypeOrOutOfRangeNamingTheField(String name, String value) {
    ApiClient.Response response = api.as(MANAGER).put(PARAMETERS + "/" + name, change(value, null, "Prova"));

    assertInvalid(response, "value");
    assertThat(response.body()).doesNotContain("Prova");
    assertThat(versions()).isZero();
  }

  @Test
  void shouldAcceptTheShapesEachTypeAllowsNormalised() {
    assertThat(api.as(MANAGER).put(PARAMETERS + "/followUpMonths", change(" 3, 6 ,24", null, "Più follow-up"))
        .json().path("value").asText()).isEqualTo("3,6,24");
    assertThat(api.as(MANAGER).put(PARAMETERS + "/indemnityArrearsShare", change("1/3", null, "Patto"))
        .json().path("value").asText()).isEqualTo("1/3");
    assertThat(api.as(MANAGER).put(PARAMETERS + "/planServicesCap", change("3500.50", null, "Budget"))
        .json().path("value").asText()).isEqualTo("3500.50");
    assertThat(api.as(ADMIN).put(PARAMETERS + "/internshipDisadvantagedVulnerabilities",
        change("ADDICTION, MIGRANT", null, "Delibera")).json().path("value").asText()).isEqualTo("ADDICTION,MIGRANT");
  }

  @Test
  void shouldNameEveryInvalidFieldOfAChange() {
    ApiClient manager = api.as(MANAGER);
    LocalDate yesterday = EngineClock.today().minusDays(1);
    assertInvalid(manager.put(CALL_BACK, change("7", yesterday, "Retroattivo")), "validFrom");
    assertInvalid(manager.put(CALL_BACK, change("7", EngineClock.today().plusYears(11), "Lontano")), "validFrom");
    assertInvalid(manager.put(CALL_BACK, change("7", null, " ")), "reason");
    assertInvalid(manager.put(CALL_BACK, change("7", null, "x".repeat(501))), "reason");
    assertInvalid(manager.put(CALL_BACK, change(null, yesterday, null)), "value", "validFrom", "reason");
    assertInvalid(manager.put(CALL_BACK, change("7".repeat(201), null, "Lungo")), "value");
    assertInvalid(manager.put(CALL_BACK, Map.of("value", "7", "validFrom", "domani", "reason", "Data")), "validFrom");
    assertProblem(manager.put(CALL_BACK, Map.of("value", "7", "reason", "Campo in più", "colour", "red")), 400);
    assertThat(versions()).isZero();
  }

  @Test
  void shouldAnswer404ForANameThatIsNoParameter() {
    for (String name : List.of("callBackWorkinDays", "patronDay", "endDate", "closures")) {
      assertProblem(api.as(MANAGER).get(PARAMETERS + "/" + name), 404);
      assertProblem(api.as(MANAGER).get(PARAMETERS + "/" + name + "/history"), 404);
      assertProblem(api.as(MANAGER).put(PARAMETERS + "/" + name, change("7", null, "Prova")), 404);
    }
    assertProblem(api.as(ADMIN).get("/api/projects/ATLANTIDE/parameters"), 404);
    assertThat(versions()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {LAB_LORENTEGGIO, CPI_MILANO, OPERATOR_LORENTEGGIO, SOCIAL_LORENTEGGIO, HOUSING_LORENTEGGIO,
      AUDITOR})
  void shouldLetOnlyManagersAndAdministratorsChangeAParameter(String user) {
    assertProblem(api.as(user).put(CALL_BACK, change("7", null, "Prova")), 403);
    assertThat(versions()).isZero();

    assertThat(api.as(ADMIN).put(CALL_BACK, change("8", null, "Amministratore")).status()).isEqualTo(200);
    assertThat(api.as(user).get(CALL_BACK).json().path("value").asText()).isEqualTo("8");
  }

  @ParameterizedTest
  @ValueSource(strings = {LAB_BOLLATE, CPI_BOLLATE, OPERATOR_BOLLATE, AUDITOR_BOLLATE, MANAGER_BOLLATE})
  void shouldAnswer404ToUsersWhoDoNotServeTheProject(String user) {
    assertProblem(api.as(user).get(PARAMETERS), 404);
    assertProblem(api.as(user).get(CALL_BACK), 404);
    assertProblem(api.as(user).get(CALL_BACK + "/history"), 404);
    // an auditor's write is refused before the project is looked up (auditors change nothing anywhere)
    assertProblem(api.as(user).put(CALL_BACK, change("7", null, "Prova")), user.equals(AUDITOR_BOLLATE) ? 403 : 404);
    assertThat(versions()).isZero();
  }

  @Test
  void shouldLetTheManagerOfAnotherProjectChangeOnlyItsOwn() {
    assertThat(api.as(MANAGER_BOLLATE).put("/api/projects/BOLLATE/parameters/callBackWorkingDays",
        change("6", null, "Bollate")).status()).isEqualTo(200);
    assertThat(api.as(LAB_BOLLATE).get("/api/projects/BOLLATE/parameters/callBackWorkingDays").json()
        .path("value").asText()).isEqualTo("6");
    assertThat(api.as(LAB_LORENTEGGIO).get(CALL_BACK).json().path("value").asText()).isEqualTo("5");
  }

  @Test
  void shouldAnswer401WithoutLogin() {
    assertProblem(api.anonymous().get(PARAMETERS), 401);
    assertProblem(api.anonymous().put(CALL_BACK, change("7", null, "Prova")), 401);
  }

  private long versions() {
    return api.count("select count(*) from programme_parameter_version where project_code = ?", LORENTEGGIO);
  }

  private long intakeDeadlineLength(UUID pathway) {
    return api.count("select length_value from deadline where pathway_id = ? and kind = 'INTAKE_INTERVIEW'", pathway);
  }

  private static Map<String, Object> change(String value, LocalDate validFrom, String reason) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("value", value);
    body.put("validFrom", validFrom == null ? null : validFrom.toString());
    body.put("reason", reason);
    return body;
  }

  private static JsonNode byName(JsonNode list, String name) {
    List<JsonNode> found = new ArrayList<>();
    list.forEach(n -> {
      if (name.equals(n.path("name").asText())) {
        found.add(n);
      }
    });
    assertThat(found).as("%s in %s", name, list).hasSize(1);
    return found.get(0);
  }
}
