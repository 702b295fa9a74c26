package org.erplab.pathways.pathway.process;

import org.erplab.pathways.common.process.DeclaredProcess;
import org.erplab.pathways.common.process.ProcessVariable;

/**
 * Descriptor of {@code self-employment} ({@code processes/self-employment/self-employment.bpmn}): the accompaniment to
 * self-employment the skills assessment chose (route SELF_EMPLOYMENT). The operator starts it (the business idea's
 * sector as a code, the planned start; table {@code self_employment}); it lasts {@code selfEmploymentMonths} months
 * with a check-in each month from its first day (each due within {@code selfEmploymentCheckInWorkingDays}, deadline
 * SELF_EMPLOYMENT_CHECK_IN; missed when that passes; table {@code self_employment_check_in}), then the operator records
 * whether the business started (deadline SELF_EMPLOYMENT_OUTCOME): the pathway closes PLACED or COMPLETED_NOT_PLACED.
 * Runs in the operator's part of the project.
 */
public final class SelfEmploymentProcess {

  public static final String KEY = "self-employment";

  public static final class Elements {
    public static final String START = "StartEvent_SelfEmploymentStarted";
    public static final String TASK_START_ACCOMPANIMENT = "Task_StartAccompaniment";
    public static final String GATEWAY_NEXT_CHECK_IN = "Gateway_NextCheckIn";
    public static final String TASK_NEXT_CHECK_IN = "Task_NextCheckIn";
    public static final String GATEWAY_CHECK_IN_LEFT = "Gateway_CheckInLeft";
    /**
     * The month's check-in day (start of the day, Europe/Rome, engine clock): n months after the accompaniment's first
     * day. Not a deadline record: the months are the business's calendar; the check-in task's deadline is.
     */
    public static final String TIMER_CHECK_IN_DUE = "Timer_CheckInDue";
    public static final String TASK_CHECK_IN = "Task_SelfEmploymentCheckIn";
    /** Boundary timer at the check-in's deadline: the check-in is filed as MISSED, the next month follows. */
    public static final String TIMER_CHECK_IN_OVERDUE = "Timer_CheckInOverdue";
    public static final String TASK_OUTCOME = "Task_SelfEmploymentOutcome";
    public static final String GATEWAY_BUSINESS_STARTED = "Gateway_BusinessStarted";
    public static final String END_BUSINESS_STARTED = "EndEvent_BusinessStarted";
    public static final String END_BUSINESS_NOT_STARTED = "EndEvent_BusinessNotStarted";

    private Elements() {}
  }

  /** How the accompaniment ended, returned to the pathway. */
  public enum Outcome { STARTED, NOT_STARTED }

  /** Progress found at a check-in. */
  public enum Progress { ON_TRACK, DELAYED, AT_RISK }

  public static final class Variables {
    /** Task_StartAccompaniment: the business idea's sector, a code (no free text). */
    public static final ProcessVariable<String> BUSINESS_SECTOR = ProcessVariable.string("businessSector");
    /** Task_StartAccompaniment: the day the business is planned to start (yyyy-MM-dd). */
    public static final ProcessVariable<String> PLANNED_START_DATE = ProcessVariable.date("plannedStartDate");
    /** The month whose check-in comes next (1..selfEmploymentMonths), null when every month had its own. */
    public static final ProcessVariable<Integer> CHECK_IN_NUMBER = ProcessVariable.integer("checkInNumber");
    /** Task_SelfEmploymentCheckIn: ON_TRACK | DELAYED | AT_RISK. */
    public static final ProcessVariable<String> CHECK_IN_PROGRESS = ProcessVariable.string("checkInProgress");
    /** Task_SelfEmploymentOutcome: the business started (explicit yes/no). */
    public static final ProcessVariable<Boolean> BUSINESS_STARTED = ProcessVariable.bool("businessStarted");
    /** Task_SelfEmploymentOutcome: the day it started (yyyy-MM-dd), only when it did. */
    public static final ProcessVariable<String> BUSINESS_START_DATE = ProcessVariable.date("businessStartDate");
    /** STARTED | NOT_STARTED, returned to the pathway. */
    public static final ProcessVariable<String> SELF_EMPLOYMENT_OUTCOME = ProcessVariable.string("selfEmploymentOutcome");

    private Variables() {}
  }

  public static final DeclaredProcess DECLARED = DeclaredProcess.of(KEY,
          PathwayProcess.Variables.PATHWAY_ID, PathwayProcess.Variables.OPERATOR_ORGANISATION,
          Variables.BUSINESS_SECTOR, Variables.PLANNED_START_DATE, Variables.CHECK_IN_NUMBER,
          Variables.CHECK_IN_PROGRESS, Variables.BUSINESS_STARTED, Variables.BUSINESS_START_DATE,
          Variables.SELF_EMPLOYMENT_OUTCOME, IntakeProcess.Variables.NOTE)
      .partitionedBy(PathwayProcess.Variables.OPERATOR_ORGANISATION);

  private SelfEmploymentProcess() {}
}
