package org.erplab.pathways.worklist.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One open task of the caller's work list. {@code formKey} names the Camunda Form (its fields are the API fields);
 * {@code priority} orders the list (higher first). A task of a suspended pathway is {@code suspended} (it cannot be
 * claimed or completed until the pathway resumes) and never {@code overdue}. {@code programmeEndsOn}: when the
 * project's programme ends within the warning period, its last day (the pathway will be interrupted after it); else
 * null.
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
    boolean suspended,
    DeadlineItem deadline,
    int priority,
    String formKey,
    LocalDate programmeEndsOn) {

  /**
   * The task's deadline (table {@code deadline}): kind, due date (the same as {@code due}), state (OPEN, MET, MISSED,
   * CANCELLED) and the working days suspensions moved it by; null for a task without a deadline.
   */
  public record DeadlineItem(String kind, OffsetDateTime due, String state, int shiftedWorkingDays,
      int shiftedCalendarDays) {}
}
