package org.erplab.pathways.caseload.api;

import java.util.Comparator;
import java.util.List;
import org.erplab.pathways.caseload.domain.Caseload;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.project.domain.Organisation;
import org.erplab.pathways.project.domain.ProjectDirectory;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.Roles;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caseload of a project's organisations (ADR 0027): whoever sees the whole project (lab, CPI, managers, auditors)
 * sees every organisation that works on pathways side by side (lab, CPI, accredited operators, social services,
 * ALER), or one; the staff of an organisation with a part of its own (accredited operators, social services, ALER) see
 * their own organisation only. Counts and staff user ids, no pathway id, no person.
 */
@RestController
@RequestMapping(path = "/api/caseload", produces = MediaType.APPLICATION_JSON_VALUE)
class CaseloadController {

  private static final Comparator<Organisation> BY_TYPE = Comparator.comparing(Organisation::type);

  private final Caseload caseload;
  private final ProjectDirectory projects;

  CaseloadController(Caseload caseload, ProjectDirectory projects) {
    this.caseload = caseload;
    this.projects = projects;
  }

  @GetMapping
  Caseload.Report caseload(@RequestParam String project, @RequestParam(required = false) String organisation,
      @AuthenticationPrincipal AppUser user) {
    if (!user.hasAnyRole(Roles.PROJECT_STAFF) && !user.hasRole(Roles.AUDITOR)) {
      throw ApiException.forbidden("Your role may not read caseloads");
    }
    if (!user.serves(project) || projects.find(project).isEmpty()) {
      // a project the caller does not serve is refused like an unknown one: its existence is not revealed
      throw ApiException.badRequest("project", "must be a project you work in");
    }
    List<Organisation> working = projects.organisations(project).stream()
        .filter(Caseload::hasCaseload)
        .sorted(BY_TYPE)
        .toList();
    if (organisation != null && working.stream().noneMatch(o -> o.code().equals(organisation))) {
      throw ApiException.badRequest("organisation", "must be an organisation of the project that works on pathways");
    }
    if (user.seesWholeProject(project)) {
      return caseload.of(project, working.stream()
          .filter(o -> organisation == null || o.code().equals(organisation)).toList());
    }
    if (!user.hasAnyRole(Roles.ORGANISATION_SCOPED) || user.organisation() == null
        || working.stream().noneMatch(o -> o.code().equals(user.organisation()))) {
      throw ApiException.forbidden("Only the project's organisations and those who see the whole project read "
          + "caseloads");
    }
    if (organisation != null && !organisation.equals(user.organisation())) {
      throw ApiException.forbidden("You read the caseload of your own organisation only");
    }
    return caseload.of(project, working.stream().filter(o -> o.code().equals(user.organisation())).toList());
  }
}
