package org.erplab.pathways.pathway.process;

import org.erplab.pathways.common.process.DeclaredProcess;
import org.erplab.pathways.common.process.ProcessVariable;

/**
 * Descriptor of {@code assessment} ({@code processes/assessment/assessment.bpmn}): the accredited operator's skills
 * assessment and orientation; decision {@code pathway-route} then chooses the pathway's route. Runs in the operator's
 * part of the project, like the hand-over. The answers are facts of the programme: {@code AssessmentFacts} files them
 * in table {@code skills_assessment}.
 */
public final class AssessmentProcess {

  public static final String KEY = "assessment";
  /** Decision {@code processes/assessment/pathway-route.dmn}. */
  public static final String DECISION_PATHWAY_ROUTE = "pathway-route";

  public static final class Elements {
    public static final String START = "StartEvent_AssessmentStarted";
    public static final String TASK_SKILLS_ASSESSMENT = "Task_SkillsAssessment";
    public static final String RULE_PATHWAY_ROUTE = "BusinessRuleTask_PathwayRoute";
    public static final String END_ASSESSED = "EndEvent_Assessed";

    private Elements() {}
  }

  /** The routes decision {@code pathway-route} chooses. */
  public enum Route { LABOUR, SOCIAL_INCLUSION, SELF_EMPLOYMENT }

  public static final class Variables {
    /** Task_SkillsAssessment: hours of skills review and orientation, within {@code orientationHoursBudget}. */
    public static final ProcessVariable<Integer> ORIENTATION_HOURS = ProcessVariable.integer("orientationHours");
    public static final ProcessVariable<Boolean> READY_FOR_WORK = ProcessVariable.bool("readyForWork");
    public static final ProcessVariable<Boolean> NEEDS_SOCIAL_SUPPORT = ProcessVariable.bool("needsSocialSupport");
    public static final ProcessVariable<Boolean> SELF_EMPLOYMENT_INTEREST =
        ProcessVariable.bool("selfEmploymentInterest");
    /** 1-8, European Qualifications Framework: later decisions (the internship's cap) need it. */
    public static final ProcessVariable<Integer> EQF_LEVEL = ProcessVariable.integer("eqfLevel");
    /** FULL_TIME | PART_TIME | LIMITED. */
    public static final ProcessVariable<String> AVAILABILITY = ProcessVariable.string("availability");
    /** Decision {@code pathway-route}: LABOUR | SOCIAL_INCLUSION | SELF_EMPLOYMENT. */
    public static final ProcessVariable<String> PATHWAY_ROUTE = ProcessVariable.string("pathwayRoute");

    private Variables() {}
  }

  public static final DeclaredProcess DECLARED = DeclaredProcess.of(KEY,
          PathwayProcess.Variables.PATHWAY_ID, PathwayProcess.Variables.OPERATOR_ORGANISATION,
          Variables.ORIENTATION_HOURS, Variables.READY_FOR_WORK, Variables.NEEDS_SOCIAL_SUPPORT,
          Variables.SELF_EMPLOYMENT_INTEREST, Variables.EQF_LEVEL, Variables.AVAILABILITY, IntakeProcess.Variables.NOTE,
          Variables.PATHWAY_ROUTE)
      .partitionedBy(PathwayProcess.Variables.OPERATOR_ORGANISATION);

  private AssessmentProcess() {}
}
