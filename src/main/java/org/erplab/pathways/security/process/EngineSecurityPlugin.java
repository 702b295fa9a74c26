package org.erplab.pathways.security.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.erplab.pathways.security.Roles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The engine's half of security, the same for every door: authorizations on, members of the {@code admin} role are
 * engine administrators, the project's {@link DoorRules} beside Camunda's checks, no authorization row per task
 * ({@link NoTaskAuthorizations}), refusals given to callers as such ({@link EngineErrorUnwrapper}), work on a completed task a conflict
 * ({@link CompletedTaskConflict}), and a resource a
 * caller named that does not exist answered as such ({@link UnknownResources}).
 *
 * <p>Camunda's own login delay and lock-out are switched off: a wrong password for {@code cpi.milano} typed by anyone
 * anywhere would otherwise block the real user, for good after ten attempts. Failed logins are throttled per source
 * address and user by {@code security.LoginThrottle} instead, at every door.
 */
@Component
public class EngineSecurityPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<IdentityChangeListener> identityListeners;

  public EngineSecurityPlugin(ObjectProvider<IdentityChangeListener> identityListeners) {
    this.identityListeners = identityListeners;
  }

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
    // nothing of ours writes a REVOKE authorization (AuthorizationSetup grants only and refuses to start beside one):
    // no REVOKE existence check in every authorized statement (ADR 0024)
    configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
    // user ids like "lab.lorenteggio", organisation codes like "ALER_MI", project parts like "LORENTEGGIO.SOLCO"
    configuration.setGeneralResourceWhitelistPattern(RESOURCE_ID_PATTERN);
    configuration.setTenantResourceWhitelistPattern(RESOURCE_ID_PATTERN);
    configuration.setResourceAuthorizationProvider(new NoTaskAuthorizations());
    // no lock-out by the identity service: LoginThrottle throttles per source address and user instead
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    configuration.setLoginDelayBase(0);
    configuration.setLoginDelayFactor(0);
    configuration.setLoginDelayMaxTime(0);

    configuration.setCustomPreCommandInterceptorsTxRequired(
        prepend(configuration.getCustomPreCommandInterceptorsTxRequired(), new EngineErrorUnwrapper()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        prepend(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), new EngineErrorUnwrapper()));
    IdentityChanges identityChanges = new IdentityChanges(() -> identityListeners.forEach(IdentityChangeListener::identityChanged));
    configuration.setCustomPostCommandInterceptorsTxRequired(
        append(configuration.getCustomPostCommandInterceptorsTxRequired(), new UnknownResources(), new DoorInterceptor(),
            new CompletedTaskConflict(), identityChanges));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        append(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new UnknownResources(), new DoorInterceptor(),
            new CompletedTaskConflict(), identityChanges));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    DoorRules.requireCommandFields();
    CompletedTaskConflict.requireCommandFields();
    configuration.getCommandCheckers().add(new DoorRules());
  }

  static List<CommandInterceptor> prepend(List<CommandInterceptor> existing, CommandInterceptor interceptor) {
    List<CommandInterceptor> result = new ArrayList<>();
    result.add(interceptor);
    if (existing != null) {
      result.addAll(existing);
    }
    return result;
  }

  static List<CommandInterceptor> append(List<CommandInterceptor> existing, CommandInterceptor... interceptors) {
    List<CommandInterceptor> result = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    result.addAll(List.of(interceptors));
    return result;
  }
}
