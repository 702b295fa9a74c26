package org.erplab.pathways.audit.domain;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One line of a pathway's audit trail, read from Camunda history. Never personal data: only pseudonymous ids, element
 * ids, user ids of staff and non-personal values (sensitive variable names are left out).
 *
 * @param at when it happened, in Europe/Rome
 * @param type what happened
 * @param processKey the process definition key ({@code pathway}, {@code intake}, {@code eligibility})
 * @param processInstanceId the instance it happened in
 * @param elementId the model element: activity id, task key, the decision task's id; the process key for
 *     PROCESS_* entries; may be null for operations on the whole instance
 * @param elementName the element's name in the model (Italian)
 * @param user the staff user who acted, when the engine knows it
 * @param details type-specific facts, see {@link AuditEntryType}; never null, keys with null values left out
 */
public record AuditEntry(
    OffsetDateTime at,
    AuditEntryType type,
    String processKey,
    String processInstanceId,
    String elementId,
    String elementName,
    String user,
    Map<String, Object> details) {}
