package org.erplab.pathways.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.TaskQuery;
import org.erplab.pathways.pathway.process.PathwayProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The role groups, what each may do in the engine and the webapps, and the shared Tasklist filters. The grants of the
 * role groups are the code's: at every start-up they are set to exactly what is declared here (a grant added by hand
 * to a role group is removed). Runs idempotently.
 *
 * <p>No grant names a single task or instance: which project, or organisation's part of a project, a user sees is
 * the tenant check ({@link Partitions}); which tasks a user may work is the task's candidate groups, checked by the
 * engine's door rules. So the role groups get their permissions on process definitions ({@code *}), and the
 * authorization table stays a few dozen rows however many pathways run.
 */
@Component
public class AuthorizationSetup {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationSetup.class);

  static final Map<String, String> ROLE_NAMES = Map.of(
      Roles.LAB, "Laboratorio sociale",
      Roles.CPI, "Centro per l'impiego",
      Roles.OPERATOR, "Operatore accreditato",
      Roles.SOCIAL, "Servizi sociali",
      Roles.HOUSING, "ALER",
      Roles.MANAGER, "Responsabile di programma",
      Roles.AUDITOR, "Revisore",
      Roles.ADMIN, "Amministratore");

  /** Roles that read the engine's history of their projects (project-wide roles; others read our audit trail). */
  static final Set<String> HISTORY_READERS = Set.of(Roles.LAB, Roles.CPI, Roles.MANAGER, Roles.AUDITOR);

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final JdbcClient jdbc;

  public AuthorizationSetup(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, TaskService taskService, JdbcClient jdbc) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.jdbc = jdbc;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  public void setUp() {
    refuseRevokes();
    ROLE_NAMES.forEach(this::ensureRoleGroup);
    // the webapps offer a first-run "create admin" page while this group has no member: admins belong to it
    if (identityService.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
      Group group = identityService.newGroup(Groups.CAMUNDA_ADMIN);
      group.setName("Amministratori Camunda");
      group.setType(Groups.GROUP_TYPE_SYSTEM);
      identityService.saveGroup(group);
    }
    for (Resources resource : Resources.values()) {
      grant(Roles.ADMIN, resource, ANY, Permissions.ALL);
      grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
    }
    List<Grant> declared = new ArrayList<>(roleGrants());
    List<String> filters = new ArrayList<>();
    filters.add(ensureFilter("Compiti dei miei gruppi", -20,
        query -> query.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()));
    filters.add(ensureFilter("Assegnati a me", -10, query -> query.taskAssigneeExpression("${currentUser()}")));
    for (String role : Roles.ALL) {
      for (String filter : filters) {
        declared.add(new Grant(role, Resources.FILTER, filter, Permissions.READ));
      }
    }
    for (Grant grant : declared) {
      grant(grant.group(), grant.resource(), grant.resourceId(), grant.permissions());
    }
    removeUndeclared(declared);
    int perTask = jdbc.sql("delete from ACT_RU_AUTHORIZATION where RESOURCE_TYPE_ = ? and RESOURCE_ID_ <> '*'")
        .param(Resources.TASK.resourceType()).update();
    if (perTask > 0) {
      LOG.info("Removed {} authorization rows naming single tasks (tasks are no longer authorized one by one)", perTask);
    }
  }

  /**
   * The engine never checks REVOKE authorizations ({@code authorizationCheckRevokes: never}, ADR 0024): one written by
   * hand (admin webapp, engine REST) would be ignored, a permission silently still granted. Refuse to start instead.
   */
  private void refuseRevokes() {
    long revokes = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_REVOKE).count();
    if (revokes > 0) {
      throw new IllegalStateException(revokes + " REVOKE authorization(s) in ACT_RU_AUTHORIZATION: the engine is "
          + "configured never to check REVOKE authorizations (ADR 0024); remove them (type 2) or grant less instead");
    }
  }

  /** What each role may do; the tenant check says where. */
  static List<Grant> roleGrants() {
    List<Grant> grants = new ArrayList<>();
    for (String role : Roles.ALL) {
      if (!Roles.ADMIN.equals(role)) {
        grants.add(new Grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
        // as Camunda grants any new group: its members see it (Tasklist shows the names of candidate groups)
        grants.add(new Grant(role, Resources.GROUP, role, Permissions.READ));
      }
    }
    for (String role : List.of(Roles.MANAGER, Roles.AUDITOR)) {
      grants.add(new Grant(role, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
    }
    // managers deploy new versions of the models from Camunda Modeler; model.DeploymentGuard checks each deployment
    grants.add(new Grant(Roles.MANAGER, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ));
    for (String role : Roles.INTAKE) {
      // the start itself needs a permit of our API (door rules); the user's own identity is kept in history
      grants.add(new Grant(role, Resources.PROCESS_DEFINITION, PathwayProcess.KEY,
          ProcessDefinitionPermissions.CREATE_INSTANCE));
      grants.add(new Grant(role, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE, Permissions.READ));
    }
    for (String role : List.of(Roles.LAB, Roles.CPI, Roles.OPERATOR, Roles.SOCIAL, Roles.HOUSING, Roles.MANAGER,
        Roles.AUDITOR)) {
      List<Permission> definition = new ArrayList<>(List.of(ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_INSTANCE));
      if (Roles.WORKERS.contains(role)) {
        // work and release tasks; the door rules narrow this to the task's candidate groups
        definition.add(ProcessDefinitionPermissions.TASK_WORK);
        definition.add(ProcessDefinitionPermissions.TASK_ASSIGN);
      }
      if (HISTORY_READERS.contains(role)) {
        definition.add(ProcessDefinitionPermissions.READ_HISTORY);
        grants.add(new Grant(role, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY));
        grants.add(new Grant(role, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ));
      }
      grants.add(new Grant(role, Resources.PROCESS_DEFINITION, ANY, definition.toArray(Permission[]::new)));
      if (!Roles.INTAKE.contains(role)) {
        grants.add(new Grant(role, Resources.PROCESS_INSTANCE, ANY, Permissions.READ));
      }
    }
    return grants;
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

  /** Sets the group's grant on the resource to exactly these permissions (creating it if missing). */
  public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    int wanted = 0;
    for (Permission permission : permissions) {
      wanted |= permission.getValue();
    }
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).authorizationType(AUTH_TYPE_GRANT)
        .list().stream().findFirst().orElse(null);
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    } else if (((AuthorizationEntity) authorization).getPermissions() == wanted) {
      return;
    }
    authorization.setPermissions(permissions);
    authorizationService.saveAuthorization(authorization);
  }

  /** Removes grants of role groups that the code no longer declares (the grants of role groups are the code's). */
  private void removeUndeclared(List<Grant> declared) {
    Map<String, Boolean> keep = new LinkedHashMap<>();
    declared.forEach(g -> keep.put(g.group() + "|" + g.resource().resourceType() + "|" + g.resourceId(), true));
    for (String role : Roles.ALL) {
      if (Roles.ADMIN.equals(role)) {
        continue;
      }
      for (Authorization authorization : authorizationService.createAuthorizationQuery().groupIdIn(role)
          .authorizationType(AUTH_TYPE_GRANT).list()) {
        String key = role + "|" + authorization.getResourceType() + "|" + authorization.getResourceId();
        if (!keep.containsKey(key)) {
          authorizationService.deleteAuthorization(authorization.getId());
          LOG.info("Removed an undeclared grant of role {} on resource type {}", role, authorization.getResourceType());
        }
      }
    }
  }

  private String ensureFilter(String name, int priority, UnaryOperator<TaskQuery> query) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(name).setOwner(null);
    }
    // kept in step with the code at every start (the order and query are ours, not the users')
    filter.setProperties(Map.of("priority", priority, "description", name, "refresh", true))
        .setQuery(query.apply(taskService.createTaskQuery()));
    return filterService.saveFilter(filter).getId();
  }

  record Grant(String group, Resource resource, String resourceId, Permission... permissions) {}
}
