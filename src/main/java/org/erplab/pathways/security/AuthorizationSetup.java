package org.erplab.pathways.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.erplab.pathways.pathway.process.PathwayProcess;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The role groups, what each may do in the engine and the webapps, and the shared Tasklist filters. Idempotent: runs
 * at every start-up and only adds what is missing. Access to individual tasks comes from the engine's default task
 * permissions (a candidate group may read and work its tasks); projects are separated by the tenant check.
 */
@Component
public class AuthorizationSetup {

  static final Map<String, String> ROLE_NAMES = Map.of(
      Roles.LAB, "Laboratorio sociale",
      Roles.CPI, "Centro per l'impiego",
      Roles.OPERATOR, "Operatore accreditato",
      Roles.SOCIAL, "Servizi sociali",
      Roles.HOUSING, "ALER",
      Roles.MANAGER, "Responsabile di programma",
      Roles.AUDITOR, "Revisore",
      Roles.ADMIN, "Amministratore");

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final org.camunda.bpm.engine.TaskService taskService;

  public AuthorizationSetup(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, org.camunda.bpm.engine.TaskService taskService) {
    this.taskService = taskService;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  public void setUp() {
    ROLE_NAMES.forEach(this::ensureRoleGroup);
    // the webapps offer a first-run "create admin" page while this group has no member: admins belong to it
    if (identityService.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
      Group group = identityService.newGroup(Groups.CAMUNDA_ADMIN);
      group.setName("Amministratori Camunda");
      group.setType(Groups.GROUP_TYPE_SYSTEM);
      identityService.saveGroup(group);
    }
    for (String role : Roles.ALL) {
      grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    }
    for (String role : List.of(Roles.MANAGER, Roles.AUDITOR)) {
      grant(role, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    }
    // administrators: everything, on every resource (as Camunda grants its own camunda-admin group)
    for (Resources resource : Resources.values()) {
      grant(Roles.ADMIN, resource, ANY, Permissions.ALL);
      grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
    }
    for (String role : Roles.INTAKE) {
      grant(role, Resources.PROCESS_DEFINITION, PathwayProcess.KEY, ProcessDefinitionPermissions.CREATE_INSTANCE);
      grant(role, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    }
    for (String role : readers()) {
      grant(role, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, ProcessDefinitionPermissions.READ_HISTORY);
      grant(role, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
      grant(role, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
      grant(role, Resources.OPERATION_LOG_CATEGORY, ANY, org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions.READ);
    }
    ensureFilter("Compiti dei miei gruppi", -20,
        taskQuery -> taskQuery.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
    ensureFilter("Assegnati a me", -10, taskQuery -> taskQuery.taskAssigneeExpression("${currentUser()}"));
  }

  private static Set<String> readers() {
    return Set.of(Roles.LAB, Roles.CPI, Roles.OPERATOR, Roles.SOCIAL, Roles.HOUSING, Roles.MANAGER, Roles.AUDITOR);
  }

  private void ensureRoleGroup(String id, String name) {
    Group group = identityService.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identityService.newGroup(id);
      group.setName(name);
      group.setType(Roles.GROUP_TYPE);
      identityService.saveGroup(group);
    }
  }

  /** Grants the permissions to the group on the resource, unless a grant for that group and resource exists. */
  public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).authorizationType(AUTH_TYPE_GRANT)
        .list().stream().findFirst().orElse(null);
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    } else if (java.util.Arrays.stream(permissions).allMatch(authorization::isPermissionGranted)) {
      return;
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }

  private void ensureFilter(String name, int priority, java.util.function.UnaryOperator<TaskQuery> query) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(name).setOwner(null);
    }
    // kept in step with the code at every start (the order and query are ours, not the users')
    filter.setProperties(Map.of("priority", priority, "description", name, "refresh", true))
        .setQuery(query.apply(taskService.createTaskQuery()));
    filter = filterService.saveFilter(filter);
    for (String role : Roles.ALL) {
      grant(role, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }
}
