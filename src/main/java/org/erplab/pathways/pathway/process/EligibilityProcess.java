package org.erplab.pathways.pathway.process;

import java.util.List;
import org.erplab.pathways.common.process.DeclaredProcess;
import org.erplab.pathways.common.process.ProcessVariable;

/** Descriptor of {@code eligibility} ({@code processes/eligibility/eligibility.bpmn}) and its decisions. */
public final class EligibilityProcess {

  public static final String KEY = "eligibility";
  /** DMN decision (COLLECT): one row per reason that applies, outputs {@code outcome} and {@code reason}. */
  public static final String DECISION_ELIGIBILITY = "eligibility";
  /** DMN decision (FIRST): suggests the measure that fits an ineligible person. */
  public static final String DECISION_REFERRAL = "referral";

  public static final class Elements {
    public static final String START = "StartEvent_EligibilityStarted";
    public static final String SERVICE_FIND_OTHER_ENROLMENTS = "ServiceTask_FindOtherEnrolments";
    public static final String RULE_EVALUATE_ELIGIBILITY = "BusinessRuleTask_EvaluateEligibility";
    public static final String GATEWAY_ELIGIBILITY_OUTCOME = "Gateway_EligibilityOutcome";
    public static final String GATEWAY_JOIN_VERIFICATION = "Gateway_JoinVerification";
    public static final String TASK_VERIFY_ELIGIBILITY = "Task_VerifyEligibility";
    public static final String TIMER_VERIFICATION_OVERDUE = "Timer_VerificationOverdue";
    public static final String TASK_VERIFICATION_OVERDUE_ALERT = "Task_VerificationOverdueAlert";
    public static final String END_ALERT_HANDLED = "EndEvent_AlertHandled";
    public static final String GATEWAY_VERIFICATION_OUTCOME = "Gateway_VerificationOutcome";
    public static final String TASK_AWAIT_DOCUMENTS = "Task_AwaitDocuments";
    public static final String TIMER_DOCUMENTS_TIMEOUT = "Timer_DocumentsTimeout";
    public static final String GATEWAY_JOIN_INELIGIBLE = "Gateway_JoinIneligible";
    public static final String RULE_SUGGEST_REFERRAL = "BusinessRuleTask_SuggestReferral";
    public static final String GATEWAY_JOIN_ELIGIBLE = "Gateway_JoinEligible";
    public static final String END_ELIGIBLE = "EndEvent_Eligible";
    public static final String END_INELIGIBLE = "EndEvent_Ineligible";

    private Elements() {}
  }

  public static final class Variables {
    /** Input of the eligibility decision: the person has another pathway, open or closed within the look-back. */
    public static final ProcessVariable<Boolean> OTHER_ENROLMENT = ProcessVariable.bool("otherEnrolment");
    /**
     * The person's other pathways, shown read-only to the CPI: project and stage of each, e.g.
     * {@code BOLLATE: ASSESSMENT (ACTIVE); LORENTEGGIO: CLOSED 2026-05}; empty when there is none.
     */
    public static final ProcessVariable<String> OTHER_ENROLMENTS = ProcessVariable.string("otherEnrolments");
    /** Result list of the eligibility decision; folded into the outcome and removed at once. */
    public static final ProcessVariable<List<?>> ELIGIBILITY_CHECKS = ProcessVariable.list("eligibilityChecks");
    /** ELIGIBLE | INELIGIBLE | TO_VERIFY: the decision's verdict before any CPI verification. */
    public static final ProcessVariable<String> SCREENING_OUTCOME = ProcessVariable.string("screeningOutcome");
    /** Comma-separated items the CPI must verify (NO_DID, NASPI, PERMIT_UNKNOWN, OTHER_ENROLMENT). */
    public static final ProcessVariable<String> VERIFICATION_ITEMS = ProcessVariable.string("verificationItems");
    /** Task_VerifyEligibility: ELIGIBLE | INELIGIBLE | DOCUMENTS_MISSING. */
    public static final ProcessVariable<String> VERIFICATION_OUTCOME = ProcessVariable.string("verificationOutcome");
    /** Task_VerifyEligibility: free text, filed in the registry's case notes. */
    public static final ProcessVariable<String> VERIFICATION_NOTE = ProcessVariable.string("verificationNote").sensitive();
    /** Task_AwaitDocuments: the date the missing documents arrived (yyyy-MM-dd). */
    public static final ProcessVariable<String> DOCUMENTS_RECEIVED_ON = ProcessVariable.date("documentsReceivedOn");
    /** Task_VerificationOverdueAlert: the manager has seen the alert. */
    public static final ProcessVariable<Boolean> ALERT_ACKNOWLEDGED = ProcessVariable.bool("alertAcknowledged");
    /** Output of the referral decision: GARANZIA_GIOVANI | SOCIAL_SERVICES | GOL | DUL | NONE. */
    public static final ProcessVariable<String> REFERRAL = ProcessVariable.string("referral");

    private Variables() {}
  }

  /** What an eligibility instance holds: the facts the decisions read, and its own verdicts. */
  public static final DeclaredProcess DECLARED = DeclaredProcess.of(KEY,
      PathwayProcess.Variables.PATHWAY_ID, PathwayProcess.Variables.AGE_AT_INTAKE,
      IntakeProcess.Variables.RESIDENT_IN_ERP, IntakeProcess.Variables.HOUSING_HARDSHIP,
      IntakeProcess.Variables.EMPLOYMENT_STATUS, IntakeProcess.Variables.HAS_DID,
      IntakeProcess.Variables.NASPI_RECIPIENT, IntakeProcess.Variables.OTHER_MEASURE,
      IntakeProcess.Variables.PERMIT_STATUS, Variables.OTHER_ENROLMENT, Variables.OTHER_ENROLMENTS,
      Variables.ELIGIBILITY_CHECKS, Variables.SCREENING_OUTCOME, Variables.VERIFICATION_ITEMS,
      Variables.VERIFICATION_OUTCOME, Variables.VERIFICATION_NOTE, Variables.DOCUMENTS_RECEIVED_ON,
      Variables.ALERT_ACKNOWLEDGED, Variables.REFERRAL,
      PathwayProcess.Variables.ELIGIBILITY_OUTCOME, PathwayProcess.Variables.ELIGIBILITY_REASONS);

  private EligibilityProcess() {}
}
