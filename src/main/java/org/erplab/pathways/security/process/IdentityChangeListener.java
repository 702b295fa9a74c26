package org.erplab.pathways.security.process;

/** Told after a change to users, groups, tenants or memberships has been committed. */
public interface IdentityChangeListener {

  void identityChanged();
}
