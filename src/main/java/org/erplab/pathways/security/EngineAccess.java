package org.erplab.pathways.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine reads without the caller's engine authentication, for views whose access our own code has already
 * decided (e.g. a pathway's open tasks shown to an auditor who may not work them). Use only after checking the role
 * and the project.
 */
@Component
public class EngineAccess {

  private final IdentityService identityService;

  public EngineAccess(IdentityService identityService) {
    this.identityService = identityService;
  }

  public <T> T asSystem(Supplier<T> work) {
    Authentication current = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (current != null) {
        identityService.setAuthentication(current);
      }
    }
  }
}
