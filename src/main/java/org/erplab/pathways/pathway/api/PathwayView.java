package org.erplab.pathways.pathway.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What a pathway looks like to project staff and auditors: no personal data, only the pseudonymous ids. */
public record PathwayView(
    UUID id,
    String projectCode,
    UUID participantId,
    String channel,
    String stage,
    String status,
    String outcome,
    List<String> reasons,
    String referral,
    String operatorOrganisation,
    OffsetDateTime consentAt,
    OffsetDateTime createdAt,
    OffsetDateTime closedAt,
    List<Deadline> deadlines,
    List<OpenTask> openTasks) {

  /** A running deadline: a task's due date (kind TASK) or a timer (kind TIMER), named by its model element id. */
  public record Deadline(String name, String kind, OffsetDateTime due) {}

  public record OpenTask(String id, String taskKey, String name, String assignee, OffsetDateTime created,
      OffsetDateTime due) {}
}
