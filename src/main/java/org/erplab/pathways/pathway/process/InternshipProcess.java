package org.erplab.pathways.pathway.process;

import org.erplab.pathways.common.process.DeclaredProcess;
import org.erplab.pathways.common.process.ProcessVariable;

/**
 * Descriptor of {@code internship} ({@code processes/internship/internship.bpmn}): the extracurricular internship
 * (DGR 7763/2018). Decision {@code internship-cap} gives the longest duration, extensions included, and the shortest;
 * the operator writes the agreement ({@code PUT /api/pathways/{id}/internship}, table {@code internship}) and confirms it
 * in Task_InternshipAgreement; the internship's last day is a deadline record ({@code INTERNSHIP_END}) whose timer ends
 * the stage. Extension requests ({@code POST .../internship/extension-requests}) start Task_ApproveExtension for the
 * CPI; an early termination ({@code POST .../internship/termination}) ends the stage with its reason. Runs in the
 * operator's part of the project, like the training.
 */
public final class InternshipProcess {

  public static final String KEY = "internship";
  /** Decision {@code processes/internship/internship-cap.dmn}. */
  public static final String DECISION_INTERNSHIP_CAP = "internship-cap";
  /** Message of an early termination (HIRED, HOST_PROBLEM, OTHER): the internship instance ends its stage. */
  public static final String MESSAGE_TERMINATED = "InternshipTerminated";
  /** Message of an extension request: the CPI decides it. */
  public static final String MESSAGE_EXTENSION_REQUESTED = "InternshipExtensionRequested";

  public static final class Elements {
    public static final String START = "StartEvent_InternshipStarted";
    public static final String TASK_TRAINEE_FACTS = "Task_TraineeFacts";
    public static final String TASK_INTERNSHIP_CAP = "Task_InternshipCap";
    public static final String TASK_INTERNSHIP_AGREEMENT = "Task_InternshipAgreement";
    public static final String SUBPROCESS_INTERNSHIP = "SubProcess_Internship";
    public static final String START_RUNNING = "StartEvent_InternshipRunning";
    public static final String TASK_INTERNSHIP_RUNNING = "Task_InternshipRunning";
    public static final String END_TERMINATION_RECEIVED = "EndEvent_TerminationReceived";
    public static final String SUBPROCESS_EXTENSION_REQUEST = "SubProcess_ExtensionRequest";
    public static final String START_EXTENSION_REQUESTED = "StartEvent_ExtensionRequested";
    public static final String TASK_APPROVE_EXTENSION = "Task_ApproveExtension";
    public static final String GATEWAY_EXTENSION_APPROVED = "Gateway_ExtensionApproved";
    public static final String END_EXTENSION_APPROVED = "EndEvent_ExtensionApproved";
    public static final String END_EXTENSION_REJECTED = "EndEvent_ExtensionRejected";
    /** The end of the internship's last day: its deadline record INTERNSHIP_END (moved by extensions, suspensions). */
    public static final String TIMER_INTERNSHIP_END = "Timer_InternshipEnd";
    public static final String END_COMPLETED = "EndEvent_InternshipCompleted";
    public static final String END_TERMINATED = "EndEvent_InternshipTerminated";

    private Elements() {}
  }

  /** How the internship stage ended. */
  public enum Outcome { COMPLETED, TERMINATED }

  /** Reasons of an early termination. */
  public enum TerminationReason { HIRED, WITHDRAWN, HOST_PROBLEM, OTHER }

  public static final class Variables {
    /** Input of decision internship-cap, derived from the registry; transient: never stored. */
    public static final ProcessVariable<Boolean> DISABLED = ProcessVariable.bool("disabled");
    /** Input of decision internship-cap, derived from the registry; transient: never stored. */
    public static final ProcessVariable<Boolean> DISADVANTAGED = ProcessVariable.bool("disadvantaged");
    /** Result list of decision internship-cap; filed in table internship and removed at once. */
    public static final ProcessVariable<java.util.List<?>> INTERNSHIP_CAP = ProcessVariable.list("internshipCap");
    /** Task_InternshipAgreement: the operator's confirmation that the agreement is on record. */
    public static final ProcessVariable<Boolean> AGREEMENT_CONFIRMED = ProcessVariable.bool("agreementConfirmed");
    /** The months of the pending extension request, shown to the CPI. */
    public static final ProcessVariable<Integer> EXTENSION_MONTHS = ProcessVariable.integer("extensionMonths");
    /** The internship's current last day when the pending extension was asked, shown to the CPI. */
    public static final ProcessVariable<String> INTERNSHIP_END_DATE = ProcessVariable.date("internshipEndDate");
    /** The months an extension could add under the cap when the pending one was asked, shown to the CPI. */
    public static final ProcessVariable<Integer> EXTENSION_MONTHS_LEFT = ProcessVariable.integer("extensionMonthsLeft");
    /** Task_ApproveExtension (required yes / no). */
    public static final ProcessVariable<Boolean> EXTENSION_APPROVED = ProcessVariable.bool("extensionApproved");
    /** COMPLETED | TERMINATED, returned to the pathway. */
    public static final ProcessVariable<String> INTERNSHIP_OUTCOME = ProcessVariable.string("internshipOutcome");

    private Variables() {}
  }

  public static final DeclaredProcess DECLARED = DeclaredProcess.of(KEY,
          PathwayProcess.Variables.PATHWAY_ID, PathwayProcess.Variables.OPERATOR_ORGANISATION,
          AssessmentProcess.Variables.EQF_LEVEL, Variables.DISABLED, Variables.DISADVANTAGED,
          Variables.INTERNSHIP_CAP, Variables.AGREEMENT_CONFIRMED, Variables.EXTENSION_MONTHS,
          Variables.INTERNSHIP_END_DATE, Variables.EXTENSION_MONTHS_LEFT,
          Variables.EXTENSION_APPROVED, PlanProcess.Variables.REJECTION_REASON, Variables.INTERNSHIP_OUTCOME)
      .partitionedBy(PathwayProcess.Variables.OPERATOR_ORGANISATION);

  private InternshipProcess() {}
}
