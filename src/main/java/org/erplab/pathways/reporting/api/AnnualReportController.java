package org.erplab.pathways.reporting.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.TreeSet;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.project.domain.ProjectDirectory;
import org.erplab.pathways.reporting.domain.AnnualReports;
import org.erplab.pathways.reporting.domain.AnnualReports.AnnualReport;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.Roles;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The committee's annual report (issue 10): read and downloaded by whoever reads the project's reports, published by
 * its managers; without {@code project}, every project together, for those who serve them all (the Region).
 */
@RestController
@RequestMapping(path = "/api/reports/annual", produces = MediaType.APPLICATION_JSON_VALUE)
class AnnualReportController {

  static final int FIRST_YEAR = 2000;
  static final int LAST_YEAR = 2100;
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private final AnnualReports reports;
  private final ReportAccess access;
  private final ProjectDirectory projects;

  AnnualReportController(AnnualReports reports, ReportAccess access, ProjectDirectory projects) {
    this.reports = reports;
    this.access = access;
    this.projects = projects;
  }

  record PublicationRequest(@NotNull @Min(FIRST_YEAR) @Max(LAST_YEAR) Integer year, String project,
      @Size(max = 500) String reason) {}

  @GetMapping
  @Transactional(readOnly = true)
  AnnualReport report(@RequestParam int year, @RequestParam(required = false) String project,
      @AuthenticationPrincipal AppUser user) {
    checkYear(year);
    return reports.of(scope(project), readable(project, user), year);
  }

  /**
   * The report as a file: every figure and table as published (or as a draft says), CSV, XLSX, or PDF with the
   * charts.
   */
  @GetMapping(path = "/export", produces = {"text/csv", MediaType.APPLICATION_PDF_VALUE,
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON_VALUE})
  @Transactional(readOnly = true)
  ResponseEntity<byte[]> export(@RequestParam int year, @RequestParam(required = false) String project,
      @RequestParam String format, @AuthenticationPrincipal AppUser user) {
    checkYear(year);
    if (!IndicatorsController.FORMATS.contains(format)) {
      throw ApiException.badRequest("format", "must be one of " + IndicatorsController.FORMATS);
    }
    AnnualReport report = reports.of(scope(project), readable(project, user), year);
    IndicatorsFile file = new IndicatorsFile(report.indicators()).note("Stato", report.published()
        ? "Revisione " + report.revision() + " pubblicata da " + report.publishedBy() + " il "
            + MOMENT.format(report.publishedAt().atZoneSameInstant(org.erplab.pathways.common.domain.EngineClock.ZONE))
            + (report.reason() == null ? "" : " (" + report.reason() + ")")
        : "Bozza non pubblicata: le cifre possono ancora cambiare");
    String name = AnnualReports.ALL.equals(report.scope()) ? "tutti i progetti" : "progetto " + report.scope();
    return file.attachment("Relazione annuale " + year + " - " + name, report.indicators(), format,
        "relazione-annuale-" + year + "-" + report.scope().toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * Publishes the year's report: 201 with revision 1, or the next revision, which needs the {@code reason} it
   * corrects the previous one; 409 for a year not over yet.
   */
  @PostMapping(path = "/publications", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Transactional
  ResponseEntity<AnnualReport> publish(@Valid @RequestBody PublicationRequest request,
      @AuthenticationPrincipal AppUser user) {
    Set<String> scope = readable(request.project(), user);
    if (!user.hasRole(Roles.MANAGER)) {
      throw ApiException.forbidden("Only the programme's managers publish the annual report");
    }
    if (!AnnualReports.over(request.year())) {
      throw ApiException.conflict("The year " + request.year() + " is not over: its report can be published from "
          + "1 January " + (request.year() + 1));
    }
    String key = scope(request.project());
    if (reports.revisionCount(key, request.year()) > 0
        && (request.reason() == null || request.reason().isBlank())) {
      throw ApiException.badRequest("reason", "is required to publish a correction");
    }
    AnnualReport published = reports.publish(key, scope, request.year(), user.id(), request.reason());
    return ResponseEntity.created(URI.create("/api/reports/annual?year=" + request.year()
        + (request.project() == null ? "" : "&project=" + request.project()))).body(published);
  }

  private static String scope(String project) {
    return project == null ? AnnualReports.ALL : project;
  }

  /** The projects of the report the user may read: one, or all of them for who serves every project. */
  private Set<String> readable(String project, AppUser user) {
    if (project != null) {
      access.check(project, user);
      return Set.of(project);
    }
    Set<String> all = new TreeSet<>(projects.codes());
    if (!user.projects().containsAll(all)) {
      throw ApiException.forbidden("The report of every project is for who serves them all");
    }
    for (String code : all) {
      access.check(code, user);
    }
    return all;
  }

  private static void checkYear(int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw ApiException.badRequest("year", "must be between " + FIRST_YEAR + " and " + LAST_YEAR);
    }
  }
}
