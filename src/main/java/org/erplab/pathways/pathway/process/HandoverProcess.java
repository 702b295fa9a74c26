package org.erplab.pathways.pathway.process;

import org.erplab.pathways.common.process.DeclaredProcess;
import org.erplab.pathways.common.process.ProcessVariable;

/**
 * Descriptor of {@code handover} ({@code processes/handover/handover.bpmn}): the accredited operator chosen by the CPI
 * records the first appointment; when late, the CPI reminds it or hands the pathway to another accredited operator of
 * the project (the pathway then calls a new hand-over, in the new operator's part, with a new deadline). It runs in the operator's part of the project, so
 * only that operator (and the lab, the CPI and the programme's managers and auditors) can see it.
 */
public final class HandoverProcess {

  public static final String KEY = "handover";

  public static final class Elements {
    public static final String START = "StartEvent_HandoverStarted";
    public static final String TASK_FIRST_APPOINTMENT = "Task_FirstAppointment";
    public static final String TIMER_FIRST_APPOINTMENT_OVERDUE = "Timer_FirstAppointmentOverdue";
    public static final String TASK_APPOINTMENT_OVERDUE = "Task_AppointmentOverdue";
    public static final String GATEWAY_OVERDUE_ACTION = "Gateway_OverdueAction";
    public static final String END_ESCALATION_HANDLED = "EndEvent_EscalationHandled";
    /** The CPI handed the pathway to another operator: this hand-over ends, the pathway calls a new one. */
    public static final String END_REASSIGNED = "EndEvent_Reassigned";
    public static final String END_FIRST_APPOINTMENT_SET = "EndEvent_FirstAppointmentSet";

    private Elements() {}
  }

  public static final class Variables {
    /** Task_FirstAppointment: date of the first appointment (yyyy-MM-dd). */
    public static final ProcessVariable<String> APPOINTMENT_DATE = ProcessVariable.date("appointmentDate");
    /** Task_AppointmentOverdue: REMIND (the CPI reminded the operator) or REASSIGN (another operator takes it). */
    public static final ProcessVariable<String> OVERDUE_ACTION = ProcessVariable.string("overdueAction");
    /** Task_AppointmentOverdue, with REASSIGN: another accredited operator of the project. */
    public static final ProcessVariable<String> NEW_OPERATOR_ORGANISATION =
        ProcessVariable.string("newOperatorOrganisation");
    /** REASSIGNED when the CPI handed the pathway to another operator (the pathway calls the hand-over again). */
    public static final ProcessVariable<String> HANDOVER_OUTCOME = ProcessVariable.string("handoverOutcome");

    private Variables() {}
  }

  public static final DeclaredProcess DECLARED = DeclaredProcess.of(KEY,
          PathwayProcess.Variables.PATHWAY_ID, PathwayProcess.Variables.OPERATOR_ORGANISATION,
          Variables.APPOINTMENT_DATE, Variables.OVERDUE_ACTION, Variables.NEW_OPERATOR_ORGANISATION,
          Variables.HANDOVER_OUTCOME, PathwayProcess.Variables.OPERATOR_OPTIONS)
      .partitionedBy(PathwayProcess.Variables.OPERATOR_ORGANISATION);

  private HandoverProcess() {}
}
