package org.erplab.pathways.pathway.process;

import org.erplab.pathways.common.process.DeclaredProcess;
import org.erplab.pathways.common.process.ProcessVariable;

/**
 * Descriptor of {@code handover} ({@code processes/handover/handover.bpmn}): the accredited operator chosen by the CPI
 * records the first appointment; when late, the CPI reminds it. It runs in the operator's part of the project, so
 * only that operator (and the lab, the CPI and the programme's managers and auditors) can see it.
 */
public final class HandoverProcess {

  public static final String KEY = "handover";

  public static final class Elements {
    public static final String START = "StartEvent_HandoverStarted";
    public static final String TASK_FIRST_APPOINTMENT = "Task_FirstAppointment";
    public static final String TIMER_FIRST_APPOINTMENT_OVERDUE = "Timer_FirstAppointmentOverdue";
    public static final String TASK_APPOINTMENT_OVERDUE = "Task_AppointmentOverdue";
    public static final String END_ESCALATION_HANDLED = "EndEvent_EscalationHandled";
    public static final String END_FIRST_APPOINTMENT_SET = "EndEvent_FirstAppointmentSet";

    private Elements() {}
  }

  public static final class Variables {
    /** Task_FirstAppointment: date of the first appointment (yyyy-MM-dd). */
    public static final ProcessVariable<String> APPOINTMENT_DATE = ProcessVariable.date("appointmentDate");
    /** Task_AppointmentOverdue: the CPI reminded the operator. */
    public static final ProcessVariable<Boolean> OPERATOR_REMINDED = ProcessVariable.bool("operatorReminded");

    private Variables() {}
  }

  public static final DeclaredProcess DECLARED = DeclaredProcess.of(KEY,
          PathwayProcess.Variables.PATHWAY_ID, PathwayProcess.Variables.OPERATOR_ORGANISATION,
          Variables.APPOINTMENT_DATE, Variables.OPERATOR_REMINDED)
      .partitionedBy(PathwayProcess.Variables.OPERATOR_ORGANISATION);

  private HandoverProcess() {}
}
