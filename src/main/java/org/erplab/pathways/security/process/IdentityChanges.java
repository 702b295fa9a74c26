package org.erplab.pathways.security.process;

import java.util.Set;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantGroupMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantUserMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantGroupMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantUserMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.SaveGroupCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTenantCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Notices every change to users, groups, tenants and memberships, whatever the door (Camunda Admin, engine REST, our
 * code), and tells the {@link IdentityChangeListener} once the change is committed: cached logins are forgotten and
 * the organisation parts of projects are brought in step.
 */
final class IdentityChanges extends CommandInterceptor {

  static final Set<Class<?>> IDENTITY_WRITES = Set.of(
      SaveUserCmd.class, DeleteUserCmd.class, SaveGroupCmd.class, DeleteGroupCmd.class, SaveTenantCmd.class,
      DeleteTenantCmd.class, CreateMembershipCmd.class, DeleteMembershipCmd.class,
      CreateTenantUserMembershipCmd.class, DeleteTenantUserMembershipCmd.class,
      CreateTenantGroupMembershipCmd.class, DeleteTenantGroupMembershipCmd.class);

  private final IdentityChangeListener listener;

  IdentityChanges(IdentityChangeListener listener) {
    this.listener = listener;
  }

  @Override
  public <T> T execute(Command<T> command) {
    T result = next.execute(command);
    if (IDENTITY_WRITES.contains(command.getClass())) {
      if (TransactionSynchronizationManager.isSynchronizationActive()) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            listener.identityChanged();
          }
        });
      } else {
        listener.identityChanged();
      }
    }
    return result;
  }
}
