package org.erplab.pathways.pathway.process;

import java.util.List;
import org.erplab.pathways.common.process.DeclaredProcess;
import org.erplab.pathways.common.process.ProcessVariable;

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
    public static final ProcessVariable<String> CONTACT_OUTCOME = ProcessVariable.string("contactOutcome");
    /** Number of recorded call-back attempts. */
    public static final ProcessVariable<Integer> CONTACT_ATTEMPTS = ProcessVariable.integer("contactAttempts");
    /** True when the attempts reached the project's maximum (parameter maxContactAttempts). */
    public static final ProcessVariable<Boolean> CONTACT_ATTEMPTS_EXHAUSTED =
        ProcessVariable.bool("contactAttemptsExhausted");
    /** Task_IntakeInterview fields (non-identifying facts that decisions need). */
    public static final ProcessVariable<Boolean> CONSENT_GIVEN = ProcessVariable.bool("consentGiven");
    public static final ProcessVariable<Boolean> RESIDENT_IN_ERP = ProcessVariable.bool("residentInErp");
    public static final ProcessVariable<Boolean> HOUSING_HARDSHIP = ProcessVariable.bool("housingHardship");
    /** UNEMPLOYED | FIRST_JOB_SEEKER | INACTIVE | STUDENT | EMPLOYED | RETIRED. */
    public static final ProcessVariable<String> EMPLOYMENT_STATUS = ProcessVariable.string("employmentStatus");
    public static final ProcessVariable<Boolean> HAS_DID = ProcessVariable.bool("hasDid");
    /** NONE | PRIMARY | LOWER_SECONDARY | UPPER_SECONDARY | POST_SECONDARY | TERTIARY. */
    public static final ProcessVariable<String> EDUCATION = ProcessVariable.string("education");
    public static final ProcessVariable<Boolean> NASPI_RECIPIENT = ProcessVariable.bool("naspiRecipient");
    /** NONE | RDC_ADI | GARANZIA_GIOVANI | DUL | GOL | OTHER. */
    public static final ProcessVariable<String> OTHER_MEASURE = ProcessVariable.string("otherMeasure");
    /** NOT_REQUIRED | VALID | EXPIRED | UNKNOWN. */
    public static final ProcessVariable<String> PERMIT_STATUS = ProcessVariable.string("permitStatus");
    /** Special-category data (disability, detention, addiction, gender violence...): filed in the registry. */
    public static final ProcessVariable<List<?>> VULNERABILITIES = ProcessVariable.list("vulnerabilities").sensitive();
    /** Free text of Task_CallBack and Task_IntakeInterview: filed in the registry's case notes. */
    public static final ProcessVariable<String> NOTE = ProcessVariable.string("note").sensitive();

    private Variables() {}
  }

  /** What an intake instance holds: what the pathway hands it and its own answers. */
  public static final DeclaredProcess DECLARED = DeclaredProcess.of(KEY,
      PathwayProcess.Variables.PATHWAY_ID, PathwayProcess.Variables.CHANNEL,
      Variables.CONTACT_OUTCOME, Variables.CONTACT_ATTEMPTS, Variables.CONTACT_ATTEMPTS_EXHAUSTED,
      Variables.CONSENT_GIVEN, Variables.RESIDENT_IN_ERP, Variables.HOUSING_HARDSHIP, Variables.EMPLOYMENT_STATUS,
      Variables.HAS_DID, Variables.EDUCATION, Variables.NASPI_RECIPIENT, Variables.OTHER_MEASURE,
      Variables.PERMIT_STATUS, Variables.VULNERABILITIES, Variables.NOTE,
      PathwayProcess.Variables.INTAKE_OUTCOME);

  private IntakeProcess() {}
}
