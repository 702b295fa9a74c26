package org.erplab.pathways.pathway.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.common.domain.FieldError;
import org.erplab.pathways.pathway.domain.Internship;
import org.erplab.pathways.pathway.domain.Pathway;
import org.erplab.pathways.pathway.infrastructure.InternshipRecords.Agreement;
import org.erplab.pathways.pathway.infrastructure.InternshipRecords.Attendance;
import org.erplab.pathways.pathway.infrastructure.InternshipRecords.Extension;
import org.erplab.pathways.security.AppUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A pathway's internship. The accredited operator of the pathway writes the agreement while Task_InternshipAgreement is
 * open ({@code PUT}), asks for extensions ({@code POST .../extension-requests}, the CPI decides them in
 * Task_ApproveExtension), records an early termination ({@code POST .../termination}) and each month's attendance
 * ({@code POST .../attendance}); whoever may read the pathway reads the agreement, its cap, its current end, the
 * extension requests, the attendance and the indemnity due. Hours in tenths, amounts in euro.
 */
@RestController
@RequestMapping(path = "/api/pathways/{id}/internship", produces = MediaType.APPLICATION_JSON_VALUE)
class InternshipController {

  private static final String ONLY_ITS_OPERATOR = "Only the pathway's accredited operator may manage its internship";

  private final PathwayAccess access;
  private final Internship internship;
  private final InternshipViews views;

  InternshipController(PathwayAccess access, Internship internship, InternshipViews views) {
    this.access = access;
    this.internship = internship;
    this.views = views;
  }

  /** 200 with the agreement; 403 / 404 / 409 (not while the agreement is written) / 400 naming the fields. */
  @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  InternshipViews.InternshipView write(@PathVariable UUID id, @RequestBody AgreementRequest request,
      @AuthenticationPrincipal AppUser user) {
    Pathway pathway = access.ofItsOperator(id, user, ONLY_ITS_OPERATOR);
    if (!internship.drafting(pathway)) {
      throw ApiException.conflict("The internship agreement can be written only while the pathway is active in the "
          + "internship stage and the agreement is not confirmed yet");
    }
    Agreement cap = internship.agreement(id).orElseThrow();
    Internship.Terms terms = new Internship.Terms(request.host(), request.promoter(), request.tutor(),
        request.startDate(), request.plannedMonths(), request.weeklyHours());
    List<FieldError> errors = internship.check(pathway, cap, terms);
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(errors);
    }
    return views.view(internship.write(id, terms, user.id()));
  }

  /** The agreement, its cap and current end, the extension requests, the attendance, the indemnity due. */
  @GetMapping
  InternshipViews.InternshipView read(@PathVariable UUID id, @AuthenticationPrincipal AppUser user) {
    access.readable(id, user);
    return views.of(id).orElseThrow(() -> ApiException.notFound("The pathway has no internship"));
  }

  /** 201 with the request (the CPI decides it); 400 naming months (beyond the cap) or reason; 409 when not running. */
  @PostMapping(path = "/extension-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  InternshipViews.ExtensionView requestExtension(@PathVariable UUID id, @RequestBody ExtensionRequest request,
      @AuthenticationPrincipal AppUser user) {
    Pathway pathway = access.ofItsOperator(id, user, ONLY_ITS_OPERATOR);
    return InternshipViews.view(internship.requestExtension(pathway, request.months(), request.reason(), user.id()));
  }

  /**
   * 200 with the internship: HIRED, HOST_PROBLEM, OTHER end the stage (the pathway goes on to the placement);
   * WITHDRAWN withdraws the participant from the pathway (closed as WITHDRAWN). 400 naming reason or date; 409 when the
   * internship is not running.
   */
  @PostMapping(path = "/termination", consumes = MediaType.APPLICATION_JSON_VALUE)
  InternshipViews.InternshipView terminate(@PathVariable UUID id, @RequestBody TerminationRequest request,
      @AuthenticationPrincipal AppUser user) {
    Pathway pathway = access.ofItsOperator(id, user, ONLY_ITS_OPERATOR);
    internship.terminate(pathway, request.reason(), request.date(), user.id());
    return views.view(internship.agreement(id).orElseThrow());
  }

  /** 201 with the month; 400 naming month, plannedHours, attendedHours; 409 before the start or a month recorded. */
  @PostMapping(path = "/attendance", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  Attendance recordAttendance(@PathVariable UUID id, @RequestBody AttendanceRequest request,
      @AuthenticationPrincipal AppUser user) {
    Pathway pathway = access.ofItsOperator(id, user, ONLY_ITS_OPERATOR);
    if (!internship.attendanceOpen(pathway)) {
      throw ApiException.conflict("Internship attendance can be recorded only while the pathway is active and its "
          + "internship has started");
    }
    Agreement agreement = internship.agreement(id).orElseThrow();
    List<FieldError> errors = internship.checkAttendance(agreement, request.month(), request.plannedHours(),
        request.attendedHours());
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(errors);
    }
    return internship.recordAttendance(pathway, request.month(), request.plannedHours(), request.attendedHours(),
        user.id()).orElseThrow(() -> ApiException.conflict("The month " + request.month() + " is recorded already"));
  }

  record AgreementRequest(String host, String promoter, String tutor, LocalDate startDate, Integer plannedMonths,
      BigDecimal weeklyHours) {}

  record ExtensionRequest(Integer months, String reason) {}

  record TerminationRequest(String reason, LocalDate date) {}

  record AttendanceRequest(YearMonth month, BigDecimal plannedHours, BigDecimal attendedHours) {}
}
