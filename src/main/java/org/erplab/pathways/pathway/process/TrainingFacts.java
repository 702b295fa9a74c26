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
 * course to follow, {@code courseEndsAt} is when it ends, {@code decideCourse} decides it (the indemnity and ALER's
 * notification follow as service tasks of their own), {@code nextStep} files the operator's choice, {@code done} /
 * {@code closed} at the ends set {@code trainingOutcome} (and {@code nextStage}).
 */
@Component("trainingFacts")
public class TrainingFacts {

  private final Training training;
  private final CourseIndemnity courseIndemnity;
  private final HousingNotification housingNotification;

  public TrainingFacts(Training training, CourseIndemnity courseIndemnity, HousingNotification housingNotification) {
    this.training = training;
    this.courseIndemnity = courseIndemnity;
    this.housingNotification = housingNotification;
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

  /** Service task Task_CourseResult: the course's result is filed, {@code courseCompleted} set. */
  public void decideCourse(DelegateExecution execution) {
    decide(execution);
  }

  /**
   * Task_CourseResult of the versions of {@code training} before ADR 0032, where instances still running call it: the
   * course's result, then what Task_CourseIndemnity and Task_NotifyHousing do in later versions, by the same beans
   * ({@link CourseIndemnity}, {@link HousingNotification}): the indemnity accrued is recorded and, if the project sends
   * a share to the rent arrears, the reduction recorded and ALER asked to register it. New models use
   * {@code decideCourse} and the two service tasks.
   */
  public void courseResult(DelegateExecution execution) {
    if (decide(execution)) {
      courseIndemnity.execute(execution);
      housingNotification.execute(execution);
    }
  }

  /** The course's result, {@code courseCompleted}; false when there is no result to decide. */
  private boolean decide(DelegateExecution execution) {
    UUID pathwayId = PathwayLifecycle.pathwayId(execution);
    if (training.course(pathwayId, courseCode(execution)).isEmpty()) {
      // an amendment of the plan removed the course while it ran: no result, the next course of the current version
      TrainingProcess.Variables.COURSE_COMPLETED.set(execution, true);
      return false;
    }
    Result result = training.decide(pathwayId, Partitions.projectOf(execution.getTenantId()), courseCode(execution));
    TrainingProcess.Variables.COURSE_COMPLETED.set(execution, result.completed());
    return true;
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
