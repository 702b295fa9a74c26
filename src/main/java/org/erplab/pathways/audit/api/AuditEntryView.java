package org.erplab.pathways.audit.api;

import java.time.OffsetDateTime;
import java.util.Map;
import org.erplab.pathways.audit.domain.AuditEntry;

/**
 * One line of {@code GET /api/pathways/{id}/audit}: when (Europe/Rome), what ({@code type}, see
 * {@link org.erplab.pathways.audit.domain.AuditEntryType} for the keys of {@code details}), where (process key,
 * instance, model element) and who ({@code user}, a staff user id, null when the engine acted alone).
 */
public record AuditEntryView(
    OffsetDateTime at,
    String type,
    String processKey,
    String processInstanceId,
    String elementId,
    String elementName,
    String user,
    Map<String, Object> details) {

  static AuditEntryView of(AuditEntry entry) {
    return new AuditEntryView(entry.at(), entry.type().name(), entry.processKey(), entry.processInstanceId(),
        entry.elementId(), entry.elementName(), entry.user(), entry.details());
  }
}
