package org.erplab.pathways.pathway.process;

import org.erplab.pathways.common.process.DeclaredProcess;
import org.erplab.pathways.common.process.ProcessVariable;

/**
 * Descriptor of {@code placement} ({@code processes/placement/placement.bpmn}): the job search and the follow-up. The
 * operator records a hire (Task_RecordPlacement, table {@code placement}; the employer's name is filed there and never
 * reaches the engine), the CPI verifies it (not confirmed: back to the operator, the reason in the case notes), the
 * decision {@code placement-result} says whether it counts; a hire that does not count lets the search go on. The
 * whole search is guarded by the deadline PLACEMENT_SEARCH ({@code placementSearchDays} from the stage's start): when
 * it passes the stage ends COMPLETED_NOT_PLACED. A hire that counts starts the follow-ups (table {@code follow_up}) at
 * the months of {@code followUpMonths} after its start date, each a Task_FollowUp with its deadline FOLLOW_UP; after
 * the last one the stage ends PLACED. Runs in the operator's part of the project, like the plan.
 */
public final class PlacementProcess {

  public static final String KEY = "placement";

  /** Stage of a pathway looking for a job, then of a pathway whose hire counts and is followed up. */
  public static final String STAGE_PLACEMENT = "PLACEMENT";
  public static final String STAGE_FOLLOW_UP = "FOLLOW_UP";

  public static final class Elements {
    public static final String START = "StartEvent_PlacementStarted";
    /** The search (record, verify, decide) as one scope: its boundary timer is the search deadline. */
    public static final String SUBPROCESS_SEARCH = "SubProcess_Search";
    public static final String START_SEARCH = "StartEvent_SearchStarted";
    public static final String GATEWAY_SEARCH = "Gateway_Search";
    public static final String TASK_RECORD_PLACEMENT = "Task_RecordPlacement";
    public static final String TASK_VERIFY_PLACEMENT = "Task_VerifyPlacement";
    public static final String GATEWAY_PLACEMENT_CONFIRMED = "Gateway_PlacementConfirmed";
    public static final String BUSINESS_RULE_TASK_PLACEMENT_RESULT = "BusinessRuleTask_PlacementResult";
    public static final String GATEWAY_PLACEMENT_COUNTS = "Gateway_PlacementCounts";
    public static final String END_SEARCH_DONE = "EndEvent_SearchDone";
    /** Interrupting, on the search: PLACEMENT_SEARCH passed without a hire that counts. */
    public static final String TIMER_SEARCH_OVERDUE = "Timer_SearchOverdue";
    public static final String GATEWAY_FOLLOW_UPS = "Gateway_FollowUps";
    public static final String TASK_NEXT_FOLLOW_UP = "Task_NextFollowUp";
    public static final String GATEWAY_FOLLOW_UP_LEFT = "Gateway_FollowUpLeft";
    /** Start of the day the follow-up falls on: its month after the hire's start date. */
    public static final String TIMER_FOLLOW_UP_DUE = "Timer_FollowUpDue";
    public static final String TASK_FOLLOW_UP = "Task_FollowUp";
    /** Interrupting, on Task_FollowUp: FOLLOW_UP passed, the follow-up is filed as missed and the next one comes. */
    public static final String TIMER_FOLLOW_UP_OVERDUE = "Timer_FollowUpOverdue";
    public static final String END_PLACED = "EndEvent_Placed";
    public static final String END_NOT_PLACED = "EndEvent_NotPlaced";

    private Elements() {}
  }

  /** How the stage ended, returned to the pathway. */
  public enum Outcome { PLACED, COMPLETED_NOT_PLACED }

  /** Task_RecordPlacement's contract types (the decision {@code placement-result} reads them). */
  public enum ContractType { PERMANENT, APPRENTICESHIP, FIXED_TERM, TEMPORARY_AGENCY, SELF_EMPLOYMENT, OTHER }

  public static final class Variables {
    /** Task_RecordPlacement: an organisation's name, filed in table placement, never stored by the engine. */
    public static final ProcessVariable<String> EMPLOYER_NAME = ProcessVariable.string("employerName").sensitive();
    /** Task_RecordPlacement: a {@link ContractType}. */
    public static final ProcessVariable<String> CONTRACT_TYPE = ProcessVariable.string("contractType");
    /** Task_RecordPlacement: ISO date, at most {@code placementStartMaxDaysAhead} days ahead. */
    public static final ProcessVariable<String> START_DATE = ProcessVariable.date("startDate");
    /** Task_RecordPlacement: ISO date after the start; required for FIXED_TERM and TEMPORARY_AGENCY. */
    public static final ProcessVariable<String> PLANNED_END_DATE = ProcessVariable.date("plannedEndDate");
    /** Task_RecordPlacement: 1 to 48. */
    public static final ProcessVariable<Integer> WEEKLY_HOURS = ProcessVariable.integer("weeklyHours");
    /** Task_VerifyPlacement. */
    public static final ProcessVariable<Boolean> PLACEMENT_CONFIRMED = ProcessVariable.bool("placementConfirmed");
    /** Task_VerifyPlacement, required when not confirmed: filed in the case notes, never in the engine. */
    public static final ProcessVariable<String> REJECTION_REASON =
        ProcessVariable.string("rejectionReason").sensitive();
    /** Days from the start to the planned end (both counted), null without a planned end: the decision's input. */
    public static final ProcessVariable<Integer> PLANNED_DURATION_DAYS = ProcessVariable.integer("plannedDurationDays");
    /** Output of the decision {@code placement-result}. */
    public static final ProcessVariable<Boolean> PLACEMENT_COUNTS = ProcessVariable.bool("placementCounts");
    /** The month of the follow-up due next (3, 6, 12 by default), null after the last. */
    public static final ProcessVariable<Integer> FOLLOW_UP_MONTH = ProcessVariable.integer("followUpMonth");
    /** Task_FollowUp. */
    public static final ProcessVariable<Boolean> STILL_EMPLOYED = ProcessVariable.bool("stillEmployed");
    /** PLACED | COMPLETED_NOT_PLACED, returned to the pathway. */
    public static final ProcessVariable<String> PLACEMENT_OUTCOME = ProcessVariable.string("placementOutcome");

    private Variables() {}
  }

  public static final DeclaredProcess DECLARED = DeclaredProcess.of(KEY,
          PathwayProcess.Variables.PATHWAY_ID, PathwayProcess.Variables.OPERATOR_ORGANISATION,
          Variables.EMPLOYER_NAME, Variables.CONTRACT_TYPE, Variables.START_DATE, Variables.PLANNED_END_DATE,
          Variables.WEEKLY_HOURS, Variables.PLACEMENT_CONFIRMED, Variables.REJECTION_REASON,
          Variables.PLANNED_DURATION_DAYS, Variables.PLACEMENT_COUNTS, Variables.FOLLOW_UP_MONTH,
          Variables.STILL_EMPLOYED, Variables.PLACEMENT_OUTCOME)
      .partitionedBy(PathwayProcess.Variables.OPERATOR_ORGANISATION);

  private PlacementProcess() {}
}
