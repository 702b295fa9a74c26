package org.erplab.pathways.pathway.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.erplab.pathways.indemnity.domain.IndemnityCalculator.Indemnity;
import org.erplab.pathways.pathway.domain.Training;

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
    LocalDate withdrawalDate,
    LocalDate firstAppointmentDate,
    LocalDate reassessmentDate,
    List<Assessment> assessments,
    PlanSummary plan,
    TrainingSummary training,
    InternshipViews.InternshipView internship,
    List<Deadline> deadlines,
    List<Suspension> suspensions,
    List<OpenTask> openTasks,
    PlacementView placement,
    Closure closure,
    SelfEmployment selfEmployment) {

  /**
   * A deadline of the pathway (table {@code deadline}): the element it guards ({@code element}, a user task; {@code
   * timer}, the boundary timer that fires at it), how it is counted ({@code basis}, {@code length} from programme
   * parameter {@code parameter}, from the day {@code startsOn}, not counted), where it falls now ({@code due}) and
   * at first ({@code originalDue}), how far suspensions moved it, and its state: OPEN, MET, MISSED, CANCELLED.
   */
  public record Deadline(UUID id, String kind, String element, String timer, String taskId, String basis, int length,
      String parameter, LocalDate startsOn, OffsetDateTime due, OffsetDateTime originalDue, String state,
      int shiftedWorkingDays, int shiftedCalendarDays, OffsetDateTime closedAt) {}

  /** A suspension: its own, or its share of a project's pause ({@code projectOperationId}). */
  public record Suspension(UUID id, String reason, LocalDate expectedResumption, UUID projectOperationId,
      OffsetDateTime suspendedAt, String suspendedBy, OffsetDateTime resumedAt, String resumedBy,
      Integer shiftedWorkingDays, Integer shiftedCalendarDays) {}

  /** A skills assessment and the route it chose (table {@code skills_assessment}). */
  public record Assessment(OffsetDateTime assessedAt, String operatorOrganisation, int orientationHours,
      boolean readyForWork, boolean needsSocialSupport, boolean selfEmploymentInterest, int eqfLevel,
      String availability, String route) {}

  /**
   * The plan's current version (table {@code plan_version}): the latest signed one, or before the first signature the
   * latest one; {@code amends} is the version an amendment amends. Amounts in euro. Null before any plan is written.
   */
  public record PlanSummary(int version, String status, BigDecimal servicesTotal, BigDecimal indemnityCap,
      LocalDate approvedOn, LocalDate signedOn, Integer amends) {}

  /**
   * Hours attended vs planned per course of the current signed version and in total, from the attendance register,
   * and the indemnity it gives with its arrears share ({@code IndemnityCalculator}). Null before the plan is signed.
   */
  public record TrainingSummary(List<Training.CourseTotal> courses, BigDecimal plannedHours, BigDecimal attendedHours,
      Indemnity indemnity) {}

  /**
   * The pathway's closure (table {@code pathway_closure}), null while it is open: its one outcome, the stage it had
   * reached, the training hours planned and attended and the indemnity with its arrears share, at closure.
   */
  public record Closure(String outcome, String stageAtClosure, OffsetDateTime closedAt,
      java.math.BigDecimal trainingHoursPlanned, java.math.BigDecimal trainingHoursAttended,
      java.math.BigDecimal indemnity, java.math.BigDecimal indemnityArrearsShare) {}

  /**
   * The accompaniment to self-employment (tables {@code self_employment}, {@code self_employment_check_in}), null when
   * the pathway has none: sector code, planned start, its months and check-ins, and the outcome once recorded.
   */
  public record SelfEmployment(String businessSector, LocalDate plannedStart, LocalDate startedOn, int months,
      LocalDate endsOn, List<CheckIn> checkIns, Boolean businessStarted, LocalDate businessStartDate) {

    /** A monthly check-in: DONE with the progress found, or MISSED. */
    public record CheckIn(int month, LocalDate scheduledOn, String status, String progress) {}
  }

  public record OpenTask(String id, String taskKey, String name, String assignee, OffsetDateTime created,
      OffsetDateTime due, boolean suspended) {}
}
