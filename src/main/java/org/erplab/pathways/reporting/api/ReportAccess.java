package org.erplab.pathways.reporting.api;

import java.util.Set;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.project.domain.Organisation;
import org.erplab.pathways.project.domain.ProjectDirectory;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.Roles;
import org.springframework.stereotype.Component;

/**
 * Who reads a project's reports: the programme's managers and auditors who serve the project, and the staff of the
 * project's lead entity; 404 for a project the caller does not serve (or none), 403 for other roles.
 */
@Component
class ReportAccess {

  private final ProjectDirectory projects;

  ReportAccess(ProjectDirectory projects) {
    this.projects = projects;
  }

  void check(String project, AppUser user) {
    if (!user.serves(project) || projects.find(project).isEmpty()) {
      throw ApiException.notFound("No such project");
    }
    boolean leadEntity = user.organisation() != null && projects.leadEntity(project)
        .map(Organisation::code).filter(user.organisation()::equals).isPresent();
    if (!user.hasAnyRole(Set.of(Roles.MANAGER, Roles.AUDITOR)) && !leadEntity) {
      throw ApiException.forbidden("Only the programme's managers and auditors and the project's lead entity read "
          + "its reports");
    }
  }
}
