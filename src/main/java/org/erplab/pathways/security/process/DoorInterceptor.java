package org.erplab.pathways.security.process;

import java.util.Set;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.erplab.pathways.common.process.RefusedException;

/**
 * Refuses, at every door, the engine commands that would store free text outside the registry or move a task outside
 * its rules. Camunda checks no permission for comments and attachments (any logged-in user could write on any task):
 * they are disabled for everybody; notes go in the task's form, where they are filed in the person's case notes. Task
 * delegation has no place in the pathway's work either. Nor has deleting a task: every task belongs to a pathway's
 * process and ends when its form is completed (Camunda itself refuses to delete a process's task, but only after the
 * look-up, as a generic error: a 500 at engine REST instead of the door rule's 403).
 */
final class DoorInterceptor extends CommandInterceptor {

  static final Set<Class<?>> FREE_TEXT = Set.of(
      AddCommentCmd.class, UpdateCommentCmd.class, CreateAttachmentCmd.class, SaveAttachmentCmd.class);
  static final Set<Class<?>> DELEGATION = Set.of(DelegateTaskCmd.class, ResolveTaskCmd.class);

  static final String NO_FREE_TEXT = "Comments and attachments are not kept: write the note in the task's form, "
      + "where it is filed in the person's reserved case notes";

  @Override
  public <T> T execute(Command<T> command) {
    if (FREE_TEXT.contains(command.getClass())) {
      throw new RefusedException(NO_FREE_TEXT);
    }
    if (DELEGATION.contains(command.getClass())) {
      throw new RefusedException("Tasks are not delegated: release the task so that another member of the group "
          + "can claim it");
    }
    if (ClockChanges.guards(command)) {
      throw new RefusedException(ClockChanges.REFUSAL);
    }
    if (command instanceof DeleteTaskCmd) {
      throw new RefusedException("Tasks are not deleted: a task ends when its form is completed");
    }
    return next.execute(command);
  }
}
