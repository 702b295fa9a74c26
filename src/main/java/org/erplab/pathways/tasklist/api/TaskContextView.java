package org.erplab.pathways.tasklist.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A task's context for the Tasklist plugin. {@code personalData} says whether {@code person} and {@code notes} were
 * read (null for roles that do not read personal files). {@code hours}: the hours so far of the signed plan's courses
 * and of the internship's months (empty lists before there are any).
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
    Hours hours,
    boolean personalData,
    Person person,
    List<CaseNoteItem> notes) {

  record Person(String firstName, String lastName, String phone, String email) {}

  /** An open deadline of the pathway; {@code thisTask}: the deadline of the task shown. */
  record DeadlineItem(String kind, String activityId, OffsetDateTime dueAt, String state, boolean thisTask) {}

  /** Hours so far: per course of the signed plan (the register as corrected) and per internship month recorded. */
  record Hours(List<CourseHours> courses, List<InternshipMonth> internship) {}

  record CourseHours(String code, String title, LocalDate startDate, LocalDate lastDay, BigDecimal plannedHours,
      BigDecimal attendedHours, BigDecimal attendanceRate) {}

  /** {@code month}: yyyy-MM. */
  record InternshipMonth(String month, BigDecimal plannedHours, BigDecimal attendedHours, BigDecimal attendanceRate) {}

  record CaseNoteItem(String taskKey, String field, String text, String author, OffsetDateTime createdAt) {}
}
