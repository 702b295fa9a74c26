package org.erplab.pathways.pathway.process;

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
    public static final String TASK_FIRST_APPOINTMENT = "Task_FirstAppointment";
    public static final String TIMER_FIRST_APPOINTMENT_OVERDUE = "Timer_FirstAppointmentOverdue";
    public static final String TASK_APPOINTMENT_OVERDUE = "Task_AppointmentOverdue";
    public static final String END_ESCALATION_HANDLED = "EndEvent_EscalationHandled";
    public static final String END_HANDED_OVER = "EndEvent_HandedOver";
    public static final String END_UNREACHABLE = "EndEvent_Unreachable";
    public static final String END_NO_CONSENT = "EndEvent_NoConsent";
    public static final String END_INELIGIBLE = "EndEvent_Ineligible";

    private Elements() {}
  }

  /** Process variables: English lowerCamelCase, primitives or ids only, never personal data. */
  public static final class Variables {
    /** Pseudonymous pathway id (UUID), also the business key. */
    public static final String PATHWAY_ID = "pathwayId";
    /** Pseudonymous participant id (UUID) of the registry. */
    public static final String PARTICIPANT_ID = "participantId";
    public static final String PROJECT_CODE = "projectCode";
    /** LAB | CPI_DESK | SELF_REGISTRATION. */
    public static final String CHANNEL = "channel";
    /** Whole years at intake, derived from the registry; decisions need it, the birth date stays in the registry. */
    public static final String AGE_AT_INTAKE = "ageAtIntake";
    /** COMPLETED | UNREACHABLE | NO_CONSENT, set by the intake process. */
    public static final String INTAKE_OUTCOME = "intakeOutcome";
    /** ELIGIBLE | INELIGIBLE, set by the eligibility process. */
    public static final String ELIGIBILITY_OUTCOME = "eligibilityOutcome";
    /** Comma-separated reason codes (UNDER_18, NOT_RESIDENT, ...). */
    public static final String ELIGIBILITY_REASONS = "eligibilityReasons";
    /** Task_AssignOperator: organisation code of an accredited operator of the project. */
    public static final String OPERATOR_ORGANISATION = "operatorOrganisation";
    /** Task_FirstAppointment: date of the first appointment (yyyy-MM-dd). */
    public static final String APPOINTMENT_DATE = "appointmentDate";
    /** Task_AppointmentOverdue: the CPI reminded the operator. */
    public static final String OPERATOR_REMINDED = "operatorReminded";

    private Variables() {}
  }

  private PathwayProcess() {}
}
