package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.api.ApiFixtures.ADMIN;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR;
import static org.erplab.pathways.api.ApiFixtures.CPI_MILANO;
import static org.erplab.pathways.api.ApiFixtures.HOUSING_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.MANAGER;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.PRIVACY;
import static org.erplab.pathways.api.ApiFixtures.PRIVACY_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.SOCIAL_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.TASK_ASSIGN_OPERATOR;
import static org.erplab.pathways.api.ApiFixtures.TASK_INTAKE_INTERVIEW;
import static org.erplab.pathways.api.ApiFixtures.assertInvalid;
import static org.erplab.pathways.api.ApiFixtures.assertProblem;
import static org.erplab.pathways.api.ApiFixtures.body;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.privacy.domain.PersonalDataRetention;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.DatabaseScan;
import org.erplab.pathways.support.IntakeAnswers;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.TestPeople;
import org.erplab.pathways.support.WebappClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Erasure of a person (GDPR art. 17) and retention of personal data (art. 5(1)(e)) over real HTTP on PostgreSQL
 * (ADR 0036): afterwards no column of any table, ours or Camunda's, holds the person's identity, contacts or notes;
 * the pathway, its history and the indicators stay as they were.
 */
@PathwaysSpringTest
class ErasureApiTest {

  private final ApiFixtures api;
  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final HistoryService historyService;
  private final PersonalDataRetention retention;

  @Autowired
  ErasureApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.api = new ApiFixtures(port, context);
    this.jdbc = context.getBean(JdbcClient.class);
    this.dataSource = context.getBean(DataSource.class);
    this.historyService = context.getBean(HistoryService.class);
    this.retention = context.getBean(PersonalDataRetention.class);
  }

  /** A person with values found nowhere else, whose interview left a note and a vulnerability. */
  private record Person(ApiFixtures.Started started, List<String> markers) {

    UUID pathway() {
      return started.pathwayId();
    }

    UUID participant() {
      return started.participantId();
    }
  }

  private Person interviewed() {
    String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    TestPeople.Person base = TestPeople.adult();
    // a citizen of Ecuador: the area of origin (Latin America) outlives the citizenship
    TestPeople.Person person = new TestPeople.Person(base.fiscalCode(), "Ermenegilda" + tag, "Cancellati" + tag,
        base.birthDate(), base.gender(), "EC");
    Map<String, Object> request = new java.util.LinkedHashMap<>(person.asRequest());
    String phone = "+39 347 " + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    request.put("phone", phone);
    request.put("email", "erm" + tag + "@example.org");
    request.put("address", "Via " + tag + " 12, Milano");
    ApiClient.Response started = api.as(LAB_LORENTEGGIO).post("/api/pathways",
        ApiFixtures.pathwayRequest(LORENTEGGIO, "LAB", request));
    assertThat(started.status()).as("%s", started).isEqualTo(201);
    ApiFixtures.Started s = new ApiFixtures.Started(UUID.fromString(started.json().path("pathwayId").asText()),
        UUID.fromString(started.json().path("participantId").asText()),
        started.json().path("processInstanceId").asText(), person);
    String note = "Nota" + tag + " vive con la sorella";
    api.completeTask(LAB_LORENTEGGIO, api.taskOf(s.pathwayId(), TASK_INTAKE_INTERVIEW),
        IntakeAnswers.eligibleWith(Map.of("note", note, "vulnerabilities", List.of("GENDER_VIOLENCE"))));
    // the file read once: the access log keeps who read it, by the pseudonymous id
    assertThat(api.as(CPI_MILANO).get("/api/participants/" + s.participantId()).status()).isEqualTo(200);
    return new Person(s, List.of(person.fiscalCode(), person.firstName(), person.lastName(), phone.substring(4),
        "erm" + tag, "Via " + tag, "Nota" + tag));
  }

  private ApiClient.Response erase(String user, UUID participant, Object reason) {
    return api.as(user).delete("/api/participants/" + participant,
        reason == null ? Map.of() : Map.of("reason", reason));
  }

  private static final String REASON = "Richiesta dell'interessata, protocollo 2026/118";

  /** Every table, ours and Camunda's; deployed models and forms name option codes on purpose. */
  private List<DatabaseScan.Hit> scan(List<String> markers) throws Exception {
    List<String> tables = DatabaseScan.tables(dataSource, table -> !table.startsWith("flyway"));
    assertThat(tables).contains("participant", "case_note", "participant_erasure", "act_hi_varinst", "act_ge_bytearray");
    return DatabaseScan.search(dataSource, tables, markers,
        table -> table.equals("act_ge_bytearray") ? "deployment_id_ is null" : null);
  }

  private JsonNode funnel() {
    String today = EngineClock.today().toString();
    ApiClient.Response report = api.as(MANAGER).get("/api/reports/funnel?project=" + LORENTEGGIO + "&from=" + today
        + "&to=" + today);
    assertThat(report.status()).as("%s", report).isEqualTo(200);
    return report.json().path("figures");
  }

  @Test
  void shouldEraseEveryTraceOfThePersonAndKeepThePathwayItsHistoryAndTheIndicators() throws Exception {
    // given a person whose pathway was withdrawn, with a note and a vulnerability; the scan finds them now
    Person person = interviewed();
    ApiClient.Response withdrawn = api.as(LAB_LORENTEGGIO).post("/api/pathways/" + person.pathway() + "/withdrawal",
        Map.of("reason", "MOVED", "date", EngineClock.today().toString()));
    assertThat(withdrawn.status()).as("%s", withdrawn).isEqualTo(201);
    assertThat(scan(person.markers())).extracting(DatabaseScan.Hit::table).contains("participant", "case_note");
    assertThat(api.vulnerabilityCount(person.pathway())).isEqualTo(1);
    JsonNode indicators = funnel();
    JsonNode chainBefore = api.as(AUDITOR).get("/api/pathways/" + person.pathway() + "/audit/verification").json();
    assertThat(chainBefore.path("valid").asBoolean()).as("%s", chainBefore).isTrue();
    long history = historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(person.started().processInstanceId()).count();
    assertThat(history).isPositive();

    // when the privacy officer erases the person
    ApiClient.Response erased = erase(PRIVACY, person.participant(), REASON);

    // then nothing is withdrawn (the pathway was closed), and no column of any table holds the person any more
    assertThat(erased.status()).as("%s", erased).isEqualTo(200);
    assertThat(erased.json().path("participantId").asText()).isEqualTo(person.participant().toString());
    assertThat(erased.json().path("erasedBy").asText()).isEqualTo(PRIVACY);
    assertThat(erased.json().path("erasedAt").asText()).isNotBlank();
    assertThat(erased.json().path("withdrawnPathways")).isEmpty();
    assertThat(scan(person.markers())).as("the person's data after the erasure").isEmpty();
    assertThat(api.vulnerabilityCount(person.pathway())).isZero();
    assertThat(api.caseNoteCount(person.pathway())).isZero();
    // the erasure is recorded, without personal data (the scan above covered its table)
    Map<String, Object> record = jdbc.sql("select * from participant_erasure where participant_id = ?")
        .param(person.participant()).query().singleRow();
    assertThat(record).containsEntry("erased_by", PRIVACY).containsEntry("reason", REASON)
        .containsEntry("project_code", LORENTEGGIO);
    // and in the pathway's audit record, without the free-text reason
    assertThat(api.count("select count(*) from audit_event where pathway_id = ? and event_type = 'PARTICIPANT_ERASED'"
        + " and actor = ?", person.pathway(), PRIVACY)).isEqualTo(1);
    // the pathway, its history and every indicator are unchanged
    assertThat(funnel()).isEqualTo(indicators);
    assertThat(historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(person.started().processInstanceId()).count()).isEqualTo(history);
    ApiClient.Response pathway = api.as(MANAGER).get("/api/pathways/" + person.pathway());
    assertThat(pathway.status()).as("%s", pathway).isEqualTo(200);
    assertThat(pathway.json().path("outcome").asText()).isEqualTo("WITHDRAWN");
    assertThat(jdbc.sql("select gender from pathway_profile where pathway_id = ?").param(person.pathway())
        .query(String.class).single()).isEqualTo(person.started().person().gender());
    // the facts the committee's indicators count by stay with the pathway (ADR 0040): age, intake answers, codes
    Map<String, Object> profile = jdbc.sql("""
            select age_years, education, employment_status, interviewed_at, citizenship_area, origin_area
            from pathway_profile where pathway_id = ?""")
        .param(person.pathway()).query().singleRow();
    assertThat(profile).containsEntry("citizenship_area", "NON_EU").containsEntry("origin_area", "LATIN_AMERICA");
    assertThat(api.count("select count(*) from participant where id = ? and citizenship is null",
        person.participant())).isEqualTo(1);
    assertThat(((Number) profile.get("age_years")).intValue()).isEqualTo(java.time.Period.between(
        person.started().person().birthDate(), EngineClock.today()).getYears());
    assertThat(profile).containsEntry("education", "UPPER_SECONDARY").containsEntry("employment_status", "UNEMPLOYED");
    assertThat(profile.get("interviewed_at")).isNotNull();
    assertThat(jdbc.sql("select code from pathway_disadvantage where pathway_id = ?").param(person.pathway())
        .query(String.class).list()).containsExactly("GENDER_VIOLENCE");
    ApiClient.Response trail = api.as(AUDITOR).get("/api/pathways/" + person.pathway() + "/audit");
    assertThat(trail.status()).as("%s", trail).isEqualTo(200);
    ApiClient.Response chain = api.as(AUDITOR).get("/api/pathways/" + person.pathway() + "/audit/verification");
    assertThat(chain.status()).as("%s", chain).isEqualTo(200);
    // the chain is intact: the events before, unchanged, and the erasure's
    assertThat(chain.json().path("valid").asBoolean()).as("%s", chain).isTrue();
    assertThat(chain.json().path("events").asLong()).isEqualTo(chainBefore.path("events").asLong() + 1);
    // and the person is gone: the file, a second erasure
    assertProblem(api.as(CPI_MILANO).get("/api/participants/" + person.participant()), 404);
    assertProblem(erase(PRIVACY, person.participant(), REASON), 404);
  }

  @Test
  void shouldWithdrawAnOpenPathwayFirstAndSaySo() throws Exception {
    // given a person waiting for the CPI to assign an operator
    Person person = interviewed();
    assertThat(api.openTaskKeys(person.pathway())).containsExactly(TASK_ASSIGN_OPERATOR);

    // when an administrator erases the person
    ApiClient.Response erased = erase(ADMIN, person.participant(), REASON);

    // then the pathway was withdrawn through the model first: closed, no task open, the instance ended
    assertThat(erased.status()).as("%s", erased).isEqualTo(200);
    assertThat(erased.json().path("withdrawnPathways")).hasSize(1);
    assertThat(erased.json().path("withdrawnPathways").get(0).asText()).isEqualTo(person.pathway().toString());
    Map<String, Object> pathway = api.pathwayRecord(person.pathway());
    assertThat(pathway).containsEntry("status", "CLOSED").containsEntry("outcome", "WITHDRAWN")
        .containsEntry("reasons", "DATA_ERASURE");
    assertThat(api.openTaskKeys(person.pathway())).isEmpty();
    assertThat(historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(person.started().processInstanceId()).singleResult().getEndTime()).isNotNull();
    assertThat(jdbc.sql("select withdrawn_pathways from participant_erasure where participant_id = ?")
        .param(person.participant()).query(String.class).single()).isEqualTo(person.pathway().toString());
    assertThat(scan(person.markers())).isEmpty();
  }

  @Test
  void shouldLeaveNothingHalfDoneWhenTheErasureFailsAfterTheWithdrawal() throws Exception {
    // given a person with an open pathway, and a database that refuses the erasure's record (the last step)
    Person person = interviewed();
    jdbc.sql("""
        create or replace function refuse_erasure_in_test() returns trigger as $$
        begin raise exception 'refused by the test'; end $$ language plpgsql""").update();
    jdbc.sql("create trigger refuse_erasure_in_test before insert on participant_erasure for each row "
        + "when (new.participant_id = '" + person.participant() + "'::uuid) execute function refuse_erasure_in_test()")
        .update();
    try {
      // when the privacy officer erases the person
      ApiClient.Response failed = erase(PRIVACY, person.participant(), REASON);

      // then it failed as a whole: the withdrawal in the engine and in our tables rolled back with the blanking
      assertProblem(failed, 500);
      assertThat(api.pathwayRecord(person.pathway())).containsEntry("status", "ACTIVE");
      assertThat(api.openTaskKeys(person.pathway())).containsExactly(TASK_ASSIGN_OPERATOR);
      assertThat(historyService.createHistoricProcessInstanceQuery()
          .processInstanceId(person.started().processInstanceId()).singleResult().getEndTime()).isNull();
      assertThat(api.participantCount(person.started().person().fiscalCode())).isEqualTo(1);
      assertThat(api.vulnerabilityCount(person.pathway())).isEqualTo(1);
      assertThat(scan(person.markers())).extracting(DatabaseScan.Hit::table).contains("participant", "case_note");
    } finally {
      jdbc.sql("drop trigger refuse_erasure_in_test on participant_erasure").update();
      jdbc.sql("drop function refuse_erasure_in_test()").update();
    }
    // and once the database accepts it again, the same request erases the person
    assertThat(erase(PRIVACY, person.participant(), REASON).status()).isEqualTo(200);
    assertThat(scan(person.markers())).isEmpty();
  }

  @ParameterizedTest(name = "{0} may not erase")
  @ValueSource(strings = {LAB_LORENTEGGIO, CPI_MILANO, OPERATOR_LORENTEGGIO, SOCIAL_LORENTEGGIO, HOUSING_LORENTEGGIO,
      MANAGER, AUDITOR})
  void shouldRefuseEveryOtherRole(String user) {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);

    assertProblem(erase(user, started.participantId(), REASON), 403);

    assertThat(api.participantCount(started.person().fiscalCode())).isEqualTo(1);
    assertThat(api.openTaskKeys(started.pathwayId())).containsExactly(TASK_INTAKE_INTERVIEW);
  }

  @Test
  void shouldRefuseTheAnonymousABadReasonAndAnotherProjectChangingNothing() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    String path = "/api/participants/" + started.participantId();

    assertProblem(api.anonymous().delete(path, Map.of("reason", REASON)), 401);
    assertInvalid(erase(PRIVACY, started.participantId(), " "), "reason");
    assertInvalid(erase(PRIVACY, started.participantId(), null), "reason");
    assertInvalid(erase(PRIVACY, started.participantId(), "x".repeat(501)), "reason");
    assertInvalid(erase(PRIVACY, started.participantId(), "Chiesto da " + started.person().lastName()), "reason");
    assertInvalid(erase(PRIVACY, started.participantId(), "Codice " + started.person().fiscalCode()), "reason");
    assertProblem(api.as(PRIVACY).delete(path), 400);
    // a privacy officer of another project, an unknown person: nobody to erase
    assertProblem(erase(PRIVACY_BOLLATE, started.participantId(), REASON), 404);
    assertProblem(erase(PRIVACY, UUID.randomUUID(), REASON), 404);
    assertProblem(api.as(PRIVACY).delete("/api/participants/not-a-uuid", Map.of("reason", REASON)), 400);

    assertThat(api.participantCount(started.person().fiscalCode())).isEqualTo(1);
    assertThat(api.openTaskKeys(started.pathwayId())).containsExactly(TASK_INTAKE_INTERVIEW);
    assertThat(api.count("select count(*) from participant_erasure where participant_id = ?",
        started.participantId())).isZero();
  }

  @Test
  void shouldLetThePrivacyOfficerReadNothing() {
    ApiFixtures.Started started = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO);
    ApiClient privacy = api.as(PRIVACY);

    assertThat(privacy.get("/api/participants/" + started.participantId()).status()).isEqualTo(403);
    assertThat(privacy.get("/api/pathways/" + started.pathwayId()).status()).isIn(403, 404);
    assertThat(privacy.get("/api/pathways/" + started.pathwayId() + "/audit").status()).isIn(403, 404);
    assertThat(privacy.get("/api/reports/funnel?project=" + LORENTEGGIO).status()).isEqualTo(403);
    ApiClient.Response tasks = privacy.get("/api/tasks?project=" + LORENTEGGIO);
    assertThat(tasks.status() == 200 ? tasks.json().size() : 0).isZero();
    assertThat(privacy.get("/engine-rest/task?processInstanceBusinessKey=" + started.pathwayId()).body())
        .doesNotContain(started.pathwayId().toString());
    assertThat(privacy.get("/engine-rest/process-instance?businessKey=" + started.pathwayId()).body())
        .doesNotContain(started.pathwayId().toString());
    assertThat(privacy.post("/api/tasks/" + api.taskOf(started.pathwayId(), TASK_INTAKE_INTERVIEW) + "/complete",
        body(ApiFixtures.interview())).status()).isIn(403, 404);
    assertThat(api.openTaskKeys(started.pathwayId())).containsExactly(TASK_INTAKE_INTERVIEW);
    // no webapp lets the privacy officer in (no application grant); the lab, as a control, gets in
    assertThat(WebappClient.from(api.port(), ApiClient.someAddress()).login(PRIVACY, "demo").status())
        .isIn(401, 403);
    assertThat(WebappClient.from(api.port(), ApiClient.someAddress()).login(LAB_LORENTEGGIO, "demo").status())
        .isEqualTo(200);
  }

  @Test
  void shouldEraseOnlyThePeopleKeptPastTheRetentionPeriod() throws Exception {
    OffsetDateTime longAgo = EngineClock.now().minusDays(3651);
    // given a person whose pathway closed long ago, one closed today, one registered long ago with a pathway open
    Person closedLongAgo = interviewed();
    withdraw(closedLongAgo.pathway());
    jdbc.sql("update pathway set created_at = ?, closed_at = ? where id = ?")
        .params(longAgo.minusDays(30), longAgo, closedLongAgo.pathway()).update();
    Person closedToday = interviewed();
    withdraw(closedToday.pathway());
    Person open = interviewed();
    jdbc.sql("update pathway set created_at = ? where id = ?").params(longAgo, open.pathway()).update();
    jdbc.sql("update participant set created_at = ? where id = ?").params(longAgo, open.participant()).update();
    // and two people registered with no pathway (a start that failed), long ago and today
    UUID withoutPathwayLongAgo = registered(longAgo);
    UUID withoutPathwayToday = registered(EngineClock.now());
    JsonNode indicators = funnel();

    // when the nightly retention runs
    int erased = retention.run();

    // then those kept past the period are erased, as system, with the reason of the retention
    assertThat(erased).isGreaterThanOrEqualTo(2);
    assertThat(scan(closedLongAgo.markers())).isEmpty();
    assertThat(erasedBy(closedLongAgo.participant())).isEqualTo("system");
    assertThat(erasedBy(withoutPathwayLongAgo)).isEqualTo("system");
    assertThat(jdbc.sql("select reason from participant_erasure where participant_id = ?")
        .param(closedLongAgo.participant()).query(String.class).single()).isEqualTo("conservazione scaduta");
    assertThat(api.count("select count(*) from participant where id = ? and fiscal_code is null",
        withoutPathwayLongAgo)).isEqualTo(1);
    // and nobody else: the person closed today, the one with an open pathway (still open), the one registered today
    for (Person kept : List.of(closedToday, open)) {
      assertThat(erasedBy(kept.participant())).isNull();
      assertThat(scan(kept.markers())).extracting(DatabaseScan.Hit::table).contains("participant", "case_note");
    }
    assertThat(erasedBy(withoutPathwayToday)).isNull();
    assertThat(api.pathwayRecord(open.pathway())).containsEntry("status", "ACTIVE");
    assertThat(funnel()).isEqualTo(indicators);
    // a second run finds nothing more of these
    retention.run();
    assertThat(erasedBy(closedToday.participant())).isNull();
  }

  private void withdraw(UUID pathway) {
    ApiClient.Response withdrawn = api.as(LAB_LORENTEGGIO).post("/api/pathways/" + pathway + "/withdrawal",
        Map.of("reason", "MOVED", "date", EngineClock.today().toString()));
    assertThat(withdrawn.status()).as("%s", withdrawn).isEqualTo(201);
  }

  private UUID registered(OffsetDateTime at) {
    UUID id = UUID.randomUUID();
    TestPeople.Person person = TestPeople.adult();
    jdbc.sql("""
            insert into participant (id, project_code, fiscal_code, first_name, last_name, birth_date, gender,
            created_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, LORENTEGGIO, person.fiscalCode(), person.firstName(), person.lastName(), person.birthDate(),
            person.gender(), at)
        .update();
    return id;
  }

  private String erasedBy(UUID participant) {
    return jdbc.sql("select erased_by from participant_erasure where participant_id = ?").param(participant)
        .query(String.class).optional().orElse(null);
  }
}
