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
import org.erplab.pathways.pathway.process.ArrearsReductionProcess;
import org.erplab.pathways.pathway.process.PathwayProcess;
import org.erplab.pathways.pathway.process.SocialReferralProcess;
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
      Roles.ADMIN, "Amministratore",
      Roles.PRIVACY, "Responsabile della protezione dei dati",
      Roles.MONITORING, "Monitoraggio (Prometheus)");

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
    for (SharedFilter shared : SHARED_FILTERS) {
      String filter = ensureFilter(shared);
      for (String role : shared.roles()) {
        if (Roles.PRIVACY.equals(role) || Roles.MONITORING.equals(role)) {
          continue;   // the privacy officer and the metrics scraper work no task
        }
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
      if (!Roles.OUTSIDE_THE_ENGINE.contains(role)) {
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

  private String ensureFilter(SharedFilter shared) {
    Filter filter = filterService.createFilterQuery().filterName(shared.name()).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(shared.name()).setOwner(null);
    }
    // kept in step with the code at every start (the columns and query are ours, not the users'). No stored order:
    // the engine would put it before the order Tasklist sends, so the user's sorting would never change the list;
    // Tasklist sorts by due date unless its address names another order (tasklist/scripts/due-date-sorting.js)
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("priority", shared.priority());
    properties.put("description", shared.description());
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put("variables", FILTER_COLUMNS);
    filter.setProperties(properties)
        .setQuery(shared.query().apply(taskService.createTaskQuery()));
    return filterService.saveFilter(filter).getId();
  }

  /** Tasks assigned to the user, or unassigned with one of the user's groups as candidate (the worklist's rule). */
  private static TaskQuery mine(TaskQuery query) {
    return query.or().taskAssigneeExpression(CURRENT_USER).taskCandidateGroupInExpression(CURRENT_USER_GROUPS).endOr();
  }

  /** The tasks of the user's groups (also those a colleague has claimed) and the user's own. */
  private static TaskQuery ofMyGroups(TaskQuery query) {
    return query.taskCandidateGroupInExpression(CURRENT_USER_GROUPS).includeAssignedTasks();
  }

  private static final String CURRENT_USER = "${currentUser()}";
  private static final String CURRENT_USER_GROUPS = "${currentUserGroups()}";

  /**
   * What a task card shows beside the task's name, process and due date: non-personal variables only. The pathway's
   * id is its pseudonym (the engine knows no name); {@code projectCode} is set on the pathway's own instance (a
   * stage's instance shows the pathway id). The stage is no process variable: the task's name and process say it.
   */
  static final List<Map<String, String>> FILTER_COLUMNS = List.of(
      Map.of("name", "projectCode", "label", "Progetto"),
      Map.of("name", "pathwayId", "label", "Percorso (pseudonimo)"));

  /**
   * The shared Tasklist filters (ADR 0026): each listed by priority, its tasks by due date; READ for the roles named.
   * Projects stay apart by the tenant check, whatever a filter's query says.
   */
  static final List<SharedFilter> SHARED_FILTERS = List.of(
      new SharedFilter("I miei compiti", -40, "Assegnati a me o da prendere in carico dai miei gruppi",
          AuthorizationSetup::mine, Roles.ALL),
      new SharedFilter("Scaduti", -35, "I miei compiti con la scadenza passata",
          query -> mine(query).dueBeforeExpression("${now()}"), Roles.ALL),
      new SharedFilter("In scadenza entro 5 giorni lavorativi", -30,
          "I miei compiti in scadenza entro la fine del quinto giorno lavorativo da oggi (calendario del progetto)",
          query -> mine(query).dueAfterExpression("${now()}")
              .dueBeforeExpression("${taskDueHorizon.endOfWorkingDaysAhead(5)}"), Roles.ALL),
      new SharedFilter("Laboratorio - da fare", -25, "Colloqui, richiami e prese in carico del laboratorio",
          query -> query.taskCandidateGroup(Roles.LAB).includeAssignedTasks(), Set.of(Roles.LAB)),
      new SharedFilter("CPI - verifiche e approvazioni", -25, "Verifiche di ammissibilità, assegnazioni, approvazioni",
          query -> query.taskCandidateGroup(Roles.CPI).includeAssignedTasks(), Set.of(Roles.CPI)),
      new SharedFilter("Operatore - percorsi attivi", -25, "I compiti dei percorsi affidati alla mia organizzazione",
          AuthorizationSetup::ofMyGroups, Set.of(Roles.OPERATOR)),
      new SharedFilter("ALER - morosità", -25, "Riduzioni della morosità da confermare",
          query -> ofMyGroups(query).processDefinitionKey(ArrearsReductionProcess.KEY), Set.of(Roles.HOUSING)),
      new SharedFilter("Servizi sociali", -25, "Invii ai servizi sociali del Comune",
          query -> ofMyGroups(query).processDefinitionKey(SocialReferralProcess.KEY), Set.of(Roles.SOCIAL)),
      new SharedFilter("Compiti dei miei gruppi", -20, "Compiti dei miei gruppi, anche presi in carico da colleghi",
          AuthorizationSetup::ofMyGroups, Roles.ALL),
      new SharedFilter("Assegnati a me", -10, "Compiti presi in carico da me",
          query -> query.taskAssigneeExpression(CURRENT_USER), Roles.ALL));

  record SharedFilter(String name, int priority, String description, UnaryOperator<TaskQuery> query,
      Set<String> roles) {}

  record Grant(String group, Resource resource, String resourceId, Permission... permissions) {}
}
