package org.erplab.pathways.model.api;

import java.util.Set;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.Roles;

/** Who may change models and their running instances: managers and admins, each for the projects it serves. */
final class ManagerScope {

  private static final Set<String> MODEL_OWNERS = Set.of(Roles.MANAGER, Roles.ADMIN);

  private ManagerScope() {}

  /**
   * The projects the request concerns: the one named (404 unless the caller serves it), or every project the caller
   * serves; 403 for a caller who is neither manager nor admin.
   */
  static Set<String> projects(AppUser user, String project) {
    requireManager(user);
    if (project == null || project.isBlank()) {
      return user.projects();
    }
    if (!user.serves(project)) {
      throw ApiException.notFound("No such project");
    }
    return Set.of(project);
  }

  static void requireManager(AppUser user) {
    if (!user.hasAnyRole(MODEL_OWNERS)) {
      throw ApiException.forbidden("Only managers and administrators change decisions and model versions");
    }
  }
}
