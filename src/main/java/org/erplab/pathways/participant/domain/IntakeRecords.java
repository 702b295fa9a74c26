package org.erplab.pathways.participant.domain;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.erplab.pathways.common.domain.AuditFact;
import org.erplab.pathways.common.domain.EngineClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Special-category and free-text data recorded during a pathway: kept in the registry, never in the engine. Each
 * change is a FILE_CHANGED event in the pathway's audit chain naming the part of the file (never its content).
 */
@Service
public class IntakeRecords {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  public IntakeRecords(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /**
   * Replaces the pathway's recorded vulnerabilities (a new interview supersedes the previous one), in the person's file
   * and, as codes only, among the pathway's facts the indicators count (table {@code pathway_disadvantage}, kept after
   * an erasure: ADR 0040).
   */
  public void recordVulnerabilities(UUID pathwayId, List<String> vulnerabilities, String user) {
    jdbc.sql("delete from participant_vulnerability where pathway_id = ?").param(pathwayId).update();
    jdbc.sql("delete from pathway_disadvantage where pathway_id = ?").param(pathwayId).update();
    OffsetDateTime now = EngineClock.now();
    for (String vulnerability : new LinkedHashSet<>(vulnerabilities)) {
      jdbc.sql("insert into participant_vulnerability (pathway_id, vulnerability, recorded_at, recorded_by) values (?, ?, ?, ?)")
          .params(pathwayId, vulnerability, now, user)
          .update();
      jdbc.sql("insert into pathway_disadvantage (pathway_id, code) values (?, ?)").params(pathwayId, vulnerability)
          .update();
    }
    events.publishEvent(new AuditFact(pathwayId, null, user, "FILE_CHANGED", null, Map.of("part", "VULNERABILITIES")));
  }

  public void addNote(UUID pathwayId, String taskKey, String taskId, String field, String text, String user) {
    jdbc.sql("""
            insert into case_note (pathway_id, task_key, task_id, field, note_text, author, created_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(pathwayId, taskKey, taskId, field, text, user, EngineClock.now())
        .update();
    Map<String, Object> details = new java.util.LinkedHashMap<>();
    details.put("part", "CASE_NOTE");
    details.put("field", field);
    details.put("taskId", taskId);
    events.publishEvent(new AuditFact(pathwayId, null, user, "FILE_CHANGED", taskKey, details));
  }

  public List<String> vulnerabilities(UUID pathwayId) {
    return jdbc.sql("select vulnerability from participant_vulnerability where pathway_id = ? order by vulnerability")
        .param(pathwayId)
        .query(String.class)
        .list();
  }

  public List<CaseNote> notes(UUID pathwayId) {
    return jdbc.sql("""
            select task_key, field, note_text, author, created_at from case_note where pathway_id = ? order by created_at, id""")
        .param(pathwayId)
        .query((rs, i) -> new CaseNote(rs.getString("task_key"), rs.getString("field"), rs.getString("note_text"),
            rs.getString("author"), rs.getObject("created_at", OffsetDateTime.class)))
        .list();
  }

  /** Vulnerabilities recorded in any pathway of the participant. */
  public List<String> vulnerabilitiesOfParticipant(UUID participantId) {
    return jdbc.sql("""
            select distinct v.vulnerability from participant_vulnerability v join pathway p on p.id = v.pathway_id
            where p.participant_id = ? order by v.vulnerability""")
        .param(participantId)
        .query(String.class)
        .list();
  }

  public List<CaseNote> notesOfParticipant(UUID participantId) {
    return jdbc.sql("""
            select n.task_key, n.field, n.note_text, n.author, n.created_at from case_note n
            join pathway p on p.id = n.pathway_id where p.participant_id = ? order by n.created_at, n.id""")
        .param(participantId)
        .query((rs, i) -> new CaseNote(rs.getString("task_key"), rs.getString("field"), rs.getString("note_text"),
            rs.getString("author"), rs.getObject("created_at", OffsetDateTime.class)))
        .list();
  }

  public record CaseNote(String taskKey, String field, String text, String author, OffsetDateTime createdAt) {}
}
