package org.erplab.pathways.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Members of the {@code admin} role are engine administrators (authorization checks do not restrict them). */
@Component
public class EngineSecurityPlugin extends AbstractProcessEnginePlugin {

  /** Letters, digits, dot, underscore and dash: ids of users, groups (roles, organisations) and tenants (projects). */
  public static final String RESOURCE_ID_PATTERN = "[a-zA-Z0-9_.\\-]+|camunda-admin";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<String> adminGroups = configuration.getAdminGroups() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getAdminGroups());
    if (!adminGroups.contains(Roles.ADMIN)) {
      adminGroups.add(Roles.ADMIN);
    }
    configuration.setAdminGroups(adminGroups);
    configuration.setAuthorizationEnabled(true);
    // user ids like "lab.lorenteggio", organisation codes like "ALER_MI"
    configuration.setGeneralResourceWhitelistPattern(RESOURCE_ID_PATTERN);
  }
}
