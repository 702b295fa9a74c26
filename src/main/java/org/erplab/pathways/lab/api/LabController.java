package org.erplab.pathways.lab.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.common.domain.FieldError;
import org.erplab.pathways.lab.domain.LabActivity;
import org.erplab.pathways.lab.domain.LabActivity.Signal;
import org.erplab.pathways.lab.domain.LabActivity.Visit;
import org.erplab.pathways.lab.domain.LabService;
import org.erplab.pathways.lab.infrastructure.LabRecords;
import org.erplab.pathways.project.domain.ProjectDirectory;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.Roles;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lab's activity beyond pathways (issue 10): visits of participants and of anonymous visitors, and the signals
 * they raise. The project's lab records and reads them; auditors read them; the social services, ALER and the CPI
 * read the signals passed to them. Pseudonymous: a visit names a participant by id only.
 */
@RestController
@RequestMapping(path = "/api/lab", produces = MediaType.APPLICATION_JSON_VALUE)
class LabController {

  /** Which signals an organisation's role reads: those passed to it. */
  private static final Map<String, LabActivity.PassedTo> RECIPIENTS = Map.of(Roles.SOCIAL,
      LabActivity.PassedTo.SOCIAL_SERVICES, Roles.HOUSING, LabActivity.PassedTo.ALER, Roles.CPI,
      LabActivity.PassedTo.CPI);

  private final LabService lab;
  private final LabRecords records;
  private final ProjectDirectory projects;

  LabController(LabService lab, LabRecords records, ProjectDirectory projects) {
    this.lab = lab;
    this.records = records;
    this.projects = projects;
  }

  /**
   * An anonymous visitor: gender F or M (left out when not stated), age band, citizenship area, and for a citizen of
   * another country (EU or NON_EU) the area of origin if the visitor says it.
   */
  record VisitorRequest(@Pattern(regexp = "[FM]") String gender,
      @NotNull @Pattern(regexp = "18_35|36_54|55_64|65_PLUS") String ageBand,
      @NotNull @Pattern(regexp = "IT|EU|NON_EU|UNKNOWN") String citizenshipArea,
      @Pattern(regexp = "MAGHREB_NEAR_EAST|EASTERN_EUROPE|SUB_SAHARAN_AFRICA|ASIA|LATIN_AMERICA|OTHER",
          message = "must be MAGHREB_NEAR_EAST, EASTERN_EUROPE, SUB_SAHARAN_AFRICA, ASIA, LATIN_AMERICA or OTHER")
      String originArea) {}

  record VisitRequest(@NotBlank String projectCode, @NotNull LocalDate visitedOn, UUID participantId,
      @Valid VisitorRequest visitor, @NotNull LabActivity.ActivityType activityType,
      @NotNull @Min(1) @Max(720) Integer durationMinutes) {}

  record SignalRequest(@NotNull LabActivity.SignalCategory category, LabActivity.PassedTo passedTo,
      LabActivity.Outcome outcome, LocalDate raisedOn) {}

  record SignalUpdate(LabActivity.PassedTo passedTo, @NotNull LabActivity.Outcome outcome) {}

  /** A visit and, when asked for one visit, its signals. */
  record VisitView(Visit visit, List<Signal> signals) {}

  @PostMapping(path = "/visits", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Transactional
  ResponseEntity<Visit> record(@Valid @RequestBody VisitRequest request, @AuthenticationPrincipal AppUser user) {
    requireLab(user, request.projectCode());
    LabService.Visitor visitor = request.visitor() == null ? null : new LabService.Visitor(request.visitor().gender(),
        LabActivity.AgeBand.ofCode(request.visitor().ageBand()), request.visitor().citizenshipArea(),
        request.visitor().originArea());
    Visit visit = lab.record(new LabService.NewVisit(request.projectCode(), request.visitedOn(),
        request.participantId(), visitor, request.activityType(), request.durationMinutes()), user.id());
    return ResponseEntity.created(URI.create("/api/lab/visits/" + visit.id())).body(visit);
  }

  @GetMapping("/visits")
  @Transactional(readOnly = true)
  List<Visit> visits(@RequestParam(required = false) String project,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) UUID participant,
      @RequestParam(required = false) LabActivity.ActivityType activityType,
      @RequestParam(defaultValue = "0") int firstResult,
      @RequestParam(defaultValue = "100") int maxResults,
      @AuthenticationPrincipal AppUser user) {
    if (!user.hasAnyRole(Set.of(Roles.LAB, Roles.AUDITOR))) {
      throw ApiException.forbidden("Only the lab and auditors read the lab's visits");
    }
    checkPage(project, from, to, firstResult, maxResults, user);
    return records.visits(scope(project, user), from, to, participant,
        activityType == null ? null : activityType.name(), firstResult, maxResults);
  }

  @GetMapping("/visits/{id}")
  @Transactional(readOnly = true)
  VisitView visit(@PathVariable UUID id, @AuthenticationPrincipal AppUser user) {
    if (!user.hasAnyRole(Set.of(Roles.LAB, Roles.AUDITOR))) {
      throw ApiException.forbidden("Only the lab and auditors read the lab's visits");
    }
    Visit visit = records.visit(id).filter(v -> user.seesWholeProject(v.projectCode()))
        .orElseThrow(() -> ApiException.notFound("No such visit"));
    return new VisitView(visit, records.signalsOf(id));
  }

  @PostMapping(path = "/visits/{id}/signals", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Transactional
  ResponseEntity<Signal> raise(@PathVariable UUID id, @Valid @RequestBody SignalRequest request,
      @AuthenticationPrincipal AppUser user) {
    requireLabRole(user);
    Signal signal = lab.raise(id, request.category(), request.passedTo(), request.outcome(), request.raisedOn(),
        user.id(), user::seesWholeProject);
    return ResponseEntity.created(URI.create("/api/lab/signals/" + signal.id())).body(signal);
  }

  @PutMapping(path = "/signals/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Transactional
  Signal update(@PathVariable UUID id, @Valid @RequestBody SignalUpdate request, @AuthenticationPrincipal AppUser user) {
    requireLabRole(user);
    return lab.update(id, request.passedTo(), request.outcome(), user.id(), user::seesWholeProject);
  }

  /**
   * The signals the caller reads, newest first: the lab and auditors all of their projects'; the social services,
   * ALER and the CPI those passed to them.
   */
  @GetMapping("/signals")
  @Transactional(readOnly = true)
  List<Signal> signals(@RequestParam(required = false) String project,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) LabActivity.SignalCategory category,
      @RequestParam(required = false) LabActivity.PassedTo passedTo,
      @RequestParam(required = false) LabActivity.Outcome outcome,
      @RequestParam(defaultValue = "0") int firstResult,
      @RequestParam(defaultValue = "100") int maxResults,
      @AuthenticationPrincipal AppUser user) {
    Set<String> recipients;
    if (user.hasAnyRole(Set.of(Roles.LAB, Roles.AUDITOR))) {
      recipients = passedTo == null ? null : Set.of(passedTo.name());
    } else {
      List<String> own = RECIPIENTS.entrySet().stream().filter(e -> user.hasRole(e.getKey()))
          .map(e -> e.getValue().name()).toList();
      if (own.isEmpty()) {
        throw ApiException.forbidden("Your role reads no signal of the lab");
      }
      recipients = passedTo == null ? Set.copyOf(own)
          : own.contains(passedTo.name()) ? Set.of(passedTo.name()) : Set.of();
    }
    checkPage(project, from, to, firstResult, maxResults, user);
    if (recipients != null && recipients.isEmpty()) {
      return List.of();
    }
    return records.signals(scope(project, user), from, to, category == null ? null : category.name(), recipients,
        outcome == null ? null : outcome.name(), firstResult, maxResults);
  }

  private static Set<String> scope(String project, AppUser user) {
    return project != null ? Set.of(project) : user.projects();
  }

  private void requireLab(AppUser user, String project) {
    requireLabRole(user);
    if (projects.find(project).isEmpty() || !user.seesWholeProject(project)) {
      throw ApiException.badRequest("projectCode", "must be a project you work in");
    }
  }

  private static void requireLabRole(AppUser user) {
    if (!user.hasRole(Roles.LAB)) {
      throw ApiException.forbidden("Only the lab records visits and signals");
    }
  }

  private static void checkPage(String project, LocalDate from, LocalDate to, int firstResult, int maxResults,
      AppUser user) {
    List<FieldError> errors = new ArrayList<>();
    if (project != null && !user.serves(project)) {
      errors.add(new FieldError("project", "must be a project you work in"));
    }
    if (from != null && to != null && from.isAfter(to)) {
      errors.add(new FieldError("to", "must not be before from"));
    }
    if (firstResult < 0) {
      errors.add(new FieldError("firstResult", "must be 0 or more"));
    }
    if (maxResults < 1 || maxResults > LabRecords.MAX_RESULTS) {
      errors.add(new FieldError("maxResults", "must be between 1 and " + LabRecords.MAX_RESULTS));
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(errors);
    }
  }
}
