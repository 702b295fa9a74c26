package org.erplab.pathways.pathway.process;

import org.erplab.pathways.common.process.DeclaredProcess;
import org.erplab.pathways.common.process.ProcessVariable;

/**
 * Descriptor of {@code plan} ({@code processes/plan/plan.bpmn}): the personalised plan (PIP). The accredited operator
 * drafts it (the plan itself is written through {@code PUT /api/pathways/{id}/plan}, table {@code plan_version}), the
 * CPI approves or rejects it (back to drafting, a new version), the person signs it within {@code planSignatureDays}
 * of the approval, with a reminder to the operator after {@code planSignatureReminderDays}. Runs in the operator's
 * part of the project, like the assessment; {@code PlanFacts} keeps the versions in step.
 */
public final class PlanProcess {

  public static final String KEY = "plan";

  public static final class Elements {
    public static final String START = "StartEvent_PlanStarted";
    public static final String GATEWAY_DRAFTING = "Gateway_Drafting";
    public static final String TASK_DRAFT_PLAN = "Task_DraftPlan";
    public static final String TASK_APPROVE_PLAN = "Task_ApprovePlan";
    public static final String GATEWAY_PLAN_APPROVED = "Gateway_PlanApproved";
    public static final String TASK_RECORD_SIGNATURE = "Task_RecordSignature";
    /** Interrupting: the signature deadline passed, the plan is not signed. */
    public static final String TIMER_SIGNATURE_OVERDUE = "Timer_SignatureOverdue";
    /** Non-interrupting: {@code planSignatureReminderDays} after the approval the operator is reminded. */
    public static final String TIMER_SIGNATURE_REMINDER = "Timer_SignatureReminder";
    public static final String TASK_SIGNATURE_REMINDER = "Task_SignatureReminder";
    public static final String END_REMINDED = "EndEvent_SignatureReminded";
    public static final String END_PLAN_SIGNED = "EndEvent_PlanSigned";
    public static final String END_PLAN_NOT_SIGNED = "EndEvent_PlanNotSigned";

    private Elements() {}
  }

  /** How the plan stage ended. */
  public enum Outcome { SIGNED, NOT_SIGNED }

  public static final class Variables {
    /** Task_DraftPlan: the operator's acknowledgement that the draft is on record and goes to the CPI. */
    public static final ProcessVariable<Boolean> PLAN_SUBMITTED = ProcessVariable.bool("planSubmitted");
    /** Task_ApprovePlan. */
    public static final ProcessVariable<Boolean> PLAN_APPROVED = ProcessVariable.bool("planApproved");
    /** Task_ApprovePlan, required when the plan is rejected: filed in the case notes, never in the engine. */
    public static final ProcessVariable<String> REJECTION_REASON = ProcessVariable.string("rejectionReason").sensitive();
    /** Task_RecordSignature: ISO date, not before the approval, not in the future. */
    public static final ProcessVariable<String> SIGNED_ON = ProcessVariable.date("signedOn");
    /** Task_SignatureReminder: the operator's acknowledgement. */
    public static final ProcessVariable<Boolean> SIGNATURE_REMINDED = ProcessVariable.bool("signatureReminded");
    /** SIGNED | NOT_SIGNED, returned to the pathway. */
    public static final ProcessVariable<String> PLAN_OUTCOME = ProcessVariable.string("planOutcome");

    private Variables() {}
  }

  public static final DeclaredProcess DECLARED = DeclaredProcess.of(KEY,
          PathwayProcess.Variables.PATHWAY_ID, PathwayProcess.Variables.OPERATOR_ORGANISATION,
          Variables.PLAN_SUBMITTED, Variables.PLAN_APPROVED, Variables.REJECTION_REASON, Variables.SIGNED_ON,
          Variables.SIGNATURE_REMINDED, Variables.PLAN_OUTCOME)
      .partitionedBy(PathwayProcess.Variables.OPERATOR_ORGANISATION);

  private PlanProcess() {}
}
