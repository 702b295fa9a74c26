package org.erplab.pathways.security;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.erplab.pathways.project.domain.Organisation;
import org.erplab.pathways.project.domain.OrganisationType;
import org.erplab.pathways.project.domain.ProjectDirectory;
import org.erplab.pathways.security.process.IdentityChangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the organisation parts of projects ({@link Partitions}) in step with the projects' partners and the users'
 * memberships, so that every door (whose logins read tenants from Camunda's identity service) sees the same parts:
 * <ul>
 *   <li>each partner organisation that works on its own share of pathways (accredited operator, municipality, ALER)
 *       has its part of the project ({@code LORENTEGGIO.SOLCO}), and the organisation's group is a member of it: its
 *       staff see it;
 *   <li>each user with a project-wide role (lab, CPI, manager, auditor, admin) who serves a project (a member of its
 *       tenant, directly or through a group) is a member of every part of that project, and of no other part.
 * </ul>
 * An administrator gives a person access to a project by adding them to the project's tenant (Camunda Admin); the
 * parts follow at once. Operators, social services and ALER staff are given access through their organisation's
 * group, never through the project's own tenant. Runs at start-up and after every identity change.
 */
@Component
public class PartitionMemberships implements IdentityChangeListener {

  private static final Logger LOG = LoggerFactory.getLogger(PartitionMemberships.class);
  static final Set<OrganisationType> ORGANISATION_PARTS =
      EnumSet.of(OrganisationType.ACCREDITED_OPERATOR, OrganisationType.MUNICIPALITY, OrganisationType.ALER);
  private static final ThreadLocal<Boolean> SYNCING = ThreadLocal.withInitial(() -> false);

  private final IdentityService identityService;
  private final ProjectDirectory projects;
  private final CamundaIdentityAuthenticationProvider logins;
  private final TransactionTemplate transaction;

  public PartitionMemberships(IdentityService identityService, ProjectDirectory projects,
      CamundaIdentityAuthenticationProvider logins, PlatformTransactionManager transactions) {
    this.identityService = identityService;
    this.projects = projects;
    this.logins = logins;
    this.transaction = new TransactionTemplate(transactions);
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(20)
  public void onStart() {
    sync();
  }

  @Override
  public void identityChanged() {
    logins.forgetAll();
    if (!SYNCING.get()) {
      sync();
    }
  }

  /** Brings every part and every user's part memberships in step (idempotent). */
  public synchronized void sync() {
    Authentication caller = identityService.getCurrentAuthentication();
    SYNCING.set(true);
    identityService.clearAuthentication();
    try {
      transaction.executeWithoutResult(status -> {
        for (String project : projects.codes()) {
          for (Organisation organisation : projects.organisations(project)) {
            if (ORGANISATION_PARTS.contains(organisation.type())) {
              ensurePart(project, organisation);
            }
          }
        }
        for (User user : identityService.createUserQuery().list()) {
          syncUser(user.getId());
        }
      });
    } finally {
      SYNCING.set(false);
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
      logins.forgetAll();
    }
  }

  /** The parts of a project: one per partner organisation that works on its own share. */
  public List<String> partsOf(String projectCode) {
    return projects.organisations(projectCode).stream()
        .filter(o -> ORGANISATION_PARTS.contains(o.type()))
        .map(o -> Partitions.of(projectCode, o.code()))
        .toList();
  }

  private void ensurePart(String project, Organisation organisation) {
    String part = Partitions.of(project, organisation.code());
    if (identityService.createTenantQuery().tenantId(part).count() == 0) {
      Tenant tenant = identityService.newTenant(part);
      tenant.setName(projects.find(project).map(p -> p.name()).orElse(project) + " - " + organisation.name());
      identityService.saveTenant(tenant);
      LOG.info("Project part {} created", part);
    }
    if (identityService.createGroupQuery().groupId(organisation.code()).count() > 0
        && identityService.createTenantQuery().tenantId(part).groupMember(organisation.code()).count() == 0) {
      identityService.createTenantGroupMembership(part, organisation.code());
    }
  }

  private void syncUser(String userId) {
    Set<String> roles = identityService.createGroupQuery().groupMember(userId).groupType(Roles.GROUP_TYPE).list()
        .stream().map(Group::getId).collect(Collectors.toSet());
    boolean projectWide = roles.stream().anyMatch(Roles.PROJECT_WIDE::contains);
    Set<String> served = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
        .stream().map(Tenant::getId).filter(id -> !Partitions.isPart(id)).collect(Collectors.toSet());
    Set<String> desired = new HashSet<>();
    if (projectWide) {
      served.forEach(project -> desired.addAll(partsOf(project)));
    }
    Set<String> current = identityService.createTenantQuery().userMember(userId).list().stream()
        .map(Tenant::getId).filter(Partitions::isPart).collect(Collectors.toSet());
    for (String part : desired) {
      if (!current.contains(part) && identityService.createTenantQuery().tenantId(part).count() > 0) {
        identityService.createTenantUserMembership(part, userId);
      }
    }
    for (String part : current) {
      if (!desired.contains(part)) {
        identityService.deleteTenantUserMembership(part, userId);
      }
    }
  }
}
