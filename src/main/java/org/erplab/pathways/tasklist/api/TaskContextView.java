package org.erplab.pathways.tasklist.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A task's context for the Tasklist plugin. {@code personalData} says whether {@code person} and {@code notes} were
 * read (null for roles that do not read personal files).
 */
record TaskContextView(
    String taskId,
    String taskName,
    String taskKey,
    UUID pathwayId,
    String projectCode,
    String stage,
    String status,
    String operatorOrganisation,
    OffsetDateTime due,
    List<DeadlineItem> openDeadlines,
    boolean personalData,
    Person person,
    List<CaseNoteItem> notes) {

  record Person(String firstName, String lastName, String phone, String email) {}

  /** An open deadline of the pathway; {@code thisTask}: the deadline of the task shown. */
  record DeadlineItem(String kind, String activityId, OffsetDateTime dueAt, String state, boolean thisTask) {}

  record CaseNoteItem(String taskKey, String field, String text, String author, OffsetDateTime createdAt) {}
}
