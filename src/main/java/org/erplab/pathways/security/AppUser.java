package org.erplab.pathways.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The authenticated caller, read from Camunda's identity service: roles (groups of type ROLE), the one organisation
 * it belongs to (group of type ORGANISATION) and the projects (tenants) it serves.
 */
public record AppUser(String id, Set<String> roles, String organisation, Set<String> projects) {

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public boolean hasAnyRole(Collection<String> wanted) {
    return wanted.stream().anyMatch(roles::contains);
  }

  public boolean serves(String projectCode) {
    return projects.contains(projectCode);
  }

  /** Every Camunda group of the user: roles and organisation (task candidate groups may name either). */
  public List<String> groups() {
    return Stream.concat(roles.stream(), Stream.ofNullable(organisation)).toList();
  }
}
