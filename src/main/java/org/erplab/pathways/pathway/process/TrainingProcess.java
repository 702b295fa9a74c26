package org.erplab.pathways.pathway.process;

import org.erplab.pathways.common.process.DeclaredProcess;
import org.erplab.pathways.common.process.ProcessVariable;

/**
 * Descriptor of {@code training} ({@code processes/training/training.bpmn}): the signed plan's courses, one after the
 * other by their last day. Attendance is recorded through {@code POST /api/pathways/{id}/attendance} (table
 * {@code attendance_entry}); at the start of the day after a course's last day its result is decided (table
 * {@code course_result}): completed at {@code courseCompletionThreshold} percent of its planned hours, with its
 * certificate; otherwise the operator chooses RETRY (the course goes on for its length again), CONTINUE or CLOSE (the
 * pathway is closed as COMPLETED_NOT_PLACED). After each result the indemnity it accrued is recorded (table
 * {@code indemnity_accrual}) and, in a project that sends a share of it to the rent arrears, ALER is asked to register
 * the reduction ({@code arrears-reduction}), in two service tasks of their own (ADR 0032). Runs in the operator's part
 * of the project, like the plan.
 */
public final class TrainingProcess {

  public static final String KEY = "training";

  public static final class Elements {
    public static final String START = "StartEvent_TrainingStarted";
    public static final String GATEWAY_NEXT_COURSE = "Gateway_NextCourse";
    public static final String TASK_NEXT_COURSE = "Task_NextCourse";
    public static final String GATEWAY_COURSE_LEFT = "Gateway_CourseLeft";
    public static final String GATEWAY_COURSE_RUNNING = "Gateway_CourseRunning";
    /**
     * Start of the day after the course's last day (Europe/Rome, engine clock). Not a deadline record: a course ends
     * when its provider ends it, so a suspension does not move it; while the pathway is suspended no timer fires, and
     * a course that ended meanwhile is decided at the resumption.
     */
    public static final String TIMER_COURSE_ENDED = "Timer_CourseEnded";
    /** The course's result ({@code courseCompleted}) and nothing else. */
    public static final String TASK_COURSE_RESULT = "Task_CourseResult";
    /** Bean {@code courseIndemnity}: the indemnity the result accrued, a row of {@code indemnity_accrual}. */
    public static final String TASK_COURSE_INDEMNITY = "Task_CourseIndemnity";
    /**
     * Bean {@code housingNotification}: with {@code indemnityArrearsShare} more than 0, a row of
     * {@code arrears_reduction} and an instance of {@code arrears-reduction} for the project's ALER partner.
     */
    public static final String TASK_NOTIFY_HOUSING = "Task_NotifyHousing";
    public static final String GATEWAY_COURSE_COMPLETED = "Gateway_CourseCompleted";
    public static final String TASK_COURSE_OUTCOME = "Task_CourseOutcome";
    public static final String GATEWAY_NEXT_STEP = "Gateway_NextStep";
    public static final String END_TRAINING_DONE = "EndEvent_TrainingDone";
    public static final String END_TRAINING_CLOSED = "EndEvent_TrainingClosed";

    private Elements() {}
  }

  /** How the training stage ended. */
  public enum Outcome { DONE, CLOSED }

  /** The operator's choice on a course not completed. */
  public enum NextStep { RETRY, CONTINUE, CLOSE }

  public static final class Variables {
    /** The course followed now (a code of the signed plan), null when every course is done. */
    public static final ProcessVariable<String> COURSE_CODE = ProcessVariable.string("courseCode");
    /** Task_CourseResult: the course reached the completion threshold. */
    public static final ProcessVariable<Boolean> COURSE_COMPLETED = ProcessVariable.bool("courseCompleted");
    /** Task_CourseOutcome: RETRY | CONTINUE | CLOSE. */
    public static final ProcessVariable<String> NEXT_STEP = ProcessVariable.string("nextStep");
    /** DONE | CLOSED, returned to the pathway. */
    public static final ProcessVariable<String> TRAINING_OUTCOME = ProcessVariable.string("trainingOutcome");
    /** DONE: INTERNSHIP when the plan foresees one, otherwise PLACEMENT; returned to the pathway. */
    public static final ProcessVariable<String> NEXT_STAGE = ProcessVariable.string("nextStage");

    private Variables() {}
  }

  public static final DeclaredProcess DECLARED = DeclaredProcess.of(KEY,
          PathwayProcess.Variables.PATHWAY_ID, PathwayProcess.Variables.OPERATOR_ORGANISATION,
          Variables.COURSE_CODE, Variables.COURSE_COMPLETED, Variables.NEXT_STEP, Variables.TRAINING_OUTCOME,
          Variables.NEXT_STAGE)
      .partitionedBy(PathwayProcess.Variables.OPERATOR_ORGANISATION);

  private TrainingProcess() {}
}
