package org.erplab.pathways.pathway.process;

import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.pathway.domain.Training;
import org.erplab.pathways.pathway.infrastructure.TrainingRecords.Result;
import org.erplab.pathways.security.Partitions;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code training} model in step with the register: {@code ${trainingFacts.nextCourse(execution)}} picks the
 * course to follow, {@code courseEndsAt} is when it ends, {@code courseResult} decides it, {@code nextStep} files the
 * operator's choice, {@code done} / {@code closed} at the ends set {@code trainingOutcome} (and {@code nextStage}).
 */
@Component("trainingFacts")
public class TrainingFacts {

  private final Training training;
  private final ArrearsReductionFacts arrears;

  public TrainingFacts(Training training, ArrearsReductionFacts arrears) {
    this.training = training;
    this.arrears = arrears;
  }

  /** Service task Task_NextCourse: {@code courseCode} is the next course without a final result, or null. */
  public void nextCourse(DelegateExecution execution) {
    TrainingProcess.Variables.COURSE_CODE.set(execution,
        training.nextCourse(PathwayLifecycle.pathwayId(execution)).map(Training.Course::code).orElse(null));
  }

  /**
   * Start of the day after the course's last day, in Rome; now for a course an amendment of the plan removed (it ends
   * at once, without a result).
   */
  public Date courseEndsAt(DelegateExecution execution) {
    return training.course(PathwayLifecycle.pathwayId(execution), courseCode(execution))
        .map(course -> Date.from(course.lastDay().plusDays(1).atStartOfDay(EngineClock.ZONE).toInstant()))
        .orElseGet(() -> Date.from(EngineClock.now().toInstant()));
  }

  /**
   * Service task Task_CourseResult: the course's result is filed, {@code courseCompleted} set; the share of its
   * indemnity for the rent arrears, if the project sends one, is recorded and ALER asked to register it (an instance of
   * {@code arrears-reduction} of its own: the training does not wait).
   */
  public void courseResult(DelegateExecution execution) {
    UUID pathwayId = PathwayLifecycle.pathwayId(execution);
    if (training.course(pathwayId, courseCode(execution)).isEmpty()) {
      // an amendment of the plan removed the course while it ran: no result, the next course of the current version
      TrainingProcess.Variables.COURSE_COMPLETED.set(execution, true);
      return;
    }
    Result result = training.decide(pathwayId, Partitions.projectOf(execution.getTenantId()), courseCode(execution));
    TrainingProcess.Variables.COURSE_COMPLETED.set(execution, result.completed());
    arrears.afterCourseResult(execution, result);
  }

  /** End listener of Task_CourseOutcome: the operator's choice is filed with the course's result. */
  public void nextStep(DelegateExecution execution) {
    training.nextStep(PathwayLifecycle.pathwayId(execution), courseCode(execution),
        TrainingProcess.Variables.NEXT_STEP.get(execution));
  }

  /** Start listener of EndEvent_TrainingDone. */
  public void done(DelegateExecution execution) {
    TrainingProcess.Variables.TRAINING_OUTCOME.set(execution, TrainingProcess.Outcome.DONE.name());
    TrainingProcess.Variables.NEXT_STAGE.set(execution,
        training.internshipPlanned(PathwayLifecycle.pathwayId(execution)) ? "INTERNSHIP" : "PLACEMENT");
  }

  /** Start listener of EndEvent_TrainingClosed: the operator closed the pathway after a course not completed. */
  public void closed(DelegateExecution execution) {
    TrainingProcess.Variables.TRAINING_OUTCOME.set(execution, TrainingProcess.Outcome.CLOSED.name());
  }

  private static String courseCode(DelegateExecution execution) {
    return TrainingProcess.Variables.COURSE_CODE.get(execution);
  }
}
