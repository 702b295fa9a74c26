package org.erplab.pathways.audit.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;
import org.erplab.pathways.audit.infrastructure.AuditLog;
import org.erplab.pathways.common.api.ApiTime;

/**
 * One event of {@code GET /api/pathways/{id}/audit}, as the audit record holds it (ADR 0035): its number in the
 * pathway's chain ({@code seq}, from 1, without gaps), when (engine clock, Europe/Rome), what ({@code type}: an
 * {@link org.erplab.pathways.audit.domain.AuditEventType} for the engine's events, the service's own type for the
 * rest, e.g. DEADLINE_SHIFTED, PATHWAY_SUSPENDED, PLAN_VERSION_SAVED), who ({@code actor}: a user id, or
 * {@code system}), where (model element, process instance), a small JSON of non-personal {@code details}, and the
 * event's {@code hash} in the chain.
 */
public record AuditEntryView(
    long seq,
    OffsetDateTime at,
    String type,
    String actor,
    String elementId,
    String processInstanceId,
    @JsonRawValue String details,
    String hash) {

  static AuditEntryView of(AuditLog.Recorded event) {
    return new AuditEntryView(event.seq(), ApiTime.of(event.at().toInstant()), event.type(), event.actor(),
        event.elementId(), event.processInstanceId(), event.details() == null ? "{}" : event.details(), event.hash());
  }
}
