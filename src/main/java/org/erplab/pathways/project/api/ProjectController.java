package org.erplab.pathways.project.api;

import java.util.List;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.project.domain.Organisation;
import org.erplab.pathways.project.domain.Project;
import org.erplab.pathways.project.domain.ProjectDirectory;
import org.erplab.pathways.security.AppUser;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The projects the caller serves and their partner organisations. */
@RestController
// JSON only: a caller that accepts nothing else gets 406 before anything happens
@RequestMapping(path = "/api/projects", produces = MediaType.APPLICATION_JSON_VALUE)
class ProjectController {

  private final ProjectDirectory projects;

  ProjectController(ProjectDirectory projects) {
    this.projects = projects;
  }

  @GetMapping
  @Transactional(readOnly = true)
  List<ProjectView> myProjects(@AuthenticationPrincipal AppUser user) {
    return projects.findAll(user.projects()).stream().map(this::view).toList();
  }

  @GetMapping("/{code}/organisations")
  @Transactional(readOnly = true)
  List<Organisation> organisations(@PathVariable String code, @AuthenticationPrincipal AppUser user) {
    if (!user.serves(code) || projects.find(code).isEmpty()) {
      throw ApiException.notFound("No such project");
    }
    return projects.organisations(code);
  }

  private ProjectView view(Project p) {
    return new ProjectView(p.code(), p.name(), p.municipality(), p.province(),
        projects.leadEntity(p.code()).map(Organisation::code).orElse(null), p.startDate(), p.endDate());
  }

  record ProjectView(String code, String name, String municipality, String province, String leadOrganisation,
      java.time.LocalDate startDate, java.time.LocalDate endDate) {}
}
