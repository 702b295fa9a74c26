package org.erplab.pathways.support;

import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.erplab.pathways.security.PartitionMemberships;
import org.erplab.pathways.security.Roles;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A project of a test's own ({@link TestProjects}) with the partners a whole pathway needs: the demo lab and CPI, an
 * accredited operator and a municipality (the lead entity) of its own, so that no demo user but the programme's sees
 * its pathways; and a user for each (password "demo"): lab, CPI, operator, the lead entity's staff (social), a
 * manager and an auditor of this project alone.
 */
public record OwnProject(String code, String operatorOrganisation, String leadOrganisation, String lab, String cpi,
    String operator, String lead, String manager, String auditor) {

  public static OwnProject create(ApplicationContext context, String prefix, LocalDate lastDay) {
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    IdentityService identity = context.getBean(IdentityService.class);
    String code = TestProjects.create(jdbc, prefix, lastDay);
    String user = code.toLowerCase();
    OwnProject project = new OwnProject(code, "OP_" + code, "COM_" + code, "lab." + user + ".test",
        "cpi." + user + ".test", "operator." + user + ".test", "lead." + user + ".test", "manager." + user + ".test",
        "auditor." + user + ".test");
    organisation(jdbc, identity, project.operatorOrganisation(), "Operatore accreditato " + code, "ACCREDITED_OPERATOR");
    organisation(jdbc, identity, project.leadOrganisation(), "Comune " + code, "MUNICIPALITY");
    partner(jdbc, code, "MILOLAB", false);
    partner(jdbc, code, "AFOL_MET", false);
    partner(jdbc, code, project.operatorOrganisation(), false);
    partner(jdbc, code, project.leadOrganisation(), true);
    Tenant tenant = identity.newTenant(code);
    tenant.setName("Progetto " + code);
    identity.saveTenant(tenant);
    ensureUser(identity, project.lab(), Roles.LAB, "MILOLAB", code);
    ensureUser(identity, project.cpi(), Roles.CPI, "AFOL_MET", code);
    ensureUser(identity, project.operator(), Roles.OPERATOR, project.operatorOrganisation(), code);
    ensureUser(identity, project.lead(), Roles.SOCIAL, project.leadOrganisation(), code);
    ensureUser(identity, project.manager(), Roles.MANAGER, "REGIONE_LOMBARDIA", code);
    ensureUser(identity, project.auditor(), Roles.AUDITOR, "REGIONE_LOMBARDIA", code);
    context.getBean(PartitionMemberships.class).sync();
    return project;
  }

  /**
   * A user of that role and organisation (idempotent); a project-wide role serves {@code project} through its tenant,
   * an organisation-scoped one the parts of its organisation.
   */
  public static void ensureUser(IdentityService identity, String id, String role, String organisation, String project) {
    if (identity.createUserQuery().userId(id).count() > 0) {
      return;
    }
    User user = identity.newUser(id);
    user.setFirstName("Test");
    user.setLastName(id);
    user.setEmail(id + "@test.invalid");
    user.setPassword("demo");
    identity.saveUser(user);
    identity.createMembership(id, role);
    identity.createMembership(id, organisation);
    if (!Roles.ORGANISATION_SCOPED.contains(role)) {
      identity.createTenantUserMembership(project, id);
    }
  }

  private static void organisation(JdbcClient jdbc, IdentityService identity, String code, String name, String type) {
    jdbc.sql("insert into organisation (code, name, type) values (?, ?, ?)").params(code, name, type).update();
    Group group = identity.newGroup(code);
    group.setName(name);
    group.setType(Roles.ORGANISATION_TYPE);
    identity.saveGroup(group);
  }

  private static void partner(JdbcClient jdbc, String project, String organisation, boolean lead) {
    jdbc.sql("insert into project_organisation (project_code, organisation_code, lead_entity) values (?, ?, ?)")
        .params(project, organisation, lead).update();
  }
}
