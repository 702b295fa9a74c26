package org.erplab.pathways.pathway.process;

import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.erplab.pathways.security.EngineAccess;
import org.erplab.pathways.security.process.ClockChanges;
import org.springframework.stereotype.Component;

/**
 * A pathway's process instances (the root {@code pathway} and the instances it called, all carrying the pathway id as
 * business key) as the clocks need them: suspended and activated together, their task due dates and timers moved, the
 * root sent the message of an exit. Runs as the system, with the permit of {@link ClockChanges}: callers decide who
 * may do it first.
 */
@Component
public class PathwayInstances {

  /** Message of the withdrawal event subprocess of {@code pathway}. */
  public static final String WITHDRAWAL = "PathwayWithdrawn";
  /** Message of the programme-end event subprocess of {@code pathway}. */
  public static final String PROGRAMME_ENDED = "ProgrammeEnded";

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final EngineAccess engine;

  public PathwayInstances(RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
      EngineAccess engine) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.engine = engine;
  }

  /** Suspends every running instance of the pathway: no task can be worked and no timer fires at any door. */
  public void suspend(UUID pathwayId) {
    changeSuspension(pathwayId, true);
  }

  /** Activates every suspended instance of the pathway. */
  public void activate(UUID pathwayId) {
    changeSuspension(pathwayId, false);
  }

  private void changeSuspension(UUID pathwayId, boolean suspend) {
    engine.asSystem(() -> {
      var query = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(pathwayId.toString());
      List<String> ids = (suspend ? query.active() : query.suspended()).list().stream().map(ProcessInstance::getId).toList();
      if (!ids.isEmpty()) {
        ClockChanges.permit(() -> {
          var builder = runtimeService.updateProcessInstanceSuspensionState().byProcessInstanceIds(ids);
          if (suspend) {
            builder.suspend();
          } else {
            builder.activate();
          }
        });
      }
      return null;
    });
  }

  /** Moves the due date of an open task. */
  public void moveTaskDue(String taskId, Date due) {
    engine.asSystem(() -> {
      if (taskService.createTaskQuery().taskId(taskId).count() > 0) {
        ClockChanges.permit(() -> taskService.setDueDate(taskId, due));
      }
      return null;
    });
  }

  /** Moves the timers of an execution that are due at {@code from} to {@code to}. */
  public void moveTimers(String executionId, Date from, Date to) {
    engine.asSystem(() -> {
      for (Job job : managementService.createJobQuery().executionId(executionId).timers().list()) {
        if (job.getDuedate() != null && job.getDuedate().getTime() == from.getTime()) {
          ClockChanges.permit(() -> managementService.setJobDuedate(job.getId(), to));
        }
      }
      return null;
    });
  }

  /**
   * Sends an exit message to the pathway's root instance (its event subprocess ends the pathway, cancelling every
   * stage, task and timer). False when no root instance runs (a pathway handed over waits in no model yet).
   */
  public boolean exit(String rootProcessInstanceId, String message) {
    return engine.asSystem(() -> {
      if (rootProcessInstanceId == null
          || runtimeService.createProcessInstanceQuery().processInstanceId(rootProcessInstanceId).count() == 0) {
        return false;
      }
      runtimeService.createMessageCorrelation(message).processInstanceId(rootProcessInstanceId).correlateWithResult();
      return true;
    });
  }

  /**
   * Sends a message of a stage to the pathway's instance that waits for it (one instance of the pathway subscribes to
   * it), with the variables it carries.
   */
  public void correlate(UUID pathwayId, String message, java.util.Map<String, Object> variables) {
    engine.asSystem(() -> {
      runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(pathwayId.toString())
          .setVariables(variables).correlateWithResult();
      return null;
    });
  }

  /** Message of the plan-amendment event subprocess of {@code pathway}. */
  public static final String PLAN_AMENDMENT_REQUESTED = "PlanAmendmentRequested";

  /**
   * Starts the amendment event subprocess of the pathway's root instance. False when no root instance runs, or it runs
   * on a version of {@code pathway} without the event subprocess.
   */
  public boolean requestAmendment(String rootProcessInstanceId) {
    return engine.asSystem(() -> {
      if (rootProcessInstanceId == null || runtimeService.createEventSubscriptionQuery()
          .processInstanceId(rootProcessInstanceId).eventType("message").eventName(PLAN_AMENDMENT_REQUESTED)
          .count() == 0) {
        return false;
      }
      runtimeService.createMessageCorrelation(PLAN_AMENDMENT_REQUESTED).processInstanceId(rootProcessInstanceId)
          .correlateWithResult();
      return true;
    });
  }

  /**
   * Ends the pathway's instances that run on their own rather than called by its root ({@code arrears-reduction}):
   * their tasks are deleted with {@code reason}, their deadlines cancelled by the deadline listeners.
   *
   * @return how many were ended
   */
  public int cancelDetached(UUID pathwayId, String reason) {
    return engine.asSystem(() -> {
      List<String> ids = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(pathwayId.toString())
          .processDefinitionKey(ArrearsReductionProcess.KEY).list().stream().map(ProcessInstance::getId).toList();
      ids.forEach(id -> runtimeService.deleteProcessInstance(id, reason));
      return ids.size();
    });
  }

  /** The open tasks of the pathway. */
  public List<Task> openTasks(UUID pathwayId) {
    return engine.asSystem(() -> taskService.createTaskQuery().processInstanceBusinessKey(pathwayId.toString()).list());
  }
}
