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
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_MESTIERI;
import static org.erplab.pathways.api.ApiFixtures.SOCIAL_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.assertInvalid;
import static org.erplab.pathways.api.ApiFixtures.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.LogCapture;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pathway list and the search over real HTTP (ADR 0027): who sees which pathway (projects × roles ×
 * organisations, the rule of GET /api/pathways/{id}), filters, order and pages, input named when bad; the search only
 * for the roles that read personal files, recorded without the value searched and logged as a read of each file shown.
 */
@PathwaysSpringTest
class PathwayListApiTest {

  private static final String NEWEST = "/api/pathways?sort=-createdAt&maxResults=200";

  private final ApiFixtures api;
  private final JdbcClient jdbc;

  @Autowired
  PathwayListApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
    this.jdbc = context.getBean(JdbcClient.class);
  }

  @Test
  void shouldListForEachCallerOnlyThePathwaysItsOrganisationHasAPartIn() {
    // given a pathway handed to SOLCO and one still at intake, in LORENTEGGIO
    ApiFixtures.Started solco = api.pathwayAtFirstAppointment(LORENTEGGIO, "SOLCO");
    ApiFixtures.Started intake = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    String both = solco.pathwayId() + "," + intake.pathwayId();

    // then whoever sees the whole project lists both
    for (String user : List.of(LAB_LORENTEGGIO, CPI_MILANO, MANAGER, AUDITOR)) {
      assertThat(ids(list(user, NEWEST))).as(user).contains(solco.pathwayId(), intake.pathwayId());
    }
    // SOLCO's operator lists its open pathways only: the one handed to it, not the intake
    List<JsonNode> solcoList = list(OPERATOR_LORENTEGGIO, NEWEST);
    assertThat(ids(solcoList)).contains(solco.pathwayId()).doesNotContain(intake.pathwayId());
    assertThat(solcoList).allSatisfy(item -> {
      assertThat(item.path("operatorOrganisation").asText()).isEqualTo("SOLCO");
      assertThat(item.path("status").asText()).isNotEqualTo("CLOSED");
    });
    // its competitor, social services and ALER (no task of theirs open) and every user of BOLLATE list neither
    for (String user : List.of(OPERATOR_MESTIERI, SOCIAL_LORENTEGGIO, HOUSING_LORENTEGGIO, LAB_BOLLATE, CPI_BOLLATE,
        OPERATOR_BOLLATE, AUDITOR_BOLLATE)) {
      List<JsonNode> seen = list(user, NEWEST);
      assertThat(ids(seen)).as(user + " must not see " + both).doesNotContain(solco.pathwayId(), intake.pathwayId());
    }
    assertThat(list(OPERATOR_MESTIERI, NEWEST))
        .allSatisfy(item -> assertThat(item.path("operatorOrganisation").asText()).isEqualTo("MESTIERI"));
    assertThat(list(LAB_BOLLATE, NEWEST))
        .allSatisfy(item -> assertThat(item.path("projectCode").asText()).isEqualTo(BOLLATE));
    // a role that reads no pathway is refused
    assertProblem(api.as(ADMIN).get("/api/pathways"), 403);
    assertProblem(api.anonymous().get("/api/pathways"), 401);
  }

  @Test
  void shouldListToSocialServicesThePathwaysWithATaskOfTheirsOpen() {
    // given a pathway whose assessment sends the person to the social services: a task of COMUNE_MI's part is open
    UUID pathway = api.pathwayAtSocialReferral();
    String task = api.taskOf(pathway, "Task_SocialReferral");

    // then social services list it and find it; ALER does not
    assertThat(ids(list(SOCIAL_LORENTEGGIO, NEWEST))).contains(pathway);
    assertThat(ids(list(HOUSING_LORENTEGGIO, NEWEST))).doesNotContain(pathway);

    // when they keep the person: the pathway closes, their task is done, they have no part in it any more
    api.completeTask(SOCIAL_LORENTEGGIO, task, Map.of("socialReferralDecision", "KEEP"));
    assertThat(ids(list(SOCIAL_LORENTEGGIO, NEWEST))).doesNotContain(pathway);
    assertThat(ids(list(OPERATOR_LORENTEGGIO, NEWEST))).doesNotContain(pathway);
    assertThat(ids(list(CPI_MILANO, NEWEST + "&status=CLOSED"))).contains(pathway);
  }

  @Test
  void shouldListPathwaysWithoutTheirPerson() {
    ApiFixtures.Started started = api.pathwayAtFirstAppointment(LORENTEGGIO, "SOLCO");

    JsonNode item = itemOf(list(CPI_MILANO, NEWEST), started.pathwayId());
    assertThat(item.path("projectCode").asText()).isEqualTo(LORENTEGGIO);
    assertThat(item.path("operatorOrganisation").asText()).isEqualTo("SOLCO");
    assertThat(item.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(item.path("nextDue").isNull()).as("the first appointment's deadline: %s", item).isFalse();
    String body = api.as(CPI_MILANO).get(NEWEST).body();
    assertThat(body).doesNotContain(started.person().fiscalCode(), started.person().lastName(),
        started.person().firstName(), started.participantId().toString());
  }

  @Test
  void shouldNarrowByProjectStageStatusOperatorAndLateness() {
    ApiFixtures.Started started = api.pathwayAtFirstAppointment(LORENTEGGIO, "MESTIERI");
    UUID id = started.pathwayId();
    String stage = itemOf(list(MANAGER, NEWEST), id).path("stage").asText();

    assertThat(ids(list(MANAGER, NEWEST + "&project=LORENTEGGIO&operator=MESTIERI&status=ACTIVE&stage=" + stage)))
        .contains(id);
    assertThat(list(MANAGER, NEWEST + "&operator=MESTIERI")).allSatisfy(item ->
        assertThat(item.path("operatorOrganisation").asText()).isEqualTo("MESTIERI"));
    assertThat(ids(list(MANAGER, NEWEST + "&operator=SOLCO"))).doesNotContain(id);
    assertThat(ids(list(MANAGER, NEWEST + "&status=CLOSED"))).doesNotContain(id);
    assertThat(ids(list(MANAGER, NEWEST + "&project=BOLLATE"))).doesNotContain(id);
    assertThat(ids(list(MANAGER, NEWEST + "&stage=PLACEMENT"))).doesNotContain(id);
    assertThat(ids(list(MANAGER, NEWEST + "&overdue=true"))).doesNotContain(id);
    assertThat(ids(list(MANAGER, NEWEST + "&overdue=false"))).contains(id);

    // when its deadline has passed
    jdbc.sql("update deadline set due_at = ? where pathway_id = ? and state = 'OPEN'")
        .params(EngineClock.now().minusDays(2), id).update();

    // then it is overdue, with its count
    assertThat(ids(list(MANAGER, NEWEST + "&overdue=true"))).contains(id);
    assertThat(ids(list(MANAGER, NEWEST + "&overdue=false"))).doesNotContain(id);
    assertThat(itemOf(list(MANAGER, NEWEST), id).path("overdueDeadlines").asInt()).isEqualTo(1);
    assertThat(list(MANAGER, NEWEST + "&overdue=true"))
        .allSatisfy(item -> assertThat(item.path("overdueDeadlines").asInt()).isPositive());
  }

  @Test
  void shouldPageAndSort() {
    api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);

    List<JsonNode> firstTwo = list(LAB_LORENTEGGIO, "/api/pathways?sort=-createdAt&maxResults=2");
    assertThat(firstTwo).hasSize(2);
    List<JsonNode> second = list(LAB_LORENTEGGIO, "/api/pathways?sort=-createdAt&maxResults=1&firstResult=1");
    assertThat(ids(second)).containsExactly(ids(firstTwo).get(1));
    assertThat(createdAt(firstTwo.get(0))).isAfterOrEqualTo(createdAt(firstTwo.get(1)));
    List<JsonNode> oldest = list(LAB_LORENTEGGIO, "/api/pathways?sort=createdAt&maxResults=2");
    assertThat(createdAt(oldest.get(0))).isBeforeOrEqualTo(createdAt(oldest.get(1)));

    // by default, the nearest deadline first, pathways without one last
    List<JsonNode> byDue = list(LAB_LORENTEGGIO, "/api/pathways?maxResults=200");
    List<OffsetDateTime> dues = new ArrayList<>();
    boolean noneYet = false;
    for (JsonNode item : byDue) {
      if (item.path("nextDue").isNull()) {
        noneYet = true;
      } else {
        assertThat(noneYet).as("a pathway with a deadline after one without: %s", item).isFalse();
        dues.add(OffsetDateTime.parse(item.path("nextDue").asText()));
      }
    }
    assertThat(dues).isSorted();
  }

  @Test
  void shouldNarrowForAnAuditorByOutcomePseudonymousIdAndTheDaysItWasOpened() {
    // given a pathway closed by the social services keeping the person, and one still at intake
    UUID closed = api.pathwayAtSocialReferral();
    api.completeTask(SOCIAL_LORENTEGGIO, api.taskOf(closed, "Task_SocialReferral"),
        Map.of("socialReferralDecision", "KEEP"));
    String outcome = String.valueOf(api.pathwayRecord(closed).get("outcome"));
    assertThat(outcome).isNotBlank().isNotEqualTo("null");
    ApiFixtures.Started open = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);

    // by outcome: the closed one, and only pathways of that outcome
    List<JsonNode> byOutcome = list(AUDITOR, NEWEST + "&outcome=" + outcome);
    assertThat(ids(byOutcome)).contains(closed).doesNotContain(open.pathwayId());
    assertThat(byOutcome).allSatisfy(item -> {
      assertThat(item.path("status").asText()).isEqualTo("CLOSED");
      assertThat(item.path("outcome").asText()).isEqualTo(outcome);
    });
    assertThat(ids(list(AUDITOR, NEWEST + "&outcome=PLACED"))).doesNotContain(closed);
    // by the person's pseudonymous id: that person's pathway only
    assertThat(ids(list(AUDITOR, NEWEST + "&participant=" + open.participantId()))).containsExactly(open.pathwayId());
    // by the days it was opened (Europe/Rome, both ends included)
    String today = EngineClock.today().toString();
    assertThat(ids(list(AUDITOR, NEWEST + "&createdFrom=" + today + "&createdTo=" + today)))
        .contains(closed, open.pathwayId());
    assertThat(ids(list(AUDITOR, NEWEST + "&createdTo=" + EngineClock.today().minusDays(1))))
        .doesNotContain(closed, open.pathwayId());
    assertThat(ids(list(AUDITOR, NEWEST + "&createdFrom=" + EngineClock.today().plusDays(1))))
        .doesNotContain(closed, open.pathwayId());
    // another project's auditor finds neither, whatever the filter
    assertThat(ids(list(AUDITOR_BOLLATE, NEWEST + "&participant=" + open.participantId()))).isEmpty();

    assertInvalid(api.as(AUDITOR).get("/api/pathways?outcome=placed&participant=nobody&createdFrom=2026-13-01"
        + "&createdTo=yesterday"), "outcome", "participant", "createdFrom", "createdTo");
    assertInvalid(api.as(AUDITOR).get("/api/pathways?createdFrom=2026-12-02&createdTo=2026-12-01"), "createdTo");
  }

  @Test
  void shouldNameTheFieldsOfABadRequest() {
    assertInvalid(api.as(MANAGER).get("/api/pathways?firstResult=-1&maxResults=0&sort=name&stage=a%20b"
        + "&operator=x;y&project=NOWHERE"), "firstResult", "maxResults", "sort", "stage", "operator", "project");
    assertInvalid(api.as(MANAGER).get("/api/pathways?maxResults=201"), "maxResults");
    assertInvalid(api.as(MANAGER).get("/api/pathways?status=OPEN"), "status");
    assertInvalid(api.as(MANAGER).get("/api/pathways?overdue=perhaps"), "overdue");
    // a project that exists but that the caller does not serve: as if it did not exist
    assertInvalid(api.as(LAB_BOLLATE).get("/api/pathways?project=LORENTEGGIO"), "project");
  }

  @Test
  void shouldFindAPersonsPathwayByFiscalCodeOrNameForTheRolesThatReadPersonalFiles() {
    ApiFixtures.Started solco = api.pathwayAtFirstAppointment(LORENTEGGIO, "SOLCO");
    String fiscalCode = solco.person().fiscalCode();
    String name = solco.person().firstName() + " " + solco.person().lastName().toLowerCase();

    try (LogCapture log = LogCapture.start()) {
      JsonNode found = search(LAB_LORENTEGGIO, fiscalCode.toLowerCase(), 200);
      assertThat(found).hasSize(1);
      assertThat(found.get(0).path("pathway").path("id").asText()).isEqualTo(solco.pathwayId().toString());
      assertThat(found.get(0).path("fiscalCode").asText()).isEqualTo(fiscalCode);
      assertThat(found.get(0).path("lastName").asText()).isEqualTo(solco.person().lastName());
      assertThat(log.lines()).anySatisfy(line -> assertThat(line.text()).contains("Pathway search by "
          + LAB_LORENTEGGIO + ": FISCAL_CODE", "1 result"));
      assertThat(log.lines()).noneSatisfy(line -> assertThat(line.text().toUpperCase()).contains(fiscalCode));
    }
    assertThat(ids(search(CPI_MILANO, name, 200), "pathway")).containsExactly(solco.pathwayId());
    assertThat(ids(search(OPERATOR_LORENTEGGIO, fiscalCode, 200), "pathway")).containsExactly(solco.pathwayId());

    // each search recorded without the value, each person shown logged as a read of the file
    assertThat(jdbc.sql("select search_kind, results from pathway_search where user_id = ? order by id desc")
        .param(OPERATOR_LORENTEGGIO).query((rs, i) -> rs.getString(1) + ":" + rs.getInt(2)).list().get(0))
        .isEqualTo("FISCAL_CODE:1");
    assertThat(jdbc.sql("select count(*) from participant_access_log where participant_id = ? and user_id = ?"
            + " and access_channel like 'GET /api/pathways/search%'")
        .params(solco.participantId(), CPI_MILANO).query(Long.class).single()).isEqualTo(1);

    // nobody without a part in the pathway finds it, nor do the roles that read no personal file search
    for (String user : List.of(OPERATOR_MESTIERI, SOCIAL_LORENTEGGIO, LAB_BOLLATE, CPI_BOLLATE)) {
      assertThat(search(user, fiscalCode, 200)).as(user).isEmpty();
    }
    assertThat(jdbc.sql("select results from pathway_search where user_id = ? order by id desc")
        .param(CPI_BOLLATE).query(Integer.class).list().get(0)).isZero();
    for (String user : List.of(MANAGER, AUDITOR, HOUSING_LORENTEGGIO, ADMIN)) {
      assertProblem(api.as(user).get("/api/pathways/search?q=" + fiscalCode), 403);
    }
  }

  @Test
  void shouldNameTheFieldsOfABadSearch() {
    assertInvalid(api.as(LAB_LORENTEGGIO).get("/api/pathways/search"), "q");
    assertInvalid(api.as(LAB_LORENTEGGIO).get("/api/pathways/search?q=%20"), "q");
    assertInvalid(api.as(LAB_LORENTEGGIO).get("/api/pathways/search?q=a"), "q");
    assertInvalid(api.as(LAB_LORENTEGGIO).get("/api/pathways/search?q=50%25"), "q");
    assertInvalid(api.as(LAB_LORENTEGGIO).get("/api/pathways/search?q=Rossi&maxResults=0&project=BOLLATE"),
        "maxResults", "project");
  }

  private JsonNode search(String user, String q, int status) {
    ApiClient.Response response = api.as(user).get("/api/pathways/search?q="
        + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(response.status()).as("%s", response).isEqualTo(status);
    return response.json();
  }

  private List<JsonNode> list(String user, String path) {
    ApiClient.Response response = api.as(user).get(path);
    assertThat(response.status()).as("%s %s", user, response).isEqualTo(200);
    List<JsonNode> items = new ArrayList<>();
    response.json().forEach(items::add);
    return items;
  }

  private static List<UUID> ids(List<JsonNode> items) {
    return items.stream().map(i -> UUID.fromString(i.path("id").asText())).toList();
  }

  private static List<UUID> ids(JsonNode found, String field) {
    List<UUID> ids = new ArrayList<>();
    found.forEach(f -> ids.add(UUID.fromString(f.path(field).path("id").asText())));
    return ids;
  }

  private static JsonNode itemOf(List<JsonNode> items, UUID id) {
    return items.stream().filter(i -> i.path("id").asText().equals(id.toString())).findFirst()
        .orElseThrow(() -> new AssertionError("pathway " + id + " not listed"));
  }

  private static OffsetDateTime createdAt(JsonNode item) {
    return OffsetDateTime.parse(item.path("createdAt").asText());
  }
}
