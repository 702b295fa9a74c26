package org.erplab.pathways.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine never checks REVOKE authorizations (ADR 0024), so none may exist: the start-up refuses to go on beside
 * one rather than leave a permission silently granted.
 */
@PathwaysSpringTest
class RevokeAuthorizationsTest {

  @Autowired ProcessEngine engine;
  @Autowired AuthorizationService authorizationService;
  @Autowired AuthorizationSetup setup;

  @Test
  void shouldNeverCheckRevokes() {
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getAuthorizationCheckRevokes())
        .isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
  }

  @Test
  void shouldRefuseToStartBesideARevokeAuthorization() {
    Authorization revoke = authorizationService.createNewAuthorization(AUTH_TYPE_REVOKE);
    revoke.setGroupId(Roles.LAB);
    revoke.setResource(Resources.PROCESS_DEFINITION);
    revoke.setResourceId("pathway");
    revoke.removePermission(Permissions.READ);
    String id = authorizationService.saveAuthorization(revoke).getId();
    try {
      assertThatThrownBy(setup::setUp).isInstanceOf(IllegalStateException.class).hasMessageContaining("REVOKE");
    } finally {
      authorizationService.deleteAuthorization(id);
    }
    setup.setUp();
  }
}
