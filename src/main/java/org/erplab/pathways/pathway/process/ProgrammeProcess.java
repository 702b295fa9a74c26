package org.erplab.pathways.pathway.process;

import org.erplab.pathways.common.process.DeclaredProcess;
import org.erplab.pathways.common.process.ProcessVariable;

/**
 * Descriptor of {@code programme} ({@code processes/programme/programme.bpmn}): one instance per project, in the
 * project's tenant, holding the two timers of the programme's end (the warning and the end itself) and the manager's
 * task between them. Its dates come from the project's record, read when each timer is created: a changed end date
 * reaches it as message {@value #END_CHANGED}, and the timers start again.
 */
public final class ProgrammeProcess {

  public static final String KEY = "programme";
  /** Message: the project's end date changed. */
  public static final String END_CHANGED = "ProgrammeEndChanged";

  public static final class Elements {
    public static final String START = "StartEvent_ProgrammeStarted";
    public static final String TIMER_END_WARNING = "Timer_EndWarning";
    public static final String TASK_PROGRAMME_ENDING = "Task_ProgrammeEnding";
    public static final String TIMER_END_DURING_WARNING = "Timer_ProgrammeEndDuringWarning";
    public static final String TIMER_END = "Timer_ProgrammeEnd";
    public static final String MESSAGE_CHANGED_BEFORE_WARNING = "Message_EndChangedBeforeWarning";
    public static final String MESSAGE_CHANGED_DURING_WARNING = "Message_EndChangedDuringWarning";
    public static final String MESSAGE_CHANGED_AFTER_WARNING = "Message_EndChangedAfterWarning";
    public static final String SERVICE_INTERRUPT_PATHWAYS = "ServiceTask_InterruptPathways";
    /** After the end, the instance waits until the last year's report is past due (1 February after). */
    public static final String TIMER_LAST_REPORT_DUE = "Timer_LastReportDue";
    public static final String END_PROGRAMME_CLOSED = "EndEvent_ProgrammeClosed";
    /** Event sub-process: each 2 January, the manager reviews and publishes the annual report. */
    public static final String SUBPROCESS_ANNUAL_REPORT = "SubProcess_AnnualReport";
    public static final String TIMER_ANNUAL_REPORT = "Timer_AnnualReport";
    public static final String TASK_REVIEW_ANNUAL_REPORT = "Task_ReviewAnnualReport";
    public static final String END_ANNUAL_REPORT_PUBLISHED = "EndEvent_AnnualReportPublished";

    private Elements() {}
  }

  public static final class Variables {
    /** The programme's last day (yyyy-MM-dd), as the project's record says. */
    public static final ProcessVariable<String> END_DATE = ProcessVariable.date("endDate");
    /** Task_ProgrammeEnding: EXTENSION_REQUESTED or CLOSE_AT_END. */
    public static final ProcessVariable<String> END_DECISION = ProcessVariable.string("endDecision");
    /** Task_ReviewAnnualReport: the year its report is of (the year before the task opened). */
    public static final ProcessVariable<Integer> REPORT_YEAR = ProcessVariable.integer("reportYear");

    private Variables() {}
  }

  public static final DeclaredProcess DECLARED = DeclaredProcess.of(KEY, Variables.END_DATE, Variables.END_DECISION,
      Variables.REPORT_YEAR);

  private ProgrammeProcess() {}
}
