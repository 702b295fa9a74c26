package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR;
import static org.erplab.pathways.api.ApiFixtures.BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.CPI_MILANO;
import static org.erplab.pathways.api.ApiFixtures.HOUSING_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LAB_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.MANAGER;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.SOCIAL_LORENTEGGIO;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.erplab.pathways.audit.infrastructure.AuditLog;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The lab's visits and signals over real HTTP (issue 10): an anonymous visitor and a participant of the registry, the
 * signals they raise and who reads them, bad requests that change nothing, a pathway started from a visit, and the
 * audit record's events.
 */
@PathwaysSpringTest
class LabActivityApiTest {

  private final ApiFixtures api;
  private final AuditLog log;

  @Autowired
  LabActivityApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
    this.log = context.getBean(AuditLog.class);
  }

  @BeforeEach
  void givenTheTestUsers() {
    api.ensureTestUsers();
  }

  @Test
  void shouldRecordAnAnonymousVisitorAndAParticipantWithTheirNonIdentifyingFacts() {
    JsonNode anonymous = created(api.as(LAB_LORENTEGGIO).post("/api/lab/visits", anonymousVisit("WORKSHOP")));
    assertThat(anonymous.path("participantId").isNull()).isTrue();
    assertThat(anonymous.path("ageBand").asText()).isEqualTo("55_64");
    assertThat(anonymous.path("citizenshipArea").asText()).isEqualTo("NON_EU");
    assertThat(anonymous.path("originArea").asText()).as("not said").isEqualTo("UNKNOWN");
    assertThat(anonymous.path("gender").asText()).isEqualTo("F");
    assertThat(anonymous.path("age").isNull()).isTrue();
    assertThat(anonymous.path("recordedBy").asText()).isEqualTo(LAB_LORENTEGGIO);

    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    Map<String, Object> visit = visit("DESK");
    visit.put("participantId", started.participantId().toString());
    JsonNode registered = created(api.as(LAB_LORENTEGGIO).post("/api/lab/visits", visit));
    TestPeople.Person person = started.person();
    int age = java.time.Period.between(person.birthDate(), EngineClock.today()).getYears();
    assertThat(registered.path("age").asInt()).isEqualTo(age);
    assertThat(registered.path("ageBand").asText()).isEqualTo(age <= 35 ? "18_35" : age <= 54 ? "36_54"
        : age <= 64 ? "55_64" : "65_PLUS");
    assertThat(registered.path("gender").asText()).isEqualTo(person.gender());
    assertThat(registered.path("originArea").asText()).isEqualTo("IT");

    JsonNode read = ok(api.as(LAB_LORENTEGGIO).get("/api/lab/visits/" + registered.path("id").asText()));
    assertThat(read.path("visit").path("activityType").asText()).isEqualTo("DESK");
    assertThat(ok(api.as(LAB_LORENTEGGIO).get("/api/lab/visits?participant=" + started.participantId())))
        .hasSize(1);
    assertThat(ok(api.as(AUDITOR).get("/api/lab/visits?project=" + LORENTEGGIO + "&maxResults=500"))
        .findValuesAsText("id")).contains(anonymous.path("id").asText(), registered.path("id").asText());
    // another project's lab: not found, not listed
    assertThat(api.as(LAB_BOLLATE).get("/api/lab/visits/" + anonymous.path("id").asText()).status()).isEqualTo(404);
    assertThat(ok(api.as(LAB_BOLLATE).get("/api/lab/visits?maxResults=500")).findValuesAsText("id"))
        .doesNotContain(anonymous.path("id").asText());
    for (String other : List.of(CPI_MILANO, MANAGER, OPERATOR_LORENTEGGIO, SOCIAL_LORENTEGGIO)) {
      assertThat(api.as(other).get("/api/lab/visits").status()).as(other).isEqualTo(403);
    }

    // in the project's audit chain: which visit, no person
    assertThat(log.chain("PROJECT:" + LORENTEGGIO).stream()
        .filter(e -> "LAB_VISIT_RECORDED".equals(e.type()) && e.details().contains(registered.path("id").asText())))
        .singleElement().satisfies(e -> {
          assertThat(e.actor()).isEqualTo(LAB_LORENTEGGIO);
          assertThat(e.details()).doesNotContain(person.fiscalCode(), person.lastName(),
              started.participantId().toString());
        });
  }

  @Test
  void shouldKeepTheAreaOfOriginOfForeignVisitors() {
    Map<String, Object> said = visit("DESK");
    said.put("visitor", Map.of("ageBand", "36_54", "citizenshipArea", "EU", "originArea", "EASTERN_EUROPE"));
    assertThat(created(api.as(LAB_LORENTEGGIO).post("/api/lab/visits", said)).path("originArea").asText())
        .isEqualTo("EASTERN_EUROPE");
    Map<String, Object> italian = visit("DESK");
    italian.put("visitor", Map.of("ageBand", "36_54", "citizenshipArea", "IT"));
    assertThat(created(api.as(LAB_LORENTEGGIO).post("/api/lab/visits", italian)).path("originArea").asText())
        .isEqualTo("IT");
    // a participant's comes from the registry's citizenship, through the table of countries: Peru is Latin America,
    // Senegal Sub-Saharan Africa, and Fiji, not in the table, OTHER
    for (String[] country : new String[][] {{"PE", "LATIN_AMERICA"}, {"FJ", "OTHER"}, {"SN", "SUB_SAHARAN_AFRICA"}}) {
      ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO,
          TestPeople.adult().withCitizenship(country[0]), "LAB");
      Map<String, Object> visit = visit("DESK");
      visit.put("participantId", started.participantId().toString());
      JsonNode registered = created(api.as(LAB_LORENTEGGIO).post("/api/lab/visits", visit));
      assertThat(registered.path("originArea").asText()).as(country[0]).isEqualTo(country[1]);
      assertThat(api.count("select count(*) from pathway_profile where pathway_id = ? and origin_area = ?",
          started.pathwayId(), country[1])).as(country[0]).isEqualTo(1);
    }
  }

  @Test
  void shouldPassSignalsOnAndShowEachOrganisationOnlyThoseForIt() {
    String visit = created(api.as(LAB_LORENTEGGIO).post("/api/lab/visits", anonymousVisit("COURTYARD_MEETING")))
        .path("id").asText();
    String social = created(api.as(LAB_LORENTEGGIO).post("/api/lab/visits/" + visit + "/signals",
        Map.of("category", "SOCIAL_NEED", "passedTo", "SOCIAL_SERVICES"))).path("id").asText();
    String aler = created(api.as(LAB_LORENTEGGIO).post("/api/lab/visits/" + visit + "/signals",
        Map.of("category", "MAINTENANCE", "passedTo", "ALER"))).path("id").asText();
    JsonNode kept = created(api.as(LAB_LORENTEGGIO).post("/api/lab/visits/" + visit + "/signals",
        Map.of("category", "DOCUMENTS")));
    assertThat(kept.path("outcome").asText()).isEqualTo("OPEN");
    assertThat(kept.path("raisedOn").asText()).isEqualTo(EngineClock.today().toString());

    assertThat(ok(api.as(LAB_LORENTEGGIO).get("/api/lab/visits/" + visit)).path("signals")).hasSize(3);
    assertThat(ids(api.as(LAB_LORENTEGGIO).get("/api/lab/signals?maxResults=500")))
        .contains(social, aler, kept.path("id").asText());
    assertThat(ids(api.as(SOCIAL_LORENTEGGIO).get("/api/lab/signals?maxResults=500"))).contains(social)
        .doesNotContain(aler, kept.path("id").asText());
    assertThat(ids(api.as(HOUSING_LORENTEGGIO).get("/api/lab/signals?maxResults=500"))).contains(aler)
        .doesNotContain(social, kept.path("id").asText());
    assertThat(ids(api.as(HOUSING_LORENTEGGIO).get("/api/lab/signals?passedTo=SOCIAL_SERVICES"))).isEmpty();
    assertThat(ids(api.as(CPI_MILANO).get("/api/lab/signals?maxResults=500"))).doesNotContain(social, aler);
    assertThat(ids(api.as(AUDITOR).get("/api/lab/signals?category=MAINTENANCE&maxResults=500"))).contains(aler)
        .doesNotContain(social);
    assertThat(ids(api.as(LAB_BOLLATE).get("/api/lab/signals?maxResults=500"))).doesNotContain(social, aler);
    assertThat(api.as(OPERATOR_LORENTEGGIO).get("/api/lab/signals").status()).isEqualTo(403);

    JsonNode resolved = ok(api.as(LAB_LORENTEGGIO).put("/api/lab/signals/" + aler,
        Map.of("passedTo", "ALER", "outcome", "RESOLVED")));
    assertThat(resolved.path("outcome").asText()).isEqualTo("RESOLVED");
    assertThat(resolved.path("updatedBy").asText()).isEqualTo(LAB_LORENTEGGIO);
    assertThat(api.as(LAB_BOLLATE).put("/api/lab/signals/" + aler, Map.of("outcome", "OPEN")).status())
        .isEqualTo(404);
    assertThat(api.as(LAB_BOLLATE).post("/api/lab/visits/" + visit + "/signals", Map.of("category", "WORK"))
        .status()).isEqualTo(404);
    assertThat(api.as(AUDITOR).put("/api/lab/signals/" + aler, Map.of("outcome", "OPEN")).status()).isEqualTo(403);
  }

  @Test
  void shouldRefuseBadVisitsNamingTheFieldAndRecordNothing() {
    long before = api.count("select count(*) from lab_visit");
    Map<String, Object> both = anonymousVisit("DESK");
    both.put("participantId", UUID.randomUUID().toString());
    assertBad(api.as(LAB_LORENTEGGIO).post("/api/lab/visits", both), "visitor");
    assertBad(api.as(LAB_LORENTEGGIO).post("/api/lab/visits", visit("DESK")), "visitor");
    Map<String, Object> unknown = visit("DESK");
    unknown.put("participantId", UUID.randomUUID().toString());
    assertBad(api.as(LAB_LORENTEGGIO).post("/api/lab/visits", unknown), "participantId");
    Map<String, Object> band = anonymousVisit("DESK");
    band.put("visitor", Map.of("ageBand", "0_17", "citizenshipArea", "IT"));
    assertBad(api.as(LAB_LORENTEGGIO).post("/api/lab/visits", band), "ageBand");
    Map<String, Object> future = anonymousVisit("DESK");
    future.put("visitedOn", EngineClock.today().plusDays(1).toString());
    assertBad(api.as(LAB_LORENTEGGIO).post("/api/lab/visits", future), "visitedOn");
    Map<String, Object> length = anonymousVisit("DESK");
    length.put("durationMinutes", 0);
    assertBad(api.as(LAB_LORENTEGGIO).post("/api/lab/visits", length), "durationMinutes");
    assertBad(api.as(LAB_LORENTEGGIO).post("/api/lab/visits", anonymousVisit("PARTY")), "activityType");
    // the area of origin: one of the areas, and only for a citizen of another country
    Map<String, Object> mars = anonymousVisit("DESK");
    mars.put("visitor", Map.of("ageBand", "36_54", "citizenshipArea", "NON_EU", "originArea", "MARS"));
    assertBad(api.as(LAB_LORENTEGGIO).post("/api/lab/visits", mars), "visitor.originArea");
    for (String area : List.of("IT", "UNKNOWN")) {
      Map<String, Object> notForeign = anonymousVisit("DESK");
      notForeign.put("visitor", Map.of("ageBand", "36_54", "citizenshipArea", area, "originArea", "ASIA"));
      assertBad(api.as(LAB_LORENTEGGIO).post("/api/lab/visits", notForeign), "visitor.originArea");
    }
    Map<String, Object> elsewhere = anonymousVisit("DESK");
    elsewhere.put("projectCode", BOLLATE);
    assertBad(api.as(LAB_LORENTEGGIO).post("/api/lab/visits", elsewhere), "projectCode");
    assertThat(api.as(CPI_MILANO).post("/api/lab/visits", anonymousVisit("DESK")).status()).isEqualTo(403);
    assertThat(api.as(AUDITOR).post("/api/lab/visits", anonymousVisit("DESK")).status()).isEqualTo(403);
    assertThat(api.anonymous().post("/api/lab/visits", anonymousVisit("DESK")).status()).isEqualTo(401);
    assertThat(api.count("select count(*) from lab_visit")).isEqualTo(before);
  }

  @Test
  void shouldStartAPathwayFromAnAnonymousVisitOnceAndLinkThem() {
    String visit = created(api.as(LAB_LORENTEGGIO).post("/api/lab/visits", anonymousVisit("DESK"))).path("id").asText();
    TestPeople.Person person = TestPeople.adult();
    Map<String, Object> request = ApiFixtures.pathwayRequest(LORENTEGGIO, "LAB", person.asRequest());
    request.put("visitId", visit);
    ApiClient.Response started = api.as(LAB_LORENTEGGIO).post("/api/pathways", request);
    assertThat(started.status()).as("%s", started).isEqualTo(201);
    JsonNode linked = ok(api.as(LAB_LORENTEGGIO).get("/api/lab/visits/" + visit)).path("visit");
    assertThat(linked.path("pathwayId").asText()).isEqualTo(started.json().path("pathwayId").asText());
    assertThat(linked.path("participantId").asText()).isEqualTo(started.json().path("participantId").asText());

    long pathways = api.count("select count(*) from pathway");
    Map<String, Object> again = ApiFixtures.pathwayRequest(LORENTEGGIO, "LAB", TestPeople.adult().asRequest());
    again.put("visitId", visit);
    assertBad(api.as(LAB_LORENTEGGIO).post("/api/pathways", again), "visitId");
    String bollateVisit = created(api.as(LAB_BOLLATE).post("/api/lab/visits", withProject(anonymousVisit("DESK"),
        BOLLATE))).path("id").asText();
    Map<String, Object> crossed = ApiFixtures.pathwayRequest(LORENTEGGIO, "LAB", TestPeople.adult().asRequest());
    crossed.put("visitId", bollateVisit);
    assertBad(api.as(LAB_LORENTEGGIO).post("/api/pathways", crossed), "visitId");
    assertThat(api.count("select count(*) from pathway")).isEqualTo(pathways);
  }

  private static Map<String, Object> visit(String type) {
    Map<String, Object> visit = new LinkedHashMap<>();
    visit.put("projectCode", LORENTEGGIO);
    visit.put("visitedOn", EngineClock.today().toString());
    visit.put("activityType", type);
    visit.put("durationMinutes", 45);
    return visit;
  }

  private static Map<String, Object> anonymousVisit(String type) {
    Map<String, Object> visit = visit(type);
    visit.put("visitor", Map.of("gender", "F", "ageBand", "55_64", "citizenshipArea", "NON_EU"));
    return visit;
  }

  private static Map<String, Object> withProject(Map<String, Object> visit, String project) {
    visit.put("projectCode", project);
    return visit;
  }

  private static JsonNode created(ApiClient.Response response) {
    assertThat(response.status()).as("%s", response).isEqualTo(201);
    return response.json();
  }

  private static JsonNode ok(ApiClient.Response response) {
    assertThat(response.status()).as("%s", response).isEqualTo(200);
    return response.json();
  }

  private static List<String> ids(ApiClient.Response response) {
    return ok(response).findValuesAsText("id");
  }

  private static void assertBad(ApiClient.Response response, String field) {
    assertThat(response.status()).as("%s", response).isEqualTo(400);
    assertThat(response.isProblem()).isTrue();
    assertThat(response.body()).contains(field);
  }
}
