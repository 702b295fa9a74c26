package org.erplab.pathways.deadline.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One deadline of a pathway (table {@code deadline}). */
public record Deadline(
    UUID id,
    UUID pathwayId,
    String projectCode,
    String kind,
    String processInstanceId,
    String executionId,
    String activityId,
    String timerActivityId,
    String taskId,
    String basis,
    int lengthValue,
    String parameter,
    LocalDate startsOn,
    OffsetDateTime dueAt,
    OffsetDateTime originalDueAt,
    String state,
    int shiftedWorkingDays,
    int shiftedCalendarDays,
    OffsetDateTime createdAt,
    OffsetDateTime closedAt) {

  public enum State { OPEN, MET, MISSED, CANCELLED }

  public boolean isOpen() {
    return State.OPEN.name().equals(state);
  }
}
