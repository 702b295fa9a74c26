package org.erplab.pathways.pathway.process;

import org.erplab.pathways.common.process.DeclaredProcess;
import org.erplab.pathways.common.process.ProcessVariable;

/**
 * Descriptor of {@code social-referral} ({@code processes/social-referral/social-referral.bpmn}): the Comune's social
 * services take in charge a person the skills assessment sent to social inclusion, and set when the operator assesses
 * the person again. Runs in the social services' part of the project (the project's MUNICIPALITY partner).
 */
public final class SocialReferralProcess {

  public static final String KEY = "social-referral";

  public static final class Elements {
    public static final String START = "StartEvent_SocialReferralStarted";
    public static final String TASK_SOCIAL_REFERRAL = "Task_SocialReferral";
    public static final String END_REFERRED = "EndEvent_Referred";

    private Elements() {}
  }

  /** The social services' choice. */
  public enum Decision { REASSESS, KEEP }

  public static final class Variables {
    /** Organisation code of the project's social services (its MUNICIPALITY partner): the part the process runs in. */
    public static final ProcessVariable<String> SOCIAL_ORGANISATION = ProcessVariable.string("socialOrganisation");
    /**
     * Task_SocialReferral, explicit: REASSESS (the operator assesses the person again on {@code reassessmentDate}) or
     * KEEP (the social services keep the person: the pathway closes as SOCIAL_REFERRAL).
     */
    public static final ProcessVariable<String> SOCIAL_REFERRAL_DECISION = ProcessVariable.string("socialReferralDecision");
    /** Task_SocialReferral, for REASSESS only: the day the operator assesses the person again (yyyy-MM-dd). */
    public static final ProcessVariable<String> REASSESSMENT_DATE = ProcessVariable.date("reassessmentDate");

    private Variables() {}
  }

  public static final DeclaredProcess DECLARED = DeclaredProcess.of(KEY,
          PathwayProcess.Variables.PATHWAY_ID, Variables.SOCIAL_ORGANISATION, Variables.SOCIAL_REFERRAL_DECISION,
          Variables.REASSESSMENT_DATE,
          IntakeProcess.Variables.NOTE)
      .partitionedBy(Variables.SOCIAL_ORGANISATION);

  private SocialReferralProcess() {}
}
