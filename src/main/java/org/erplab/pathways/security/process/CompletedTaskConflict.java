package org.erplab.pathways.security.process;

import java.util.Set;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.erplab.pathways.common.process.ConflictException;

/**
 * Claiming, releasing or completing a task that was already completed is a conflict (409), at every door, as our API
 * answers: two people worked the same task, and the second learns that it is done. So is working a task of a suspended
 * pathway: the answer names the suspension (Camunda's own would be a generic error). Camunda itself only says it cannot
 * find the task. A task that ended otherwise (its stage cancelled), or one of a project or part the caller does not
 * see, does not exist for the caller: the command goes on and fails as not found (404).
 */
public final class CompletedTaskConflict extends CommandInterceptor {

  static final String TASK_ID = "taskId";
  static final String SUSPENDED = "The pathway is suspended: its tasks cannot be claimed, released or completed until "
      + "it is resumed (POST /api/pathways/{id}/resumption)";
  static final Set<Class<?>> TASK_WORK = Set.of(
      ClaimTaskCmd.class, AssignTaskCmd.class, CompleteTaskCmd.class, SubmitTaskFormCmd.class);

  static void requireCommandFields() {
    TASK_WORK.forEach(type -> CommandFields.requireFields(type, TASK_ID));
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (TASK_WORK.contains(command.getClass())) {
      Object taskId = CommandFields.read(command, TASK_ID);
      CommandContext context = Context.getCommandContext();
      if (taskId instanceof String id && context != null) {
        TaskEntity task = context.getTaskManager().findTaskById(id);
        if (task == null) {
          refuseIfCompleted(context, id);
        } else if (task.isSuspended() && context.getTenantManager().isAuthenticatedTenant(task.getTenantId())) {
          throw new ConflictException(SUSPENDED);
        }
      }
    }
    return next.execute(command);
  }

  /**
   * For a task that no longer exists: a {@link ConflictException} if it was completed in a project or part the caller
   * sees; nothing otherwise (the command answers "not found").
   */
  public static void refuseIfCompleted(CommandContext context, String taskId) {
    HistoricTaskInstanceEntity ended = context.getDbEntityManager().selectById(HistoricTaskInstanceEntity.class, taskId);
    if (ended != null && TaskEntity.DELETE_REASON_COMPLETED.equals(ended.getDeleteReason())
        && context.getTenantManager().isAuthenticatedTenant(ended.getTenantId())) {
      throw new ConflictException("The task was already completed");
    }
  }
}
