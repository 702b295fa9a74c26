package org.erplab.pathways.pathway.process;

/** Descriptor of {@code eligibility} ({@code processes/eligibility/eligibility.bpmn}) and its decisions. */
public final class EligibilityProcess {

  public static final String KEY = "eligibility";
  /** DMN decision (COLLECT): one row per reason that applies, outputs {@code outcome} and {@code reason}. */
  public static final String DECISION_ELIGIBILITY = "eligibility";
  /** DMN decision (FIRST): suggests the measure that fits an ineligible person. */
  public static final String DECISION_REFERRAL = "referral";

  public static final class Elements {
    public static final String START = "StartEvent_EligibilityStarted";
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
    /** Result list of the eligibility decision; folded into the outcome and removed at once. */
    public static final String ELIGIBILITY_CHECKS = "eligibilityChecks";
    /** ELIGIBLE | INELIGIBLE | TO_VERIFY: the decision's verdict before any CPI verification. */
    public static final String SCREENING_OUTCOME = "screeningOutcome";
    /** Comma-separated items the CPI must verify (NO_DID, NASPI, PERMIT_UNKNOWN). */
    public static final String VERIFICATION_ITEMS = "verificationItems";
    /** Task_VerifyEligibility: ELIGIBLE | INELIGIBLE | DOCUMENTS_MISSING. */
    public static final String VERIFICATION_OUTCOME = "verificationOutcome";
    /** Task_AwaitDocuments: the date the missing documents arrived (yyyy-MM-dd). */
    public static final String DOCUMENTS_RECEIVED_ON = "documentsReceivedOn";
    /** Task_VerificationOverdueAlert: the manager has seen the alert. */
    public static final String ALERT_ACKNOWLEDGED = "alertAcknowledged";
    /** Output of the referral decision: GARANZIA_GIOVANI | SOCIAL_SERVICES | GOL | DUL | NONE. */
    public static final String REFERRAL = "referral";

    private Variables() {}
  }

  private EligibilityProcess() {}
}
