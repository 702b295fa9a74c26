package org.erplab.pathways.pathway.process;

/** Descriptor of {@code intake} ({@code processes/intake/intake.bpmn}), called by {@link PathwayProcess}. */
public final class IntakeProcess {

  public static final String KEY = "intake";

  public static final class Elements {
    public static final String START = "StartEvent_IntakeStarted";
    public static final String GATEWAY_CHANNEL = "Gateway_Channel";
    public static final String GATEWAY_JOIN_CALL_BACK = "Gateway_JoinCallBack";
    public static final String TASK_CALL_BACK = "Task_CallBack";
    public static final String SERVICE_RECORD_CONTACT_ATTEMPT = "ServiceTask_RecordContactAttempt";
    public static final String GATEWAY_REACHED = "Gateway_Reached";
    public static final String GATEWAY_JOIN_INTERVIEW = "Gateway_JoinInterview";
    public static final String TASK_INTAKE_INTERVIEW = "Task_IntakeInterview";
    public static final String GATEWAY_CONSENT = "Gateway_Consent";
    public static final String END_INTAKE_COMPLETED = "EndEvent_IntakeCompleted";
    public static final String END_NO_CONSENT = "EndEvent_NoConsent";
    public static final String END_UNREACHABLE = "EndEvent_Unreachable";

    private Elements() {}
  }

  public static final class Variables {
    /** Task_CallBack: REACHED | NOT_REACHED. */
    public static final String CONTACT_OUTCOME = "contactOutcome";
    /** Number of recorded call-back attempts. */
    public static final String CONTACT_ATTEMPTS = "contactAttempts";
    /** True when the attempts reached the project's maximum (parameter maxContactAttempts). */
    public static final String CONTACT_ATTEMPTS_EXHAUSTED = "contactAttemptsExhausted";
    /** Task_IntakeInterview fields (non-identifying facts that decisions need). */
    public static final String CONSENT_GIVEN = "consentGiven";
    public static final String RESIDENT_IN_ERP = "residentInErp";
    public static final String HOUSING_HARDSHIP = "housingHardship";
    /** UNEMPLOYED | FIRST_JOB_SEEKER | INACTIVE | STUDENT | EMPLOYED | RETIRED. */
    public static final String EMPLOYMENT_STATUS = "employmentStatus";
    public static final String HAS_DID = "hasDid";
    /** NONE | PRIMARY | LOWER_SECONDARY | UPPER_SECONDARY | POST_SECONDARY | TERTIARY. */
    public static final String EDUCATION = "education";
    public static final String NASPI_RECIPIENT = "naspiRecipient";
    /** NONE | RDC_ADI | GARANZIA_GIOVANI | DUL | GOL | OTHER. */
    public static final String OTHER_MEASURE = "otherMeasure";
    /** NOT_REQUIRED | VALID | EXPIRED | UNKNOWN. */
    public static final String PERMIT_STATUS = "permitStatus";

    private Variables() {}
  }

  private IntakeProcess() {}
}
