package org.erplab.pathways.programme.api;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.programme.domain.ProgrammeEnd;
import org.erplab.pathways.programme.domain.ProjectOperation;
import org.erplab.pathways.programme.domain.ProjectOperations;
import org.erplab.pathways.project.domain.Project;
import org.erplab.pathways.project.domain.ProjectDirectory;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.Roles;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A project's programme: the project-wide pause and its resumption (a manager; answered at once with the operation,
 * 202, which then runs in batches: its progress at {@code /operations/{id}}), and the programme's end date (a manager
 * changes it, with a reason). Who serves the whole project (lab, CPI, manager, auditor) reads both; another project
 * does not exist for the caller (404).
 */
@RestController
@RequestMapping(path = "/api/projects/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
class ProgrammeController {

  private final ProjectOperations operations;
  private final ProgrammeEnd programmeEnd;
  private final ProjectDirectory projects;

  ProgrammeController(ProjectOperations operations, ProgrammeEnd programmeEnd, ProjectDirectory projects) {
    this.operations = operations;
    this.programmeEnd = programmeEnd;
    this.projects = projects;
  }

  @PostMapping("/suspension")
  ResponseEntity<OperationView> pause(@PathVariable String code, @Valid @RequestBody ProgrammeRequests.Pause request,
      @AuthenticationPrincipal AppUser user) {
    manager(code, user);
    return accepted(code, operations.pause(code, request.reason(), request.expectedResumption(), user.id()));
  }

  @PostMapping("/resumption")
  ResponseEntity<OperationView> resume(@PathVariable String code, @Valid @RequestBody ProgrammeRequests.Resume request,
      @AuthenticationPrincipal AppUser user) {
    manager(code, user);
    return accepted(code, operations.resume(code, request.reason(), user.id()));
  }

  @GetMapping("/operations")
  List<OperationView> operations(@PathVariable String code, @AuthenticationPrincipal AppUser user) {
    reader(code, user);
    return operations.ofProject(code).stream().map(OperationView::of).toList();
  }

  @GetMapping("/operations/{id}")
  OperationView operation(@PathVariable String code, @PathVariable UUID id, @AuthenticationPrincipal AppUser user) {
    reader(code, user);
    return OperationView.of(operations.find(code, id));
  }

  @GetMapping("/end-date")
  EndDateView endDate(@PathVariable String code, @AuthenticationPrincipal AppUser user) {
    reader(code, user);
    return endDateView(code);
  }

  @PutMapping("/end-date")
  EndDateView changeEndDate(@PathVariable String code, @Valid @RequestBody ProgrammeRequests.EndDate request,
      @AuthenticationPrincipal AppUser user) {
    manager(code, user);
    programmeEnd.change(code, request.endDate(), request.reason(), user.id());
    return endDateView(code);
  }

  private EndDateView endDateView(String code) {
    Project project = projects.find(code).orElseThrow(() -> ApiException.notFound("No such project"));
    return new EndDateView(code, project.startDate(), project.endDate(), programmeEnd.changes(code));
  }

  private static ResponseEntity<OperationView> accepted(String code, ProjectOperation operation) {
    return ResponseEntity.accepted().location(URI.create("/api/projects/" + code + "/operations/" + operation.id()))
        .body(OperationView.of(operation));
  }

  /** 404 for a project the caller does not serve as a whole; 403 for any role but manager. */
  private void manager(String code, AppUser user) {
    reader(code, user);
    if (!user.hasRole(Roles.MANAGER)) {
      throw ApiException.forbidden("Only a programme manager may do this");
    }
  }

  private void reader(String code, AppUser user) {
    if (!user.serves(code) || !user.seesWholeProject(code) || projects.find(code).isEmpty()) {
      throw ApiException.notFound("No such project");
    }
  }

  /** An operation over a project's pathways and how far it got. */
  record OperationView(UUID id, String projectCode, String kind, UUID pauseId, String reason,
      LocalDate expectedResumption, String status, int total, int pending, int done, int skipped, int failed,
      String requestedBy, OffsetDateTime requestedAt, OffsetDateTime finishedAt) {

    static OperationView of(ProjectOperation o) {
      return new OperationView(o.id(), o.projectCode(), o.kind(), o.pauseId(), o.reason(), o.expectedResumption(),
          o.status(), o.total(), o.pending(), o.done(), o.skipped(), o.failed(), o.requestedBy(), o.requestedAt(),
          o.finishedAt());
    }
  }

  /** The programme's dates and every change of its end. */
  record EndDateView(String projectCode, LocalDate startDate, LocalDate endDate, List<ProgrammeEnd.EndChange> changes) {}
}
