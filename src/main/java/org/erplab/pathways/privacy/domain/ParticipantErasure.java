package org.erplab.pathways.privacy.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.erplab.pathways.common.domain.AuditFact;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.common.domain.InvalidInputException;
import org.erplab.pathways.pathway.domain.PathwayExits;
import org.erplab.pathways.privacy.infrastructure.ErasureRecords;
import org.erplab.pathways.privacy.infrastructure.ErasureRecords.Person;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases a person (GDPR art. 17, ADR 0036): an open pathway is first withdrawn through the model (as a withdrawal
 * from the lab or the CPI would), then the person's identity, contacts, special-category data and free text are removed
 * from our tables, and the erasure is recorded without personal data. One transaction, the engine's commands included:
 * a failure anywhere leaves the person and the pathway as they were. The pathways, their facts, the engine's history
 * and every indicator stay: they know the pseudonymous id only, and the profile the indicators count by
 * ({@code pathway_profile}) was kept when each pathway started.
 */
@Service
public class ParticipantErasure {

  /** The withdrawal reason of a pathway closed because its person is erased (reason list WITHDRAWAL, V24). */
  static final String WITHDRAWAL_REASON = "DATA_ERASURE";
  static final int REASON_MAX = 500;

  /** The audit record's event type of an erasure, one in the chain of each of the person's pathways. */
  static final String AUDIT_TYPE = "PARTICIPANT_ERASED";

  private final ErasureRecords records;
  private final PathwayExits exits;
  private final ApplicationEventPublisher events;

  public ParticipantErasure(ErasureRecords records, PathwayExits exits, ApplicationEventPublisher events) {
    this.records = records;
    this.exits = exits;
    this.events = events;
  }

  /**
   * Erases the person {@code participantId} if it is in the registry and in a project {@code mayErase} accepts.
   *
   * @param actor the user who asked, or {@code system}
   * @param reason why: required, at most 500 characters, and never the person's name or fiscal code (the record
   *     outlives the identity)
   * @return the erasure; empty when there is no such person (never registered, erased already, another project)
   * @throws InvalidInputException naming {@code reason}
   */
  @Transactional
  public Optional<Erasure> erase(UUID participantId, Predicate<String> mayErase, String actor, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("reason", "is required");
    }
    if (reason.length() > REASON_MAX) {
      throw new InvalidInputException("reason", "must be at most " + REASON_MAX + " characters");
    }
    Optional<Person> found = records.lock(participantId).filter(p -> mayErase.test(p.projectCode()));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Person person = found.get();
    if (namesThePerson(reason, person)) {
      throw new InvalidInputException("reason", "must not contain the person's name or fiscal code");
    }
    List<UUID> withdrawn = new ArrayList<>();
    for (UUID pathway : records.openPathways(participantId)) {
      exits.withdraw(pathway, WITHDRAWAL_REASON, EngineClock.today(), actor);
      withdrawn.add(pathway);
    }
    OffsetDateTime now = EngineClock.now();
    records.blank(participantId, now);
    Erasure erasure = new Erasure(participantId, person.projectCode(), actor, now, reason.strip(),
        records.pathways(participantId), List.copyOf(withdrawn));
    erased(erasure);
    return Optional.of(erasure);
  }

  /**
   * The erasure is recorded, in its transaction: table {@code participant_erasure} (with the reason), and the audit
   * record ({@code audit_event}, ADR 0035): a {@value #AUDIT_TYPE} event in the chain of each of the person's pathways,
   * with the participant id, whether this pathway was withdrawn by it, and the cause as a code (REQUEST, or RETENTION
   * for the nightly job), never the free-text reason (the audit record can never be changed).
   */
  void erased(Erasure erasure) {
    records.record(erasure.participantId(), erasure.projectCode(), erasure.erasedBy(), erasure.erasedAt(),
        erasure.reason(), erasure.withdrawnPathways());
    String cause = PersonalDataRetention.ACTOR.equals(erasure.erasedBy())
        && PersonalDataRetention.REASON.equals(erasure.reason()) ? "RETENTION" : "REQUEST";
    for (UUID pathway : erasure.pathways()) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("participantId", erasure.participantId().toString());
      details.put("withdrawn", erasure.withdrawnPathways().contains(pathway));
      details.put("cause", cause);
      events.publishEvent(new AuditFact(pathway, erasure.projectCode(), erasure.erasedBy(), AUDIT_TYPE, null,
          details));
    }
  }

  private static boolean namesThePerson(String reason, Person person) {
    String text = reason.toLowerCase(Locale.ROOT);
    return Stream.of(person.fiscalCode(), person.firstName(), person.lastName())
        .filter(value -> value != null && value.strip().length() >= 3)
        .anyMatch(value -> text.contains(value.strip().toLowerCase(Locale.ROOT)));
  }

  /** An erasure: whose, in which project, who asked, when, why, the person's pathways and those withdrawn first. */
  public record Erasure(UUID participantId, String projectCode, String erasedBy, OffsetDateTime erasedAt, String reason,
      List<UUID> pathways, List<UUID> withdrawnPathways) {}
}
