package org.erplab.pathways.pathway.process;

import org.erplab.pathways.common.process.DeclaredProcess;
import org.erplab.pathways.common.process.ProcessVariable;

/**
 * Descriptor of the main process {@code pathway} ({@code processes/pathway/pathway.bpmn}): key, element ids and
 * the variables it owns. Tests, delegates and the API refer to these constants, never to string literals.
 */
public final class PathwayProcess {

  public static final String KEY = "pathway";

  public static final class Elements {
    public static final String START = "StartEvent_PathwayRequested";
    public static final String CALL_INTAKE = "CallActivity_Intake";
    public static final String GATEWAY_INTAKE_OUTCOME = "Gateway_IntakeOutcome";
    public static final String CALL_ELIGIBILITY = "CallActivity_Eligibility";
    public static final String GATEWAY_ELIGIBLE = "Gateway_Eligible";
    public static final String TASK_ASSIGN_OPERATOR = "Task_AssignOperator";
    public static final String GATEWAY_HANDOVER = "Gateway_Handover";
    public static final String CALL_HANDOVER = "CallActivity_Handover";
    public static final String GATEWAY_HANDOVER_OUTCOME = "Gateway_HandoverOutcome";
    public static final String GATEWAY_ASSESSMENT = "Gateway_Assessment";
    public static final String CALL_ASSESSMENT = "CallActivity_Assessment";
    public static final String GATEWAY_ROUTE = "Gateway_Route";
    /** LABOUR: the personalised plan (process {@code plan}, in the operator's part). */
    public static final String CALL_PLAN = "CallActivity_Plan";
    public static final String GATEWAY_PLAN_OUTCOME = "Gateway_PlanOutcome";
    /** The plan is signed: its courses (process {@code training}, in the operator's part). */
    public static final String CALL_TRAINING = "CallActivity_Training";
    public static final String GATEWAY_TRAINING_OUTCOME = "Gateway_TrainingOutcome";
    /** Training done: the internship when the plan foresees one ({@code nextStage}), otherwise the placement. */
    public static final String GATEWAY_NEXT_STAGE = "Gateway_NextStage";
    /** The internship (process {@code internship}, in the operator's part). */
    public static final String CALL_INTERNSHIP = "CallActivity_Internship";
    /** Internship ended (completed or terminated early), or none planned: on to the placement. */
    public static final String GATEWAY_JOIN_PLACEMENT = "Gateway_JoinPlacement";
    /** The placement and its follow-ups (process {@code placement}, in the operator's part). */
    public static final String CALL_PLACEMENT = "CallActivity_Placement";
    public static final String GATEWAY_PLACEMENT_OUTCOME = "Gateway_PlacementOutcome";
    /** A hire that counts, followed up to the last follow-up: the pathway is closed as PLACED. */
    public static final String END_PLACED = "EndEvent_Placed";
    /** The search deadline passed without a hire that counts: the pathway is closed as COMPLETED_NOT_PLACED. */
    public static final String END_NOT_PLACED = "EndEvent_NotPlaced";
    /** A course not completed and the operator chose to close: the pathway is closed as COMPLETED_NOT_PLACED. */
    public static final String END_TRAINING_CLOSED = "EndEvent_TrainingClosed";
    /** The plan was not signed in time: the pathway is closed as PLAN_NOT_SIGNED. */
    public static final String END_PLAN_NOT_SIGNED = "EndEvent_PlanNotSigned";
    /** SELF_EMPLOYMENT: the accompaniment is a stage to be built (the pathway waits in stage SELF_EMPLOYMENT). */
    public static final String END_SELF_EMPLOYMENT = "EndEvent_SelfEmployment";
    public static final String CALL_SOCIAL_REFERRAL = "CallActivity_SocialReferral";
    /** The re-assessment day the social services set: back to the skills assessment. */
    public static final String TIMER_REASSESSMENT = "Timer_Reassessment";
    public static final String END_UNREACHABLE = "EndEvent_Unreachable";
    public static final String END_NO_CONSENT = "EndEvent_NoConsent";
    public static final String END_INELIGIBLE = "EndEvent_Ineligible";
    /** Event subprocess: the participant withdraws, in any stage (message {@code PathwayWithdrawn}). */
    public static final String SUBPROCESS_WITHDRAWAL = "SubProcess_Withdrawal";
    public static final String START_WITHDRAWAL = "StartEvent_Withdrawal";
    public static final String END_WITHDRAWN = "EndEvent_Withdrawn";
    /** Event subprocess: the programme ends, in any stage (message {@code ProgrammeEnded}). */
    public static final String SUBPROCESS_PROGRAMME_ENDED = "SubProcess_ProgrammeEnded";
    public static final String START_PROGRAMME_ENDED = "StartEvent_ProgrammeEnded";
    public static final String END_INTERRUPTED = "EndEvent_Interrupted";
    /**
     * Non-interrupting event subprocess: an amendment of the signed plan (message {@code PlanAmendmentRequested}),
     * approved and signed in process {@code plan-amendment} while the running stage goes on.
     */
    public static final String SUBPROCESS_PLAN_AMENDMENT = "SubProcess_PlanAmendment";
    public static final String START_PLAN_AMENDMENT = "StartEvent_PlanAmendmentRequested";
    public static final String CALL_PLAN_AMENDMENT = "CallActivity_PlanAmendment";
    public static final String END_PLAN_AMENDMENT = "EndEvent_PlanAmendmentDone";

    private Elements() {}
  }

  /** Process variables: English lowerCamelCase, primitives or ids only, never personal data. */
  public static final class Variables {
    /** Pseudonymous pathway id (UUID), also the business key. */
    public static final ProcessVariable<String> PATHWAY_ID = ProcessVariable.string("pathwayId");
    /** Pseudonymous participant id (UUID) of the registry. */
    public static final ProcessVariable<String> PARTICIPANT_ID = ProcessVariable.string("participantId");
    public static final ProcessVariable<String> PROJECT_CODE = ProcessVariable.string("projectCode");
    /** LAB | CPI_DESK | SELF_REGISTRATION. */
    public static final ProcessVariable<String> CHANNEL = ProcessVariable.string("channel");
    /** Whole years at intake, derived from the registry; decisions need it, the birth date stays in the registry. */
    public static final ProcessVariable<Integer> AGE_AT_INTAKE = ProcessVariable.integer("ageAtIntake");
    /** COMPLETED | UNREACHABLE | NO_CONSENT, set by the intake process. */
    public static final ProcessVariable<String> INTAKE_OUTCOME = ProcessVariable.string("intakeOutcome");
    /** ELIGIBLE | INELIGIBLE, set by the eligibility process. */
    public static final ProcessVariable<String> ELIGIBILITY_OUTCOME = ProcessVariable.string("eligibilityOutcome");
    /** Comma-separated reason codes (UNDER_18, NOT_RESIDENT, ...). */
    public static final ProcessVariable<String> ELIGIBILITY_REASONS = ProcessVariable.string("eligibilityReasons");
    /** Task_AssignOperator: organisation code of an accredited operator of the project. */
    public static final ProcessVariable<String> OPERATOR_ORGANISATION = ProcessVariable.string("operatorOrganisation");
    /**
     * Task_AssignOperator (task-local): the project's accredited operators as a JSON list of {label, value}, which
     * the form offers ({@code valuesKey}). Names and codes of organisations only.
     */
    public static final ProcessVariable<Object> OPERATOR_OPTIONS = ProcessVariable.json("operatorOptions");

    private Variables() {}
  }

  /** What a pathway instance holds: its own variables and what its stages return (the facts decisions need). */
  public static final DeclaredProcess DECLARED = DeclaredProcess.of(KEY,
      Variables.PATHWAY_ID, Variables.PARTICIPANT_ID, Variables.PROJECT_CODE, Variables.CHANNEL,
      Variables.AGE_AT_INTAKE, Variables.INTAKE_OUTCOME,
      IntakeProcess.Variables.RESIDENT_IN_ERP, IntakeProcess.Variables.HOUSING_HARDSHIP,
      IntakeProcess.Variables.EMPLOYMENT_STATUS, IntakeProcess.Variables.HAS_DID,
      IntakeProcess.Variables.NASPI_RECIPIENT, IntakeProcess.Variables.OTHER_MEASURE,
      IntakeProcess.Variables.PERMIT_STATUS,
      Variables.ELIGIBILITY_OUTCOME, Variables.ELIGIBILITY_REASONS, EligibilityProcess.Variables.REFERRAL,
      Variables.OPERATOR_ORGANISATION, Variables.OPERATOR_OPTIONS,
      HandoverProcess.Variables.HANDOVER_OUTCOME, HandoverProcess.Variables.NEW_OPERATOR_ORGANISATION,
      AssessmentProcess.Variables.PATHWAY_ROUTE, AssessmentProcess.Variables.EQF_LEVEL,
      SocialReferralProcess.Variables.SOCIAL_ORGANISATION, SocialReferralProcess.Variables.REASSESSMENT_DATE,
      PlanProcess.Variables.PLAN_OUTCOME, TrainingProcess.Variables.TRAINING_OUTCOME,
      TrainingProcess.Variables.NEXT_STAGE, InternshipProcess.Variables.INTERNSHIP_OUTCOME,
      PlacementProcess.Variables.PLACEMENT_OUTCOME);

  private PathwayProcess() {}
}
