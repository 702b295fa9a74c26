package org.erplab.pathways.security.process;

import java.util.List;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.erplab.pathways.common.process.ConflictException;
import org.erplab.pathways.common.process.RefusedException;
import org.erplab.pathways.pathway.process.ProcessCatalogue;
import org.erplab.pathways.security.Roles;

/**
 * The rules every door obeys, checked by the engine itself beside Camunda's authorization and tenant checks, so that
 * engine REST, Tasklist, Cockpit and our API give the same answer:
 * <ul>
 *   <li>a process starts only with a {@link ProcessStarts} permit (our API registers the person first), and only in a
 *       project the starting user serves;
 *   <li>a task is claimed, released and completed only by a member of one of its candidate groups, or by the person
 *       who claimed it; one may claim only for oneself, release only what one claimed (a colleague's claim is a
 *       conflict, as for claiming or completing the task), and never assign, delegate or
 *       re-route a task to anybody else;
 *   <li>no task is created by hand (Tasklist's "Create task"), and tasks end only by completing their form (no BPMN
 *       error or escalation thrown at them from outside);
 *   <li>variables change only through a task's form, except for an administrator's repair;
 *   <li>models are deployed only by managers and administrators.
 * </ul>
 * Calls without an authenticated user are the system's own (start-up, timers, our services) and pass, except starts.
 * Administrators pass except for starts.
 */
final class DoorRules extends AllowingCommandChecker {

  static final String ASSIGN_USER_FIELD = "userId";
  static final String CLAIM_USER_FIELD = "userId";

  static void requireCommandFields() {
    CommandFields.requireFields(AssignTaskCmd.class, ASSIGN_USER_FIELD);
    CommandFields.requireFields(ClaimTaskCmd.class, CLAIM_USER_FIELD);
  }

  @Override
  public void checkCreateProcessInstance(ProcessDefinition definition) {
    String project = ProcessStarts.projectOf(definition.getKey()).orElse(null);
    if (project == null || ProcessCatalogue.find(definition.getKey()).isEmpty()) {
      throw new RefusedException("Process " + definition.getKey() + " cannot be started directly: a pathway starts "
          + "only through POST /api/pathways (or the public registration), which registers the person first");
    }
    Authentication authentication = authentication();
    if (authentication != null && !isAdmin(authentication)
        && (authentication.getTenantIds() == null || !authentication.getTenantIds().contains(project))) {
      throw new RefusedException("You do not serve project " + project);
    }
  }

  @Override
  public void checkTaskWork(TaskEntity task) {
    Command<?> command = command();
    if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
      throw new RefusedException("A task ends only when its form is completed");
    }
    Authentication authentication = authentication();
    if (authentication == null || isAdmin(authentication)) {
      return;
    }
    String user = authentication.getUserId();
    if (command instanceof ClaimTaskCmd) {
      Object claimant = CommandFields.read(command, CLAIM_USER_FIELD);
      if (claimant != null && !user.equals(claimant)) {
        throw new RefusedException("A task can be claimed only by the person who will work it");
      }
    }
    boolean mine = user.equals(task.getAssignee());
    if (!mine && !isCandidate(task, authentication)) {
      throw new RefusedException("Your groups may not work this task");
    }
    if (!mine && task.getAssignee() != null
        && (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd)) {
      throw new ConflictException("The task is claimed by someone else");
    }
  }

  @Override
  public void checkTaskAssign(TaskEntity task) {
    Authentication authentication = authentication();
    if (authentication == null || isAdmin(authentication)) {
      return;
    }
    Command<?> command = command();
    boolean releasing = command instanceof AssignTaskCmd && CommandFields.read(command, ASSIGN_USER_FIELD) == null;
    boolean releasingOwnClaim = releasing && authentication.getUserId().equals(task.getAssignee());
    if (releasing && !releasingOwnClaim && task.getAssignee() != null && isCandidate(task, authentication)) {
      // a colleague's claim: the same conflict as claiming or completing the task (409), at every door
      throw new ConflictException("The task is claimed by someone else");
    }
    if (!releasingOwnClaim) {
      throw new RefusedException("Tasks are claimed and released by the person who works them: they cannot be "
          + "assigned, delegated or changed by hand");
    }
  }

  @Override
  public void checkCreateTask(TaskEntity task) {
    refuseTaskCreation();
  }

  @Override
  public void checkCreateTask() {
    refuseTaskCreation();
  }

  private static void refuseTaskCreation() {
    throw new RefusedException("Tasks are created by the pathway's processes only: a task created by hand would have "
        + "no pathway, no project and none of their rules");
  }

  @Override
  public void checkDeleteTask(TaskEntity task) {
    refuseUnlessAdmin("Tasks cannot be deleted");
  }

  @Override
  public void checkUpdateTaskVariable(TaskEntity task) {
    refuseUnlessAdmin("Variables change only through the form of a task");
  }

  @Override
  public void checkUpdateProcessInstanceVariables(ExecutionEntity execution) {
    refuseUnlessAdmin("Variables change only through the form of a task");
  }

  /** Models are deployed by managers (Camunda Modeler) and administrators only; what they deploy is checked by model.DeploymentGuard. */
  @Override
  public void checkCreateDeployment() {
    Authentication authentication = authentication();
    if (authentication != null && !isAdmin(authentication)
        && (authentication.getGroupIds() == null || !authentication.getGroupIds().contains(Roles.MANAGER))) {
      throw new RefusedException("Solo i responsabili di programma e gli amministratori pubblicano modelli e moduli");
    }
  }

  private static void refuseUnlessAdmin(String message) {
    Authentication authentication = authentication();
    if (authentication != null && !isAdmin(authentication)) {
      throw new RefusedException(message);
    }
  }

  private static boolean isCandidate(TaskEntity task, Authentication authentication) {
    List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    return task.getIdentityLinks().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .anyMatch(link -> (link.getGroupId() != null && groups.contains(link.getGroupId()))
            || authentication.getUserId().equals(link.getUserId()));
  }

  private static Authentication authentication() {
    CommandContext context = Context.getCommandContext();
    return context == null ? null : context.getAuthentication();
  }

  static boolean isAdmin(Authentication authentication) {
    return Context.getCommandContext().getAuthorizationManager().isCamundaAdmin(authentication);
  }

  private static Command<?> command() {
    CommandInvocationContext invocation = Context.getCommandInvocationContext();
    return invocation == null ? null : invocation.getCommand();
  }
}
