package org.erplab.pathways.deadline.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The deadlines a pathway lives under: how each is counted and which programme parameter gives its length (managers
 * change the lengths, per project, through {@code PUT /api/projects/{code}/parameters/{name}}). A stage gets
 * deadlines by declaring a kind here and naming it in its model, on the task and on the boundary timer that guards it:
 * {@code camunda:dueDate="${deadlines.due(execution, 'VERIFICATION')}"}. Everything else (the record, the shift on
 * resumption, met / missed / cancelled, the audit trail) follows.
 */
public enum DeadlineKind {
  CALL_BACK(Basis.WORKING_DAYS, "callBackWorkingDays"),
  INTAKE_INTERVIEW(Basis.WORKING_DAYS, "intakeInterviewWorkingDays"),
  VERIFICATION(Basis.WORKING_DAYS, "verificationWorkingDays"),
  DOCUMENTS(Basis.CALENDAR_DAYS, "documentsWaitDays"),
  OPERATOR_ASSIGNMENT(Basis.WORKING_DAYS, "assignOperatorWorkingDays"),
  FIRST_APPOINTMENT(Basis.WORKING_DAYS, "firstAppointmentWorkingDays"),
  SKILLS_ASSESSMENT(Basis.WORKING_DAYS, "skillsAssessmentWorkingDays"),
  SOCIAL_REFERRAL(Basis.WORKING_DAYS, "socialReferralWorkingDays"),
  PLAN_DRAFT(Basis.WORKING_DAYS, "planDraftWorkingDays"),
  PLAN_SIGNATURE(Basis.CALENDAR_DAYS, "planSignatureDays"),
  SELF_EMPLOYMENT_CHECK_IN(Basis.WORKING_DAYS, "selfEmploymentCheckInWorkingDays"),
  SELF_EMPLOYMENT_OUTCOME(Basis.WORKING_DAYS, "selfEmploymentOutcomeWorkingDays"),
  /** The whole job search, from the placement stage's start (on the search scope, not on a task). */
  PLACEMENT_SEARCH(Basis.CALENDAR_DAYS, "placementSearchDays"),
  FOLLOW_UP(Basis.WORKING_DAYS, "followUpWorkingDays"),
  ARREARS_REDUCTION(Basis.WORKING_DAYS, "arrearsReductionWorkingDays"),
  /**
   * The internship's last day: a term, not a task to do in time. Its length is the agreement's planned months from its
   * start date (table {@code internship}), not a programme parameter; the timer ending the stage meets it.
   */
  INTERNSHIP_END(Basis.MONTHS, "internship.plannedMonths", true);

  private final Basis basis;
  private final String parameter;
  private final boolean term;

  DeadlineKind(Basis basis, String parameter) {
    this(basis, parameter, false);
  }

  DeadlineKind(Basis basis, String parameter, boolean term) {
    this.basis = basis;
    this.parameter = parameter;
    this.term = term;
  }

  /** A term: reaching it is the expected end of the stage (MET when its timer fires), not a miss. */
  public boolean isTerm() {
    return term;
  }

  public Basis basis() {
    return basis;
  }

  /** The programme parameter holding the length. */
  public String parameter() {
    return parameter;
  }

  /** The kind counted from a parameter (models deployed before deadlines were records name the parameter). */
  public static Optional<DeadlineKind> ofParameter(String parameter) {
    return Arrays.stream(values()).filter(k -> k.parameter.equals(parameter)).findFirst();
  }

  /** How a deadline's length is counted: working days of the project's calendar, or calendar days / months. */
  public enum Basis { WORKING_DAYS, CALENDAR_DAYS, MONTHS }
}
