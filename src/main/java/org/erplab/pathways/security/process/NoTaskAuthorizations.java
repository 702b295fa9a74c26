package org.erplab.pathways.security.process;

import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * Writes no authorization row per task. Camunda's default writes one for every candidate group, assignee and owner of
 * every task, and its permission-checked task query then compares every visible task with every such row (quadratic:
 * 18 s for the lab's list at 20,000 pathways). Here who may see a task is the project's part it lives in (the tenant)
 * and the role's grant on process definitions; who may work it is the task's candidate groups, checked by
 * {@link DoorRules} at every door.
 */
final class NoTaskAuthorizations extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
    return null;
  }

  @Override
  public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
    return null;
  }

  @Override
  public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
    return null;
  }

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
    return null;
  }
}
