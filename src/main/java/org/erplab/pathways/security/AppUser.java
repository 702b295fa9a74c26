package org.erplab.pathways.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The authenticated caller, read from Camunda's identity service: roles (groups of type ROLE), the one organisation it
 * belongs to (group of type ORGANISATION), and the tenants it sees: whole projects, or an organisation's part of one
 * ({@link Partitions}).
 */
public record AppUser(String id, Set<String> roles, String organisation, Set<String> tenants) {

  public AppUser {
    roles = Set.copyOf(roles);
    tenants = Set.copyOf(tenants);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public boolean hasAnyRole(Collection<String> wanted) {
    return wanted.stream().anyMatch(roles::contains);
  }

  /** The projects the user works in, wholly or through its organisation's part. */
  public Set<String> projects() {
    return tenants.stream().map(Partitions::projectOf).collect(Collectors.toUnmodifiableSet());
  }

  public boolean serves(String projectCode) {
    return projectCode != null && projects().contains(projectCode);
  }

  /** True when the user sees the whole project: every pathway of it is the user's organisation's business. */
  public boolean seesWholeProject(String projectCode) {
    return projectCode != null && tenants.contains(projectCode) && hasAnyRole(Roles.PROJECT_WIDE);
  }

  /** Every Camunda group of the user: roles and organisation (task candidate groups may name either). */
  public List<String> groups() {
    return Stream.concat(roles.stream(), Stream.ofNullable(organisation)).toList();
  }
}
