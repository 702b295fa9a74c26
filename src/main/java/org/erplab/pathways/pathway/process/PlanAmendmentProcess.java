package org.erplab.pathways.pathway.process;

import org.erplab.pathways.common.process.DeclaredProcess;

/**
 * Descriptor of {@code plan-amendment} ({@code processes/plan-amendment/plan-amendment.bpmn}): an amendment of the
 * signed plan, written and sent through {@code POST /api/pathways/{id}/plan/amendments} (a new version of
 * {@code plan_version}, SUBMITTED, naming the version it {@code amends}), called by the non-interrupting event
 * subprocess {@code SubProcess_PlanAmendment} of {@code pathway} while the running stage goes on. The CPI approves or
 * rejects it (the same task, form and rules as the plan's: Task_ApprovePlan, {@code planApproved},
 * {@code rejectionReason} to the case notes); the person signs it (Task_RecordSignature, {@code signedOn}, deadline
 * PLAN_SIGNATURE: unsigned at the deadline the amendment LAPSES). Signed, it is the current version. Runs in the
 * operator's part of the project, like the plan.
 */
public final class PlanAmendmentProcess {

  public static final String KEY = "plan-amendment";

  public static final class Elements {
    public static final String START = "StartEvent_PlanAmendmentStarted";
    /** The same task key as the plan's: the same form and the same completion rules. */
    public static final String TASK_APPROVE_PLAN = PlanProcess.Elements.TASK_APPROVE_PLAN;
    public static final String GATEWAY_AMENDMENT_APPROVED = "Gateway_AmendmentApproved";
    public static final String TASK_RECORD_SIGNATURE = PlanProcess.Elements.TASK_RECORD_SIGNATURE;
    /** Interrupting, deadline PLAN_SIGNATURE: the amendment lapses, the signed version stays current. */
    public static final String TIMER_SIGNATURE_OVERDUE = "Timer_AmendmentSignatureOverdue";
    public static final String END_SIGNED = "EndEvent_AmendmentSigned";
    public static final String END_REJECTED = "EndEvent_AmendmentRejected";
    public static final String END_LAPSED = "EndEvent_AmendmentLapsed";

    private Elements() {}
  }

  public static final DeclaredProcess DECLARED = DeclaredProcess.of(KEY,
          PathwayProcess.Variables.PATHWAY_ID, PathwayProcess.Variables.OPERATOR_ORGANISATION,
          PlanProcess.Variables.PLAN_APPROVED, PlanProcess.Variables.REJECTION_REASON, PlanProcess.Variables.SIGNED_ON)
      .partitionedBy(PathwayProcess.Variables.OPERATOR_ORGANISATION);

  private PlanAmendmentProcess() {}
}
