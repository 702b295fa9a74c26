package org.erplab.pathways.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.erplab.pathways.api.ApiFixtures.AUDITOR;
import static org.erplab.pathways.api.ApiFixtures.LAB_BOLLATE;
import static org.erplab.pathways.api.ApiFixtures.LAB_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.MANAGER;
import static org.erplab.pathways.api.ApiFixtures.OPERATOR_LORENTEGGIO;
import static org.erplab.pathways.api.ApiFixtures.TASK_INTAKE_INTERVIEW;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.erplab.pathways.audit.domain.AuditChain;
import org.erplab.pathways.audit.infrastructure.AuditLog;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.support.ApiClient;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.ProjectParameters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit record (ADR 0035) as things happen, on PostgreSQL: a pathway started and its intake interview completed
 * leave, in the pathway's chain and in order, the engine's events (process, tasks with who completed them, the
 * eligibility decision with its inputs, outputs and rule) and the services' (the deadline); the chain verifies over
 * real HTTP, and shows where it was edited or cut; the database refuses to update or delete an event; a rolled-back
 * transaction leaves none.
 */
@PathwaysSpringTest
class AuditRecordApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ApiFixtures api;
  private final JdbcClient jdbc;
  private final AuditLog log;
  private final TransactionTemplate transaction;
  private final ApplicationContext context;

  @Autowired
  AuditRecordApiTest(@LocalServerPort int port, ApplicationContext context) {
    this.context = context;
    this.api = new ApiFixtures(port, context);
    this.jdbc = context.getBean(JdbcClient.class);
    this.log = context.getBean(AuditLog.class);
    this.transaction = context.getBean(TransactionTemplate.class);
  }

  @Test
  void shouldRecordWhatHappenedToAPathwayInItsChainAsItHappens() throws Exception {
    UUID pathway = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO).pathwayId();
    String interview = api.taskOf(pathway, TASK_INTAKE_INTERVIEW);
    // a NASpI recipient: the eligibility table's rule Rule_Naspi sends the case to the CPI to verify
    api.completeTask(LAB_LORENTEGGIO, interview, ApiFixtures.interviewWith("naspiRecipient", true));

    List<AuditChain.Event> chain = log.chainOf(pathway);
    assertThat(chain).extracting(AuditChain.Event::seq)
        .isEqualTo(java.util.stream.LongStream.rangeClosed(1, chain.size()).boxed().toList());
    assertThat(chain).allSatisfy(e -> {
      assertThat(e.pathwayId()).isEqualTo(pathway);
      assertThat(e.projectCode()).isEqualTo(LORENTEGGIO);
    });
    List<String> types = chain.stream().map(AuditChain.Event::type).toList();
    assertThat(types.get(0)).isEqualTo("PROCESS_STARTED");
    assertThat(chain.get(0).elementId()).isEqualTo("pathway");
    assertThat(types).contains("ACTIVITY_STARTED", "TASK_CREATED", "DEADLINE_CREATED", "TASK_COMPLETED",
        "DECISION_EVALUATED", "OPERATION");

    AuditChain.Event completed = only(chain, "TASK_COMPLETED", TASK_INTAKE_INTERVIEW);
    assertThat(completed.actor()).isEqualTo(LAB_LORENTEGGIO);
    assertThat(JSON.readTree(completed.details()).path("taskId").asText()).isEqualTo(interview);
    // the interview was claimed by whoever completed it: the engine's operation says who
    assertThat(chain).anySatisfy(e -> {
      assertThat(e.type()).isEqualTo("OPERATION");
      assertThat(e.actor()).isEqualTo(LAB_LORENTEGGIO);
      assertThat(e.details()).contains("\"operationType\":\"Claim\"").contains(interview);
    });
    AuditChain.Event decision = chain.stream().filter(e -> e.type().equals("DECISION_EVALUATED")).findFirst()
        .orElseThrow();
    JsonNode decided = JSON.readTree(decision.details());
    assertThat(decided.path("decisionKey").asText()).isEqualTo("eligibility");
    assertThat(decided.path("inputs").size()).isPositive();
    assertThat(decided.path("matchedRules").toString()).contains("Rule_Naspi");
    assertThat(decided.path("outputs").toString()).contains("TO_VERIFY");
    assertThat(decision.actor()).isEqualTo(LAB_LORENTEGGIO);

    // no person in the record: the chain holds ids, codes and dates only
    Map<String, Object> record = api.pathwayRecord(pathway);
    String participant = String.valueOf(jdbc.sql("select last_name || ' ' || fiscal_code from participant where id = ?")
        .param(record.get("participant_id")).query(String.class).single());
    for (String value : participant.split(" ")) {
      assertThat(chain).allSatisfy(e -> assertThat(String.valueOf(e.details())).doesNotContain(value));
    }

    // the chain verifies, for the auditor as for the lab; another project's lab does not find the pathway
    JsonNode verified = verification(AUDITOR, pathway, 200);
    assertThat(verified.path("valid").asBoolean()).isTrue();
    assertThat(verified.path("events").asLong()).isEqualTo(chain.size());
    assertThat(verified.path("firstBrokenAt").isNull()).isTrue();
    assertThat(verification(LAB_LORENTEGGIO, pathway, 200).path("valid").asBoolean()).isTrue();
    verification(LAB_BOLLATE, pathway, 404);
  }

  @Test
  void shouldRecordTheServicesEventsInTheirChains() {
    // the register of a course: a line and its correction, in the pathway's chain, with who recorded them
    UUID pathway = api.pathwayInTraining();
    ApiClient.Response recorded = api.as(OPERATOR_LORENTEGGIO).post("/api/pathways/" + pathway + "/attendance",
        Map.of("courseCode", "MAG-01", "date", EngineClock.today().toString(), "hours", new BigDecimal("6")));
    assertThat(recorded.status()).as("%s", recorded).isEqualTo(201);
    String entry = recorded.json().path("id").asText();
    ApiClient.Response corrected = api.as(OPERATOR_LORENTEGGIO).post("/api/pathways/" + pathway + "/attendance/"
        + entry + "/correction", Map.of("hours", 4, "reason", "uscita anticipata"));
    assertThat(corrected.status()).as("%s", corrected).isEqualTo(201);

    List<AuditChain.Event> chain = log.chainOf(pathway);
    assertThat(chain).extracting(AuditChain.Event::type).contains("PLAN_VERSION_SAVED", "ATTENDANCE_RECORDED",
        "ATTENDANCE_CORRECTED");
    AuditChain.Event correction = chain.stream().filter(e -> e.type().equals("ATTENDANCE_CORRECTED")).findFirst()
        .orElseThrow();
    assertThat(correction.actor()).isEqualTo(OPERATOR_LORENTEGGIO);
    assertThat(correction.details()).contains("\"corrects\":\"" + entry + "\"").contains("\"hours\":4")
        .doesNotContain("uscita anticipata");
    assertThat(AuditChain.verify(chain).valid()).isTrue();

    // a parameter changed from a later day: the project's chain, not a pathway's
    LocalDate later = EngineClock.today().plusYears(3);
    try {
      ApiClient.Response changed = api.as(MANAGER).put("/api/projects/LORENTEGGIO/parameters/callBackWorkingDays",
          Map.of("value", "6", "validFrom", later.toString(), "reason", "prova del registro di audit"));
      assertThat(changed.status()).as("%s", changed).isEqualTo(200);
      List<AuditChain.Event> project = log.chain("PROJECT:" + LORENTEGGIO);
      AuditChain.Event change = project.get(project.size() - 1);
      assertThat(change.type()).isEqualTo("PARAMETER_CHANGED");
      assertThat(change.actor()).isEqualTo(MANAGER);
      assertThat(change.pathwayId()).isNull();
      assertThat(change.details()).contains("\"name\":\"callBackWorkingDays\"", "\"value\":\"6\"",
          later.toString());
      assertThat(AuditChain.verify(project).valid()).isTrue();
    } finally {
      ProjectParameters.clear(context, LORENTEGGIO, "callBackWorkingDays");
    }
  }

  @Test
  void shouldShowWhereAChainWasEditedOrCut() {
    UUID pathway = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO).pathwayId();
    List<AuditChain.Event> chain = log.chainOf(pathway);
    assertThat(chain.size()).isGreaterThanOrEqualTo(4);
    AuditChain.Event second = chain.get(1);
    AuditChain.Event third = chain.get(2);

    // the database refuses to change the record, whoever asks
    assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'someone' where id = ?").param(second.id())
        .update()).rootCause().hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("delete from audit_event where id = ?").param(third.id()).update())
        .rootCause().hasMessageContaining("append-only");
    assertThat(verification(AUDITOR, pathway, 200).path("valid").asBoolean()).isTrue();

    // someone who can drop the database's guard edits an event, then removes one
    jdbc.sql("alter table audit_event disable trigger audit_event_no_update_or_delete").update();
    try {
      jdbc.sql("update audit_event set actor = 'someone' where id = ?").param(second.id()).update();
      JsonNode edited = verification(AUDITOR, pathway, 200);
      assertThat(edited.path("valid").asBoolean()).isFalse();
      assertThat(edited.path("firstBrokenAt").asLong()).isEqualTo(second.seq());
      assertThat(edited.path("problem").asText()).isEqualTo("content changed");
      jdbc.sql("update audit_event set actor = ? where id = ?").params(second.actor(), second.id()).update();

      jdbc.sql("delete from audit_event where id = ?").param(third.id()).update();
      JsonNode cut = verification(AUDITOR, pathway, 200);
      assertThat(cut.path("valid").asBoolean()).isFalse();
      assertThat(cut.path("firstBrokenAt").asLong()).isEqualTo(third.seq() + 1);
      assertThat(cut.path("events").asLong()).isEqualTo(chain.size() - 1);
      restore(third);
    } finally {
      jdbc.sql("alter table audit_event enable trigger audit_event_no_update_or_delete").update();
    }
    assertThat(verification(AUDITOR, pathway, 200).path("valid").asBoolean()).isTrue();
  }

  @Test
  void shouldWriteNothingForATransactionThatRollsBack() {
    UUID pathway = api.startPathway(LAB_LORENTEGGIO, LORENTEGGIO).pathwayId();
    int before = log.chainOf(pathway).size();

    assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
      log.record(new AuditLog.Pending(EngineClock.now(), pathway, null, null, null, "lab.lorenteggio",
          "TEST_EVENT", null, Map.of("n", 1)));
      throw new IllegalStateException("rolled back");
    })).hasMessage("rolled back");
    assertThat(log.chainOf(pathway)).hasSize(before);

    transaction.executeWithoutResult(status -> log.record(new AuditLog.Pending(EngineClock.now(), pathway, null, null,
        null, "lab.lorenteggio", "TEST_EVENT", null, Map.of("n", 2))));
    List<AuditChain.Event> chain = log.chainOf(pathway);
    assertThat(chain).hasSize(before + 1);
    assertThat(chain.get(before).details()).isEqualTo("{\"n\":2}");
    assertThat(chain.get(before).previousHash()).isEqualTo(chain.get(before - 1).hash());
    assertThat(AuditChain.verify(chain).valid()).isTrue();
  }

  private void restore(AuditChain.Event e) {
    jdbc.sql("""
            insert into audit_event (id, chain_key, chain_seq, occurred_at, pathway_id, project_code, actor,
                                     event_type, element_id, process_instance_id, details, previous_hash, hash)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(e.id(), e.chainKey(), e.seq(), e.occurredAt(), e.pathwayId(), e.projectCode(), e.actor(), e.type(),
            e.elementId(), e.processInstanceId(), e.details(), e.previousHash(), e.hash())
        .update();
  }

  private JsonNode verification(String user, UUID pathway, int status) {
    ApiClient.Response response = api.as(user).get("/api/pathways/" + pathway + "/audit/verification");
    assertThat(response.status()).as("%s %s", user, response).isEqualTo(status);
    return status == 200 ? response.json() : null;
  }

  private static AuditChain.Event only(List<AuditChain.Event> chain, String type, String element) {
    List<AuditChain.Event> found = chain.stream()
        .filter(e -> e.type().equals(type) && element.equals(e.elementId())).toList();
    assertThat(found).as("%s at %s", type, element).hasSize(1);
    return found.get(0);
  }
}
