package org.erplab.pathways.pathway.api;

import jakarta.validation.Valid;
import java.util.UUID;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.lab.domain.LabActivity;
import org.erplab.pathways.lab.domain.LabService;
import org.erplab.pathways.participant.api.ParticipantMapper;
import org.erplab.pathways.pathway.domain.PathwayService;
import org.erplab.pathways.project.domain.ProjectDirectory;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
// JSON only: a caller that accepts nothing else gets 406 before anything happens
@RequestMapping(path = "/api/pathways", produces = MediaType.APPLICATION_JSON_VALUE)
class PathwayController {

  private final PathwayService service;
  private final PathwayAccess access;
  private final ParticipantMapper mapper;
  private final ProjectDirectory projects;
  private final PathwayViews views;
  private final LabService lab;

  PathwayController(PathwayService service, PathwayAccess access,
      ParticipantMapper mapper, ProjectDirectory projects, PathwayViews views, LabService lab) {
    this.lab = lab;
    this.service = service;
    this.access = access;
    this.mapper = mapper;
    this.projects = projects;
    this.views = views;
  }

  /**
   * The lab or a CPI desk takes a person in charge, possibly from a lab visit ({@code visitId}): the visit is checked
   * before anything starts, and linked to the pathway in the same transaction.
   */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  PathwayService.StartedPathway start(@Valid @RequestBody StartPathwayRequest request,
      @AuthenticationPrincipal AppUser user) {
    if (!user.hasAnyRole(Roles.INTAKE)) {
      throw ApiException.forbidden("Only the lab and the CPI take people in charge");
    }
    if (projects.find(request.projectCode()).isEmpty()) {
      throw ApiException.badRequest("projectCode", "unknown project");
    }
    if (!user.seesWholeProject(request.projectCode())) {
      throw ApiException.forbidden("You do not serve project " + request.projectCode());
    }
    LabActivity.Visit visit = request.visitId() == null ? null
        : lab.visitToStartFrom(request.visitId(), request.projectCode());
    PathwayService.StartedPathway started = service.start(mapper.toParticipant(request.person(),
        request.projectCode()), request.channel(), null, user.id());
    if (visit != null) {
      lab.startedPathway(visit, started.pathwayId(), started.participantId(), user.id());
    }
    return started;
  }

  @GetMapping("/{id}")
  PathwayView get(@PathVariable UUID id, @AuthenticationPrincipal AppUser user) {
    return views.readable(id, user, access);
  }

}
