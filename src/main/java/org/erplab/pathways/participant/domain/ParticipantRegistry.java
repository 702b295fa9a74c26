package org.erplab.pathways.participant.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.erplab.pathways.common.domain.AuditFact;
import org.erplab.pathways.common.domain.EngineClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The participant registry (table participant) and the log of every read of a personal file. Registrations, changes
 * and reads also go into the audit record, in the project's chain (ADR 0035): which file, which fields, by whom and
 * through which door, never a value.
 */
@Service
public class ParticipantRegistry {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  public ParticipantRegistry(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /** The participant, unless erased (ADR 0036: an erased person is no longer in the registry). */
  public Optional<Participant> find(UUID id) {
    return jdbc.sql("select * from participant where id = ? and erased_at is null").param(id).query(Participant.class).optional();
  }

  public Optional<Participant> findByFiscalCode(String projectCode, String fiscalCode) {
    return jdbc.sql("select * from participant where project_code = ? and fiscal_code = ?")
        .params(projectCode, fiscalCode)
        .query(Participant.class)
        .optional();
  }

  /**
   * Stores a new participant, or updates the contact data of the one already registered in the project; recorded as
   * PARTICIPANT_REGISTERED or PARTICIPANT_UPDATED (the names of the fields that changed) by {@code user}.
   */
  public Participant register(Participant candidate, String user) {
    Optional<Participant> existing = findByFiscalCode(candidate.projectCode(), candidate.fiscalCode());
    if (existing.isPresent()) {
      Participant p = existing.get();
      Participant merged = new Participant(p.id(), p.projectCode(), p.fiscalCode(), candidate.firstName(),
          candidate.lastName(), candidate.birthDate(), candidate.gender(),
          candidate.citizenship() != null ? candidate.citizenship() : p.citizenship(),
          candidate.permitExpiry() != null ? candidate.permitExpiry() : p.permitExpiry(),
          candidate.phone() != null ? candidate.phone() : p.phone(),
          candidate.email() != null ? candidate.email() : p.email(),
          candidate.address() != null ? candidate.address() : p.address(),
          p.createdAt());
      jdbc.sql("""
              update participant set first_name = ?, last_name = ?, birth_date = ?, gender = ?, citizenship = ?,
              permit_expiry = ?, phone = ?, email = ?, address = ? where id = ?""")
          .params(merged.firstName(), merged.lastName(), merged.birthDate(), merged.gender(), merged.citizenship(),
              merged.permitExpiry(), merged.phone(), merged.email(), merged.address(), merged.id())
          .update();
      List<String> changed = changedFields(p, merged);
      if (!changed.isEmpty()) {
        audit("PARTICIPANT_UPDATED", merged, user, Map.of("participantId", merged.id(), "fields", changed));
      }
      return merged;
    }
    Participant created = new Participant(UUID.randomUUID(), candidate.projectCode(), candidate.fiscalCode(),
        candidate.firstName(), candidate.lastName(), candidate.birthDate(), candidate.gender(), candidate.citizenship(),
        candidate.permitExpiry(), candidate.phone(), candidate.email(), candidate.address(), EngineClock.now());
    jdbc.sql("""
            insert into participant (id, project_code, fiscal_code, first_name, last_name, birth_date, gender, citizenship,
            permit_expiry, phone, email, address, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(created.id(), created.projectCode(), created.fiscalCode(), created.firstName(), created.lastName(),
            created.birthDate(), created.gender(), created.citizenship(), created.permitExpiry(), created.phone(),
            created.email(), created.address(), created.createdAt())
        .update();
    audit("PARTICIPANT_REGISTERED", created, user, Map.of("participantId", created.id()));
    return created;
  }

  /** Logs a read of the person's file (the access log auditors browse) and records it as FILE_READ. */
  public void logAccess(UUID participantId, String projectCode, String userId, String channel) {
    jdbc.sql("""
            insert into participant_access_log (participant_id, project_code, user_id, accessed_at, access_channel)
            values (?, ?, ?, ?, ?)""")
        .params(participantId, projectCode, userId, EngineClock.now(), channel)
        .update();
    events.publishEvent(new AuditFact(null, projectCode, userId, "FILE_READ", null,
        Map.of("participantId", participantId, "channel", channel)));
  }

  private void audit(String type, Participant participant, String user, Map<String, ?> details) {
    events.publishEvent(new AuditFact(null, participant.projectCode(), user, type, null, details));
  }

  private static List<String> changedFields(Participant before, Participant after) {
    List<String> changed = new ArrayList<>();
    Map<String, List<Object>> fields = new java.util.LinkedHashMap<>();
    fields.put("firstName", java.util.Arrays.asList(before.firstName(), after.firstName()));
    fields.put("lastName", java.util.Arrays.asList(before.lastName(), after.lastName()));
    fields.put("birthDate", java.util.Arrays.asList(before.birthDate(), after.birthDate()));
    fields.put("gender", java.util.Arrays.asList(before.gender(), after.gender()));
    fields.put("citizenship", java.util.Arrays.asList(before.citizenship(), after.citizenship()));
    fields.put("permitExpiry", java.util.Arrays.asList(before.permitExpiry(), after.permitExpiry()));
    fields.put("phone", java.util.Arrays.asList(before.phone(), after.phone()));
    fields.put("email", java.util.Arrays.asList(before.email(), after.email()));
    fields.put("address", java.util.Arrays.asList(before.address(), after.address()));
    fields.forEach((name, values) -> {
      if (!Objects.equals(values.get(0), values.get(1))) {
        changed.add(name);
      }
    });
    return changed;
  }

  public List<AccessLogEntry> accessLog(UUID participantId) {
    return jdbc.sql("""
            select user_id, accessed_at, access_channel from participant_access_log
            where participant_id = ? order by accessed_at, id""")
        .param(participantId)
        .query((rs, i) -> new AccessLogEntry(rs.getString("user_id"),
            rs.getObject("accessed_at", OffsetDateTime.class), rs.getString("access_channel")))
        .list();
  }

  /** Whole years between the birth date and the given day. */
  public static int age(LocalDate birthDate, LocalDate on) {
    return java.time.Period.between(birthDate, on).getYears();
  }

  public record AccessLogEntry(String userId, OffsetDateTime accessedAt, String channel) {}
}
