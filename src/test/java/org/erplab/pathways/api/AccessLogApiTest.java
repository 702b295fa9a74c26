package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.LAB_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.MANAGER;
import static org.erplab.pathways.api.ApiFixtures.PRIVACY;
import static org.erplab.pathways.api.ApiFixtures.TASK_INTAKE_INTERVIEW;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.erplab.pathways.audit.domain.AuditChain;
import org.erplab.pathways.audit.infrastructure.AuditLog;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * {@code GET /api/audit/access-log} over real HTTP, and the registry's events in the audit record: a lab reads a
 * person's file; auditors and the privacy officer of the project find the read by participant, user and period, those
 * of another project do not, staff may not browse the log; the registration, the read and the interview's changes to
 * the file are events of the project's and the pathway's chains, without a personal value.
 */
@PathwaysSpringTest
class AccessLogApiTest {

  private final ApiFixtures api;
  private final AuditLog log;
  private ApiFixtures.Started lorenteggio;
  private ApiFixtures.Started bollate;

  @Autowired
  AccessLogApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
    this.log = context.getBean(AuditLog.class);
  }

  @BeforeEach
  void givenTwoFilesReadInTwoProjects() {
    api.ensureTestUsers();
    lorenteggio = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    bollate = api.startPathway(LAB_BOLLATE, BOLLATE);
    assertThat(api.as(LAB_LORENTEGGIO).get("/api/participants/" + lorenteggio.participantId()).status()).isEqualTo(200);
    assertThat(api.as(LAB_BOLLATE).get("/api/participants/" + bollate.participantId()).status()).isEqualTo(200);
  }

  @Test
  void shouldShowAReadToTheProjectsAuditorsAndPrivacyOfficerOnly() {
    String byParticipant = "/api/audit/access-log?participant=" + lorenteggio.participantId();
    for (String reader : List.of(AUDITOR, PRIVACY)) {
      JsonNode lines = ok(api.as(reader).get(byParticipant));
      assertThat(lines).as(reader).hasSize(1);
      JsonNode line = lines.get(0);
      assertThat(line.path("userId").asText()).isEqualTo(LAB_LORENTEGGIO);
      assertThat(line.path("projectCode").asText()).isEqualTo(LORENTEGGIO);
      assertThat(line.path("participantId").asText()).isEqualTo(lorenteggio.participantId().toString());
      assertThat(line.path("channel").asText()).isEqualTo("GET /api/participants/" + lorenteggio.participantId());
      assertThat(line.path("at").asText()).matches(".*\\+0[12]:00$");
    }
    // an auditor of Bollate only: nothing of Lorenteggio, even asked by id; its own project's read
    assertThat(ok(api.as(AUDITOR_BOLLATE).get(byParticipant))).isEmpty();
    JsonNode own = ok(api.as(AUDITOR_BOLLATE).get("/api/audit/access-log?maxResults=500"));
    assertThat(own.findValuesAsText("projectCode")).isNotEmpty().containsOnly(BOLLATE);
    assertThat(own.findValuesAsText("participantId")).contains(bollate.participantId().toString())
        .doesNotContain(lorenteggio.participantId().toString());
    assertThat(api.as(AUDITOR_BOLLATE).get("/api/audit/access-log?project=" + LORENTEGGIO).status()).isEqualTo(400);
    for (String staff : List.of(LAB_LORENTEGGIO, MANAGER, ApiFixtures.ADMIN)) {
      ApiClient.Response refused = api.as(staff).get(byParticipant);
      assertThat(refused.status()).as(staff).isEqualTo(403);
      assertThat(refused.isProblem()).isTrue();
    }
    assertThat(api.anonymous().get(byParticipant).status()).isEqualTo(401);
  }

  @Test
  void shouldFilterByUserAndPeriodNewestFirst() {
    String today = EngineClock.today().toString();
    String tomorrow = EngineClock.today().plusDays(1).toString();
    JsonNode byUser = ok(api.as(AUDITOR).get("/api/audit/access-log?user=" + LAB_LORENTEGGIO + "&from=" + today
        + "&to=" + today + "&maxResults=500"));
    assertThat(byUser.findValuesAsText("userId")).isNotEmpty().containsOnly(LAB_LORENTEGGIO);
    assertThat(byUser.findValuesAsText("participantId")).contains(lorenteggio.participantId().toString());
    List<String> times = byUser.findValuesAsText("at");
    List<String> sorted = new ArrayList<>(times);
    sorted.sort(java.util.Comparator.comparing(java.time.OffsetDateTime::parse, java.util.Comparator.reverseOrder()));
    assertThat(times).isEqualTo(sorted);
    assertThat(ok(api.as(AUDITOR).get("/api/audit/access-log?user=" + LAB_LORENTEGGIO + "&from=" + tomorrow))).isEmpty();
    JsonNode paged = ok(api.as(AUDITOR).get("/api/audit/access-log?firstResult=1&maxResults=1"));
    assertThat(paged).hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void shouldRefuseBadFiltersNamingEachField() {
    ApiClient.Response bad = api.as(AUDITOR).get("/api/audit/access-log?participant=someone&user=a%20b&from=2026-13-01"
        + "&to=yesterday&firstResult=-1&maxResults=501");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.isProblem()).isTrue();
    assertThat(bad.body()).contains("participant", "user", "from", "to", "firstResult", "maxResults")
        .doesNotContain("someone");
    ApiClient.Response reversed = api.as(AUDITOR).get("/api/audit/access-log?from=2026-12-02&to=2026-12-01");
    assertThat(reversed.status()).isEqualTo(400);
    assertThat(reversed.body()).contains("\"to\"");
  }

  @Test
  void shouldRecordTheRegistrationTheReadAndTheChangesOfTheFileWithoutAPersonalValue() {
    api.completeTask(LAB_LORENTEGGIO, api.taskOf(lorenteggio.pathwayId(), TASK_INTAKE_INTERVIEW), ApiFixtures.interview());

    String participant = lorenteggio.participantId().toString();
    List<AuditChain.Event> project = log.chain("PROJECT:" + LORENTEGGIO).stream()
        .filter(e -> e.details() != null && e.details().contains(participant))
        .toList();
    assertThat(project).extracting(AuditChain.Event::type).containsSubsequence("PARTICIPANT_REGISTERED", "FILE_READ");
    assertThat(project).allSatisfy(e -> {
      assertThat(e.actor()).isEqualTo(LAB_LORENTEGGIO);
      assertThat(e.pathwayId()).isNull();
      assertThat(e.details()).doesNotContain(lorenteggio.person().fiscalCode(), lorenteggio.person().lastName(),
          lorenteggio.person().firstName());
    });
    assertThat(AuditChain.verify(log.chain("PROJECT:" + LORENTEGGIO)).valid()).isTrue();

    List<AuditChain.Event> changes = log.chainOf(lorenteggio.pathwayId()).stream()
        .filter(e -> e.type().equals("FILE_CHANGED")).toList();
    assertThat(changes).extracting(AuditChain.Event::details)
        .anySatisfy(d -> assertThat(d).contains("VULNERABILITIES"))
        .anySatisfy(d -> assertThat(d).contains("CASE_NOTE"))
        .allSatisfy(d -> assertThat(d).doesNotContain("Colloquio", "NONE"));
    assertThat(changes).extracting(AuditChain.Event::actor).containsOnly(LAB_LORENTEGGIO);
  }

  private static JsonNode ok(ApiClient.Response response) {
    assertThat(response.status()).as("%s", response).isEqualTo(200);
    return response.json();
  }
}
