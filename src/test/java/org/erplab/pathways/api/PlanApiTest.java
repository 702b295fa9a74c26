package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.CPI_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.CPI_MILANO;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_MESTIERI;
import static org.erplab.pathways.api.ApiFixtures.assertInvalid;
import static org.erplab.pathways.api.ApiFixtures.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The personalised plan over real HTTP: the pathway's operator writes the draft while it is being drafted (versions,
 * caps, field and line named in a 400), nobody else may; whoever reads the pathway reads the plan and its versions.
 * The stage's flow (submission, approval, signature): {@code PathwayProcessTest}.
 */
@PathwaysSpringTest
class PlanApiTest {

  private final ApiFixtures api;
  private final int port;

  @Autowired
  PlanApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
    this.port = port;
    api.ensureTestUsers();
  }

  @Test
  void shouldLetTheOperatorWriteAndRewriteTheDraftAndEveryReaderReadIt() {
    UUID pathway = atPlan();

    ApiClient.Response created = put(OPERATOR_LORENTEGGIO, pathway, plan(services("COACHING", "400.00",
        "TRAINING", "1200.50"), "1500"));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    assertThat(created.json().path("version").asInt()).isEqualTo(1);
    assertThat(created.json().path("status").asText()).isEqualTo("DRAFT");
    assertThat(created.json().path("servicesTotal").decimalValue()).isEqualByComparingTo("1600.50");
    assertThat(created.json().path("indemnityCap").decimalValue()).isEqualByComparingTo("1500.00");

    ApiClient.Response replaced = put(OPERATOR_LORENTEGGIO, pathway, plan(services("ORIENTATION", "100"), "0"));
    assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);
    assertThat(replaced.json().path("version").asInt()).isEqualTo(1);

    for (String reader : List.of(CPI_MILANO, LAB_LORENTEGGIO, OPERATOR_LORENTEGGIO)) {
      JsonNode current = ApiClient.as(port, reader).get(path(pathway)).json();
      assertThat(current.path("version").asInt()).as(reader).isEqualTo(1);
      assertThat(current.path("servicesTotal").decimalValue()).isEqualByComparingTo("100.00");
      assertThat(current.path("services")).singleElement()
          .satisfies(s -> assertThat(s.path("type").asText()).isEqualTo("ORIENTATION"));
      assertThat(current.path("courses")).singleElement().satisfies(c -> {
        assertThat(c.path("code").asText()).isEqualTo("MAG-01");
        assertThat(c.path("startDate").asText()).isEqualTo("2027-01-11");
      });
      ApiClient.Response versions = ApiClient.as(port, reader).get(path(pathway) + "/versions");
      assertThat(versions.status()).isEqualTo(200);
      assertThat(versions.json()).singleElement()
          .satisfies(v -> assertThat(v.path("status").asText()).isEqualTo("DRAFT"));
    }
    assertProblem(ApiClient.as(port, OPERATOR_MESTIERI).get(path(pathway)), 404);
    assertProblem(ApiClient.as(port, CPI_BOLLATE).get(path(pathway) + "/versions"), 404);
  }

  @Test
  void shouldStartANewVersionAfterARejection() {
    UUID pathway = atPlan();
    put(OPERATOR_LORENTEGGIO, pathway, plan(services("COACHING", "400"), "1500"));
    api.completeTask(OPERATOR_LORENTEGGIO, api.taskOf(pathway, "Task_DraftPlan"), Map.of("planSubmitted", true));
    assertProblem(put(OPERATOR_LORENTEGGIO, pathway, plan(services("COACHING", "300"), "1500")), 409);
    api.completeTask(CPI_MILANO, api.taskOf(pathway, "Task_ApprovePlan"),
        Map.of("planApproved", false, "rejectionReason", "troppe ore di coaching"));

    ApiClient.Response second = put(OPERATOR_LORENTEGGIO, pathway, plan(services("COACHING", "300"), "1500"));

    assertThat(second.status()).as("%s", second).isEqualTo(201);
    assertThat(second.json().path("version").asInt()).isEqualTo(2);
    JsonNode versions = ApiClient.as(port, CPI_MILANO).get(path(pathway) + "/versions").json();
    assertThat(versions).extracting(v -> v.path("version").asInt() + ":" + v.path("status").asText())
        .containsExactly("1:REJECTED", "2:DRAFT");
  }

  @Test
  void shouldRefuseAPlanBeyondTheProjectsCapsNamingTheLine() {
    UUID pathway = atPlan();

    ApiClient.Response overCap = put(OPERATOR_LORENTEGGIO, pathway,
        plan(services("COACHING", "1000", "TRAINING", "1500", "JOB_SEARCH", "650", "OTHER", "10"), "2000.01"));

    assertInvalid(overCap, "services[2].cost", "indemnityCap");
    assertThat(overCap.json().path("errors").findValuesAsText("message"))
        .contains("services total 3,150.00 exceeds the project's cap of 3,000.00");
    assertProblem(ApiClient.as(port, CPI_MILANO).get(path(pathway)), 404);
  }

  @Test
  void shouldNameEveryInvalidFieldAndLine() {
    UUID pathway = atPlan();
    Map<String, Object> body = plan(services("HAIRDRESSING", "10"), "100");
    ((Map<String, Object>) ((List<?>) body.get("services")).get(0)).put("hours", 0);
    List<Map<String, Object>> courses = new ArrayList<>((List<Map<String, Object>>) body.get("courses"));
    courses.add(new LinkedHashMap<>(Map.of("code", "MAG-01", "title", "Doppione", "plannedHours", 0,
        "startDate", "2027-03-10", "endDate", "2027-03-01")));
    body.put("courses", courses);
    body.remove("internshipPlanned");

    assertInvalid(put(OPERATOR_LORENTEGGIO, pathway, body), "services[0].type", "services[0].hours",
        "courses[1].code", "courses[1].plannedHours", "courses[1].endDate", "internshipPlanned");
  }

  @Test
  void shouldLetOnlyThePathwaysOperatorWriteThePlanAndOnlyWhileDrafting() {
    UUID pathway = atPlan();
    Map<String, Object> plan = plan(services("COACHING", "400"), "1500");

    assertProblem(put(CPI_MILANO, pathway, plan), 403);
    assertProblem(put(LAB_LORENTEGGIO, pathway, plan), 403);
    assertProblem(put(OPERATOR_MESTIERI, pathway, plan), 404);
    assertProblem(put(OPERATOR_BOLLATE, pathway, plan), 404);
    assertProblem(put(CPI_BOLLATE, pathway, plan), 404);

    UUID notYet = api.pathwayAtFirstAppointment(LORENTEGGIO, "SOLCO").pathwayId();
    assertProblem(put(OPERATOR_LORENTEGGIO, notYet, plan), 409);
    assertThat(ApiClient.as(port, CPI_MILANO).get(path(notYet) + "/versions").json()).isEmpty();
  }

  /** A LORENTEGGIO pathway of SOLCO whose skills assessment chose LABOUR: waiting at Task_DraftPlan. */
  private UUID atPlan() {
    UUID pathway = api.pathwayAtFirstAppointment(LORENTEGGIO, "SOLCO").pathwayId();
    api.completeTask(OPERATOR_LORENTEGGIO, api.taskOf(pathway, "Task_FirstAppointment"),
        Map.of("appointmentDate", EngineClock.today().toString()));
    api.completeTask(OPERATOR_LORENTEGGIO, api.taskOf(pathway, "Task_SkillsAssessment"),
        Map.of("orientationHours", 12, "readyForWork", true, "needsSocialSupport", false,
            "selfEmploymentInterest", false, "eqfLevel", 3, "availability", "FULL_TIME"));
    assertThat(api.openTaskKeys(pathway)).containsExactly("Task_DraftPlan");
    return pathway;
  }

  private ApiClient.Response put(String user, UUID pathway, Map<String, Object> plan) {
    return ApiClient.as(port, user).put(path(pathway), plan);
  }

  private static String path(UUID pathway) {
    return "/api/pathways/" + pathway + "/plan";
  }

  /** Services as type / cost pairs, 10 hours each. */
  private static List<Map<String, Object>> services(String... typesAndCosts) {
    List<Map<String, Object>> services = new ArrayList<>();
    for (int i = 0; i < typesAndCosts.length; i += 2) {
      services.add(new LinkedHashMap<>(Map.of("type", typesAndCosts[i], "hours", 10, "cost",
          new BigDecimal(typesAndCosts[i + 1]))));
    }
    return services;
  }

  private static Map<String, Object> plan(List<Map<String, Object>> services, String indemnityCap) {
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("services", services);
    plan.put("courses", List.of(Map.of("code", "MAG-01", "title", "Logistica di magazzino", "plannedHours", 40,
        "startDate", "2027-01-11", "endDate", "2027-02-12")));
    plan.put("internshipPlanned", true);
    plan.put("indemnityCap", new BigDecimal(indemnityCap));
    return plan;
  }
}
