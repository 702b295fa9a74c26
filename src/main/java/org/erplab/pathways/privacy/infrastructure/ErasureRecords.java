package org.erplab.pathways.privacy.infrastructure;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What an erasure removes from our tables, and its record (table {@code participant_erasure}, ADR 0036). The person's
 * pathways stay with their pseudonymous id and every fact the indicators count; what can name or describe the person
 * goes: identity and contacts, special-category data, free text written about the pathway, and the names of the
 * organisations (or people) that hosted or hired the person.
 */
@Repository
public class ErasureRecords {

  /** Written over a text that may not be null; no person's data. */
  public static final String ERASED_TEXT = "[cancellato]";

  /** The pathways of a participant, in SQL (every statement below reaches them by it). */
  private static final String PATHWAYS_OF = "select id from pathway where participant_id = ?";

  private final JdbcClient jdbc;

  public ErasureRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The person, not erased yet, locked for the erasure (a concurrent one waits, then finds nothing to erase). */
  public Optional<Person> lock(UUID participantId) {
    return jdbc.sql("""
            select id, project_code, fiscal_code, first_name, last_name from participant
            where id = ? and erased_at is null for update""")
        .param(participantId)
        .query((rs, i) -> new Person(rs.getObject("id", UUID.class), rs.getString("project_code"),
            rs.getString("fiscal_code"), rs.getString("first_name"), rs.getString("last_name")))
        .optional();
  }

  /** Every pathway of the person, oldest first. */
  public List<UUID> pathways(UUID participantId) {
    return jdbc.sql(PATHWAYS_OF + " order by created_at").param(participantId).query(UUID.class).list();
  }

  /** The person's pathways not closed yet (active or suspended). */
  public List<UUID> openPathways(UUID participantId) {
    return jdbc.sql("select id from pathway where participant_id = ? and status <> 'CLOSED' order by created_at")
        .param(participantId).query(UUID.class).list();
  }

  /** Removes or blanks every value about the person in our tables, and marks the registry's row erased. */
  public void blank(UUID participantId, OffsetDateTime at) {
    for (String statement : List.of(
        "delete from participant_vulnerability where pathway_id in (" + PATHWAYS_OF + ")",
        "delete from case_note where pathway_id in (" + PATHWAYS_OF + ")",
        "update internship_extension set reason = '" + ERASED_TEXT + "' where pathway_id in (" + PATHWAYS_OF + ")",
        "update pathway_suspension set resumption_note = null where pathway_id in (" + PATHWAYS_OF + ")",
        "update attendance_entry set reason = '" + ERASED_TEXT + "' where reason is not null and pathway_id in ("
            + PATHWAYS_OF + ")",
        "update internship set host = null, promoter = null, tutor = null where pathway_id in (" + PATHWAYS_OF + ")",
        "update placement set employer_name = '" + ERASED_TEXT + "' where pathway_id in (" + PATHWAYS_OF + ")")) {
      jdbc.sql(statement).param(participantId).update();
    }
    jdbc.sql("""
            update participant set fiscal_code = null, first_name = null, last_name = null, birth_date = null,
            gender = null, citizenship = null, permit_expiry = null, phone = null, email = null, address = null,
            erased_at = ? where id = ?""")
        .params(at, participantId)
        .update();
  }

  /** The erasure's record: no personal data. */
  public void record(UUID participantId, String projectCode, String erasedBy, OffsetDateTime erasedAt, String reason,
      List<UUID> withdrawnPathways) {
    jdbc.sql("""
            insert into participant_erasure (participant_id, project_code, erased_by, erased_at, reason,
            withdrawn_pathways) values (?, ?, ?, ?, ?, ?)""")
        .params(participantId, projectCode, erasedBy, erasedAt, reason, withdrawnPathways.isEmpty() ? null
            : withdrawnPathways.stream().map(UUID::toString).collect(Collectors.joining(",")))
        .update();
  }

  /**
   * People kept past the retention period: not erased, no pathway open, and either their last pathway closed before
   * {@code before} or, with no pathway, registered before it. Oldest first, at most {@code limit}.
   */
  public List<UUID> dueForRetention(OffsetDateTime before, int limit) {
    return jdbc.sql("""
            select pa.id from participant pa
            where pa.erased_at is null
              and not exists (select 1 from pathway p where p.participant_id = pa.id
                              and (p.status <> 'CLOSED' or p.closed_at is null or p.closed_at >= ?))
              and (exists (select 1 from pathway p where p.participant_id = pa.id) or pa.created_at < ?)
            order by pa.created_at, pa.id
            limit ?""")
        .params(before, before, limit)
        .query(UUID.class).list();
  }

  /** The registry's row of a person: what an erasure must have found. */
  public record Person(UUID id, String projectCode, String fiscalCode, String firstName, String lastName) {}
}
