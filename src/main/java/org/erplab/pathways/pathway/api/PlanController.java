package org.erplab.pathways.pathway.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.common.domain.FieldError;
import org.erplab.pathways.pathway.domain.Pathway;
import org.erplab.pathways.pathway.domain.PlanAmendments;
import org.erplab.pathways.pathway.domain.Plans;
import org.erplab.pathways.pathway.infrastructure.PlanRecords;
import org.erplab.pathways.security.AppUser;
import org.springframework.http.HttpStatus;
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
 * A pathway's personalised plan (PIP). The accredited operator of the pathway writes the draft while its
 * Task_DraftPlan is open ({@code PUT}: the current draft is replaced, after a rejection a new version starts), and
 * once the plan is signed writes amendments ({@code POST .../amendments}: a new version, approved and signed again);
 * whoever may read the pathway reads the current version and every version. Amounts in euro.
 */
@RestController
@RequestMapping(path = "/api/pathways/{id}/plan", produces = MediaType.APPLICATION_JSON_VALUE)
class PlanController {

  private final PathwayAccess access;
  private final Plans plans;
  private final PlanRecords records;
  private final PlanAmendments amendments;

  PlanController(PathwayAccess access, Plans plans, PlanRecords records, PlanAmendments amendments) {
    this.amendments = amendments;
    this.access = access;
    this.plans = plans;
    this.records = records;
  }

  /** 200 with the replaced draft, 201 with a new version; 403 / 404 / 409 / 400 naming field and line. */
  @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<PlanView> draft(@PathVariable UUID id, @RequestBody PlanRequest request,
      @AuthenticationPrincipal AppUser user) {
    Pathway pathway = access.ofItsOperator(id, user, "Only the pathway's accredited operator may write its plan");
    if (!plans.drafting(id)) {
      throw ApiException.conflict("The plan can be written only while it is being drafted");
    }
    Plans.Draft draft = request.toDraft();
    List<FieldError> errors = plans.check(pathway.projectCode(), draft);
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(errors);
    }
    int before = records.latest(id).map(PlanRecords.Version::version).orElse(0);
    PlanRecords.Version saved = plans.saveDraft(id, pathway.projectCode(), draft, user.id());
    return ResponseEntity.status(saved.version() > before ? HttpStatus.CREATED : HttpStatus.OK).body(view(saved));
  }

  /**
   * An amendment of the signed plan: the same body as the draft; 201 with the new version, sent to the CPI (the
   * signed version stays current until the amendment is approved and signed); 403 / 404; 409 before the first
   * signature, after closure, while suspended or while another amendment is under way; 400 naming field and line.
   */
  @PostMapping(path = "/amendments", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<PlanView> amend(@PathVariable UUID id, @RequestBody PlanRequest request,
      @AuthenticationPrincipal AppUser user) {
    access.ofItsOperator(id, user, "Only the pathway's accredited operator may amend its plan");
    return ResponseEntity.status(HttpStatus.CREATED).body(view(amendments.request(id, request.toDraft(), user.id())));
  }

  /** The current version (the latest signed, or before the first signature the latest) with its services and courses; 404 when there is none yet. */
  @GetMapping
  PlanView current(@PathVariable UUID id, @AuthenticationPrincipal AppUser user) {
    access.readable(id, user);
    return records.current(id).map(this::view).orElseThrow(() -> ApiException.notFound("The pathway has no plan yet"));
  }

  /** Every version, oldest first, with its services and courses. */
  @GetMapping("/versions")
  List<PlanView> versions(@PathVariable UUID id, @AuthenticationPrincipal AppUser user) {
    access.readable(id, user);
    return records.versions(id).stream().map(this::view).toList();
  }

  private PlanView view(PlanRecords.Version v) {
    return new PlanView(v.version(), v.status(), v.internshipPlanned(), v.indemnityCap(), v.servicesTotal(),
        records.services(v.id()).stream().map(s -> new ServiceView(s.line(), s.type(), s.hours(), s.cost())).toList(),
        records.courses(v.id()).stream().map(c -> new CourseView(c.line(), c.code(), c.title(), c.plannedHours(),
            c.startDate(), c.endDate())).toList(),
        v.createdBy(), v.createdAt(), v.submittedAt(), v.decidedBy(), v.decidedAt(), v.approvedOn(), v.signedOn(),
        v.amends());
  }

  record PlanRequest(List<ServiceRequest> services, List<CourseRequest> courses, Boolean internshipPlanned,
      BigDecimal indemnityCap) {

    Plans.Draft toDraft() {
      return new Plans.Draft(
          services == null ? List.of() : services.stream()
              .map(s -> s == null ? null : new Plans.ServiceLine(s.type(), s.hours(), s.cost())).toList(),
          courses == null ? List.of() : courses.stream()
              .map(c -> c == null ? null : new Plans.CourseLine(c.code(), c.title(), c.plannedHours(), c.startDate(),
                  c.endDate())).toList(),
          internshipPlanned, indemnityCap);
    }
  }

  record ServiceRequest(String type, BigDecimal hours, BigDecimal cost) {}

  record CourseRequest(String code, String title, BigDecimal plannedHours, LocalDate startDate, LocalDate endDate) {}

  record PlanView(int version, String status, boolean internshipPlanned, BigDecimal indemnityCap,
      BigDecimal servicesTotal, List<ServiceView> services, List<CourseView> courses, String createdBy,
      OffsetDateTime createdAt, OffsetDateTime submittedAt, String decidedBy, OffsetDateTime decidedAt,
      LocalDate approvedOn, LocalDate signedOn, Integer amends) {}

  record ServiceView(int line, String type, BigDecimal hours, BigDecimal cost) {}

  record CourseView(int line, String code, String title, BigDecimal plannedHours, LocalDate startDate,
      LocalDate endDate) {}
}
