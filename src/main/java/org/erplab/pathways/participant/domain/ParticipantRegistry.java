package org.erplab.pathways.participant.domain;

import org.erplab.pathways.common.domain.EngineClock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The participant registry (table participant) and the log of every read of a personal file. */
@Service
public class ParticipantRegistry {

  private final JdbcClient jdbc;

  public ParticipantRegistry(JdbcClient jdbc) {
    this.jdbc = jdbc;
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

  /** Stores a new participant, or updates the contact data of the one already registered in the project. */
  public Participant register(Participant candidate) {
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
    return created;
  }

  public void logAccess(UUID participantId, String projectCode, String userId, String channel) {
    jdbc.sql("""
            insert into participant_access_log (participant_id, project_code, user_id, accessed_at, access_channel)
            values (?, ?, ?, ?, ?)""")
        .params(participantId, projectCode, userId, EngineClock.now(), channel)
        .update();
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
