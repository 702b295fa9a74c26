package org.erplab.pathways.worklist.api;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One open task of the caller's work list. {@code formKey} names the Camunda Form (its fields are the API fields);
 * {@code priority} orders the list (higher first).
 */
public record TaskItem(
    String id,
    String name,
    String taskKey,
    String pathwayId,
    String projectCode,
    List<String> candidateGroups,
    String assignee,
    OffsetDateTime created,
    OffsetDateTime due,
    boolean overdue,
    int priority,
    String formKey) {}
