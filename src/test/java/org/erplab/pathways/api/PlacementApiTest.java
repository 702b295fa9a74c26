package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.ADMIN;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR;
import static org.erplab.pathways.api.ApiFixtures.CPI_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.CPI_MILANO;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.MANAGER;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_MESTIERI;
import static org.erplab.pathways.api.ApiFixtures.assertInvalid;
import static org.erplab.pathways.api.ApiFixtures.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.participant.domain.IntakeRecords;
import org.erplab.pathways.pathway.process.PlacementProcess;
import org.erplab.pathways.security.Partitions;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.DatabaseScan;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The placement over real HTTP: the hire recorded and verified through the task doors (our API, engine REST, the
 * webapps' engine API that Tasklist calls), every invalid field named with nothing changed, the placement read by
 * whoever reads the pathway ({@code GET /api/pathways/{id}/placement} and the pathway view), and the employer's name,
 * an organisation's, kept in our table and out of every Camunda table. The {@code placement} instance is started as
 * the pathway's call activity will start it (the pathway's model does not call it yet).
 */
@PathwaysSpringTest
class PlacementApiTest {

  private static final String RECORD = PlacementProcess.Elements.TASK_RECORD_PLACEMENT;
  private static final String VERIFY = PlacementProcess.Elements.TASK_VERIFY_PLACEMENT;

  private final ApiFixtures api;
  private final int port;
  private final LocalDate today = EngineClock.today();

  @Autowired RuntimeService runtimeService;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired IntakeRecords intakeRecords;

  @Autowired
  PlacementApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
    this.port = port;
    api.ensureTestUsers();
  }

  @Test
  void shouldShowThePlacementToWhoeverReadsThePathwayAndNobodyElse() {
    UUID pathway = atPlacement();
    api.completeTask(OPERATOR_LORENTEGGIO, api.taskOf(pathway, RECORD), hire("Cooperativa Lavoro Insieme", "PERMANENT",
        today.plusDays(7), null));
    api.completeTask(CPI_MILANO, api.taskOf(pathway, VERIFY), Map.of("placementConfirmed", true));

    for (String reader : List.of(OPERATOR_LORENTEGGIO, CPI_MILANO, LAB_LORENTEGGIO, MANAGER, AUDITOR)) {
      ApiClient.Response read = ApiClient.as(port, reader).get(path(pathway));
      assertThat(read.status()).as("%s reads: %s", reader, read).isEqualTo(200);
      assertThat(read.json().path("placements")).singleElement().satisfies(h -> {
        assertThat(h.path("employerName").asText()).isEqualTo("Cooperativa Lavoro Insieme");
        assertThat(h.path("contractType").asText()).isEqualTo("PERMANENT");
        assertThat(h.path("startDate").asText()).isEqualTo(today.plusDays(7).toString());
        assertThat(h.path("weeklyHours").asInt()).isEqualTo(30);
        assertThat(h.path("recordedBy").asText()).isEqualTo(OPERATOR_LORENTEGGIO);
        assertThat(h.path("verifiedBy").asText()).isEqualTo(CPI_MILANO);
        assertThat(h.path("confirmed").asBoolean()).isTrue();
        assertThat(h.path("counts").asBoolean()).isTrue();
      });
      assertThat(read.json().path("followUps")).extracting(f -> f.path("dueMonth").asInt() + ":" + f.path("state").asText())
          .containsExactly("3:PENDING", "6:PENDING", "12:PENDING");
    }
    JsonNode view = ApiClient.as(port, CPI_MILANO).get("/api/pathways/" + pathway).json();
    assertThat(view.path("stage").asText()).isEqualTo("FOLLOW_UP");
    assertThat(view.path("placement").path("placements")).hasSize(1);
    assertThat(view.path("placement").path("followUps")).hasSize(3);

    assertProblem(ApiClient.as(port, ADMIN).get(path(pathway)), 403);
    for (String outsider : List.of(OPERATOR_MESTIERI, OPERATOR_BOLLATE, CPI_BOLLATE)) {
      assertProblem(ApiClient.as(port, outsider).get(path(pathway)), 404);
    }
    assertProblem(ApiClient.as(port, CPI_MILANO).get(path(UUID.randomUUID())), 404);
  }

  @Test
  void shouldShowNoPlacementBeforeTheStage() {
    UUID pathway = api.pathwayAtFirstAppointment(LORENTEGGIO, "SOLCO").pathwayId();
    JsonNode placement = ApiClient.as(port, CPI_MILANO).get(path(pathway)).json();
    assertThat(placement.path("placements")).isEmpty();
    assertThat(placement.path("followUps")).isEmpty();
  }

  @Test
  void shouldRefuseAnInvalidHireAtEveryDoorNamingTheFieldsAndChangingNothing() {
    UUID pathway = atPlacement();
    String task = api.taskOf(pathway, RECORD);
    Map<String, Object> tooLate = hire("Alfa Spa", "FIXED_TERM", today.plusDays(91), null);
    tooLate.put("weeklyHours", 49);

    assertInvalid(ApiClient.as(port, OPERATOR_LORENTEGGIO).post("/api/tasks/" + task + "/complete",
        ApiFixtures.body(hire("Alfa Spa", "FIXED_TERM", today.plusDays(91), null))), "startDate", "plannedEndDate");
    assertInvalid(ApiClient.as(port, OPERATOR_LORENTEGGIO).post("/api/tasks/" + task + "/complete",
        ApiFixtures.body(tooLate)), "weeklyHours");
    Map<String, Object> missing = new LinkedHashMap<>();
    missing.put("plannedEndDate", today.toString());
    assertInvalid(ApiClient.as(port, OPERATOR_LORENTEGGIO).post("/api/tasks/" + task + "/complete",
        ApiFixtures.body(missing)), "employerName", "contractType", "startDate", "weeklyHours");
    assertEngineInvalid(Doors.engine(port, Doors.Door.REST, OPERATOR_LORENTEGGIO).post("/task/" + task + "/complete",
        Map.of("variables", Doors.typedAll(hire("Alfa Spa", "PERMANENT", today, today.plusDays(30))))),
        "plannedEndDate");
    assertEngineInvalid(Doors.engine(port, Doors.Door.REST, OPERATOR_LORENTEGGIO).post("/task/" + task + "/submit-form",
        Map.of("variables", Doors.typedAll(hire("Alfa Spa", "TEMPORARY_AGENCY", today, today)))), "plannedEndDate");

    // nothing changed: the task is open, nothing filed, the operator's stage unchanged
    assertThat(api.openTaskKeys(pathway)).containsExactly(RECORD);
    assertThat(ApiClient.as(port, CPI_MILANO).get(path(pathway)).json().path("placements")).isEmpty();
    assertThat(api.pathwayRecord(pathway).get("stage")).isEqualTo("PLACEMENT");

    // the CPI's reason is required when it does not confirm, at every door
    api.completeTask(OPERATOR_LORENTEGGIO, task, hire("Alfa Spa", "PERMANENT", today, null));
    String verify = api.taskOf(pathway, VERIFY);
    assertInvalid(ApiClient.as(port, CPI_MILANO).post("/api/tasks/" + verify + "/complete",
        ApiFixtures.body(Map.of("placementConfirmed", false))), "rejectionReason");
    assertEngineInvalid(Doors.engine(port, Doors.Door.REST, CPI_MILANO).post("/task/" + verify + "/complete",
        Map.of("variables", Doors.typedAll(Map.of("placementConfirmed", false, "rejectionReason", " ")))),
        "rejectionReason");
    assertThat(api.openTaskKeys(pathway)).containsExactly(VERIFY);
  }

  @Test
  void shouldKeepTheEmployerAndTheReasonOutOfTheEngineWhateverTheDoor() throws Exception {
    UUID pathway = atPlacement();
    String viaApi = "Marcatore Api " + UUID.randomUUID();
    String viaRest = "Marcatore Rest " + UUID.randomUUID();
    String viaForm = "Marcatore Form " + UUID.randomUUID();
    String viaTasklist = "Marcatore Tasklist " + UUID.randomUUID();
    String reason = "Motivo " + UUID.randomUUID();

    // recorded through our API, not confirmed (with a reason) through engine REST
    api.completeTask(OPERATOR_LORENTEGGIO, api.taskOf(pathway, RECORD), hire(viaApi, "OTHER", today, null));
    ApiClient.Response rejected = Doors.engine(port, Doors.Door.REST, CPI_MILANO).post("/task/"
        + api.taskOf(pathway, VERIFY) + "/complete", Map.of("variables", Doors.typedAll(
            Map.of("placementConfirmed", false, "rejectionReason", reason))));
    assertThat(rejected.status()).as("%s", rejected).isEqualTo(204);
    // recorded again through engine REST complete, confirmed; it does not count, recorded again through submit-form
    ApiClient.Response rest = Doors.engine(port, Doors.Door.REST, OPERATOR_LORENTEGGIO).post("/task/"
        + api.taskOf(pathway, RECORD) + "/complete", Map.of("variables",
            Doors.typedAll(hire(viaRest, "TEMPORARY_AGENCY", today, today.plusDays(60)))));
    assertThat(rest.status()).as("%s", rest).isEqualTo(204);
    api.completeTask(CPI_MILANO, api.taskOf(pathway, VERIFY), Map.of("placementConfirmed", true));
    ApiClient.Response form = Doors.engine(port, Doors.Door.REST, OPERATOR_LORENTEGGIO).post("/task/"
        + api.taskOf(pathway, RECORD) + "/submit-form", Map.of("variables",
            Doors.typedAll(hire(viaForm, "OTHER", today, null))));
    assertThat(form.status()).as("%s", form).isEqualTo(204);
    api.completeTask(CPI_MILANO, api.taskOf(pathway, VERIFY), Map.of("placementConfirmed", true));
    // and last through the webapps' engine API, as Tasklist submits a form after a login
    ApiClient.Response tasklist = Doors.engine(port, Doors.Door.WEB, OPERATOR_LORENTEGGIO).post("/task/"
        + api.taskOf(pathway, RECORD) + "/submit-form", Map.of("variables",
            Doors.typedAll(hire(viaTasklist, "PERMANENT", today, null))));
    assertThat(tasklist.status()).as("%s", tasklist).isEqualTo(204);

    // then the employers are in our table, the reason in the case notes
    assertThat(ApiClient.as(port, CPI_MILANO).get(path(pathway)).json().path("placements"))
        .extracting(h -> h.path("employerName").asText() + ":" + h.path("confirmed").asText())
        .containsExactly(viaApi + ":false", viaRest + ":true", viaForm + ":true", viaTasklist + ":null");
    assertThat(intakeRecords.notes(pathway)).extracting(IntakeRecords.CaseNote::text).contains(reason);
    // and in no Camunda table
    List<String> tables = DatabaseScan.tables(dataSource,
        t -> t.startsWith("act_hi_") || t.startsWith("act_ru_") || t.equals("act_ge_bytearray"));
    assertThat(tables).contains("act_hi_varinst", "act_hi_detail", "act_hi_dec_in");
    assertThat(DatabaseScan.search(dataSource, tables, List.of(viaApi, viaRest, viaForm, viaTasklist, reason),
        table -> table.equals("act_ge_bytearray") ? "deployment_id_ is null" : null))
        .as("the employer or the reason found in Camunda tables").isEmpty();
    // while the facts the decision needs did reach it (so an empty history cannot pass the scan)
    assertThat(DatabaseScan.search(dataSource, List.of("act_hi_varinst"), List.of("TEMPORARY_AGENCY"), t -> null))
        .isNotEmpty();
  }

  // ---- helpers

  /** Engine REST answers in Camunda's error format, with the same {@code errors} naming the fields. */
  private static void assertEngineInvalid(ApiClient.Response response, String... fields) {
    assertThat(response.status()).as("%s", response).isEqualTo(400);
    assertThat(ApiFixtures.errorFields(response)).as("errors of %s", response).containsExactlyInAnyOrder(fields);
  }

  /**
   * A LORENTEGGIO pathway of SOLCO whose plan (no course, no internship) was signed today: the pathway calls the
   * placement, in the operator's part of the project.
   */
  private UUID atPlacement() {
    UUID pathway = api.pathwayWithPlanSignedToday(List.of(), false, BigDecimal.ZERO);
    assertThat(api.pathwayRecord(pathway).get("stage")).isEqualTo("PLACEMENT");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(pathway.toString())
        .processDefinitionKey(PlacementProcess.KEY).singleResult().getTenantId())
        .isEqualTo(Partitions.of(LORENTEGGIO, "SOLCO"));
    assertThat(api.openTaskKeys(pathway)).containsExactly(RECORD);
    return pathway;
  }

  private static Map<String, Object> hire(String employer, String contractType, LocalDate start, LocalDate end) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("employerName", employer);
    values.put("contractType", contractType);
    values.put("startDate", start.toString());
    if (end != null) {
      values.put("plannedEndDate", end.toString());
    }
    values.put("weeklyHours", 30);
    return values;
  }

  private static String path(UUID pathway) {
    return "/api/pathways/" + pathway + "/placement";
  }
}
