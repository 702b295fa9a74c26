package org.erplab.pathways.pathway.process;

import org.erplab.pathways.common.process.DeclaredProcess;
import org.erplab.pathways.common.process.ProcessVariable;

/**
 * Descriptor of {@code arrears-reduction} ({@code processes/arrears-reduction/arrears-reduction.bpmn}): ALER registers
 * the reduction of the household's rent arrears a course's indemnity paid for (table {@code arrears_reduction}, a
 * project's {@code indemnityArrearsShare} more than 0). Started by {@link ArrearsReductionFacts} when a course's result
 * is decided, with the pathway id as business key, as an instance of its own: the training goes on while ALER
 * registers. Runs in ALER's part of the project (the project's ALER partner); suspended with the pathway, cancelled
 * when the pathway is withdrawn or interrupted.
 */
public final class ArrearsReductionProcess {

  public static final String KEY = "arrears-reduction";

  public static final class Elements {
    public static final String START = "StartEvent_ArrearsReductionStarted";
    /** Deadline {@code ARREARS_REDUCTION}: {@code arrearsReductionWorkingDays} working days, no timer. */
    public static final String TASK_REGISTER_ARREARS_REDUCTION = "Task_RegisterArrearsReduction";
    public static final String END_REGISTERED = "EndEvent_ArrearsReductionRegistered";

    private Elements() {}
  }

  public static final class Variables {
    /** Organisation code of the project's ALER partner: the part the process runs in, its task's candidate group. */
    public static final ProcessVariable<String> HOUSING_ORGANISATION = ProcessVariable.string("housingOrganisation");
    /** The row of {@code arrears_reduction} to register. */
    public static final ProcessVariable<String> ARREARS_REDUCTION_ID = ProcessVariable.string("arrearsReductionId");
    /** Shown read-only: the amount, in euro ("51.67"). */
    public static final ProcessVariable<String> ARREARS_AMOUNT = ProcessVariable.string("arrearsAmount");
    /** Shown read-only: the period of the course the indemnity was accrued in (yyyy-MM-dd). */
    public static final ProcessVariable<String> ARREARS_PERIOD_FROM = ProcessVariable.date("arrearsPeriodFrom");
    public static final ProcessVariable<String> ARREARS_PERIOD_TO = ProcessVariable.date("arrearsPeriodTo");
    /** Task_RegisterArrearsReduction: the day ALER registered the reduction; not in the future. */
    public static final ProcessVariable<String> REGISTERED_ON = ProcessVariable.date("registeredOn");

    private Variables() {}
  }

  public static final DeclaredProcess DECLARED = DeclaredProcess.of(KEY,
          PathwayProcess.Variables.PATHWAY_ID, Variables.HOUSING_ORGANISATION, Variables.ARREARS_REDUCTION_ID,
          Variables.ARREARS_AMOUNT, Variables.ARREARS_PERIOD_FROM, Variables.ARREARS_PERIOD_TO, Variables.REGISTERED_ON)
      .partitionedBy(Variables.HOUSING_ORGANISATION);

  private ArrearsReductionProcess() {}
}
