package org.erplab.pathways.common.domain;

import java.util.Map;
import java.util.UUID;

/**
 * Something a service did that goes into the audit record (ADR 0035), published as a Spring application event in the
 * transaction that did it: the audit package writes it at that transaction's commit, or not at all if it rolls back.
 * {@code details} hold codes, ids, dates and counts, never personal data; null values are left out.
 *
 * @param pathwayId the pathway it concerns, or null (a project's or the system's event)
 * @param projectCode the project, or null when the pathway says it (or none applies)
 * @param actor the user who did it, or null for the system
 * @param type what happened, upper case (e.g. DEADLINE_CREATED, PARAMETER_CHANGED)
 * @param elementId the model element it happened at, or null
 */
public record AuditFact(UUID pathwayId, String projectCode, String actor, String type, String elementId,
    Map<String, ?> details) {}
