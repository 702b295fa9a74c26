package org.erplab.pathways.reporting.api;

import java.time.LocalDate;
import java.util.Set;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.project.domain.Organisation;
import org.erplab.pathways.project.domain.ProjectDirectory;
import org.erplab.pathways.reporting.domain.Funnel;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.Roles;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The funnel of a project from our own tables (ADR 0023): for the programme's managers and auditors and the project's
 * lead entity; aggregated counts only, no pathway id, no person.
 */
@RestController
@RequestMapping(path = "/api/reports", produces = MediaType.APPLICATION_JSON_VALUE)
class FunnelController {

  private final Funnel funnel;
  private final ProjectDirectory projects;

  FunnelController(Funnel funnel, ProjectDirectory projects) {
    this.funnel = funnel;
    this.projects = projects;
  }

  @GetMapping("/funnel")
  @Transactional(readOnly = true)
  Funnel.Report funnel(@RequestParam String project,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @AuthenticationPrincipal AppUser user) {
    if (!user.serves(project) || projects.find(project).isEmpty()) {
      throw ApiException.notFound("No such project");
    }
    boolean leadEntity = user.organisation() != null && projects.leadEntity(project)
        .map(Organisation::code).filter(user.organisation()::equals).isPresent();
    if (!user.hasAnyRole(Set.of(Roles.MANAGER, Roles.AUDITOR)) && !leadEntity) {
      throw ApiException.forbidden("Only the programme's managers and auditors and the project's lead entity read "
          + "its reports");
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw ApiException.badRequest("to", "must not be before from");
    }
    return funnel.of(project, from, to);
  }
}
