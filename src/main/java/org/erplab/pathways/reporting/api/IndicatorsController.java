package org.erplab.pathways.reporting.api;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.common.domain.FieldError;
import org.erplab.pathways.reporting.domain.Indicators;
import org.erplab.pathways.security.AppUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monitoring committee's indicators of a project and period (issue 10): aggregated counts only, with their
 * definitions, small cells suppressed (ADR 0040); for the programme's managers and auditors and the lead entity.
 */
@RestController
@RequestMapping(path = "/api/reports", produces = MediaType.APPLICATION_JSON_VALUE)
class IndicatorsController {

  /** The longest period one request may cover: a programme runs a few years. */
  static final int MAX_YEARS = 10;
  static final List<String> FORMATS = List.of("csv", "pdf", "xlsx");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final Indicators indicators;
  private final ReportAccess access;

  IndicatorsController(Indicators indicators, ReportAccess access) {
    this.indicators = indicators;
    this.access = access;
  }

  /** {@code from} defaults to 1 January of {@code to}'s year, {@code to} to today. */
  @GetMapping("/indicators")
  @Transactional(readOnly = true)
  Indicators.Report indicators(@RequestParam String project,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @AuthenticationPrincipal AppUser user) {
    return report(project, from, to, null, user);
  }

  /**
   * The same report as a file: every figure and every distribution's cells in one table (section, item, all, lab,
   * plan, definition), suppressed cells as published; CSV for Excel, XLSX, or PDF with a chart of the plans and of
   * each distribution.
   */
  @GetMapping(path = "/indicators/export", produces = {"text/csv", MediaType.APPLICATION_PDF_VALUE,
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON_VALUE})
  @Transactional(readOnly = true)
  ResponseEntity<byte[]> export(@RequestParam String project,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam String format, @AuthenticationPrincipal AppUser user) {
    Indicators.Report report = report(project, from, to, format, user);
    return new IndicatorsFile(report).attachment("Indicatori del progetto " + report.projectCode() + " dal "
        + DAY.format(report.from()) + " al " + DAY.format(report.to()), report, format, "indicatori-"
        + report.projectCode() + "-" + report.from() + "-" + report.to());
  }

  private Indicators.Report report(String project, LocalDate from, LocalDate to, String format, AppUser user) {
    access.check(project, user);
    LocalDate end = to != null ? to : EngineClock.today();
    LocalDate start = from != null ? from : end.withDayOfYear(1);
    List<FieldError> errors = new ArrayList<>();
    if (start.isAfter(end)) {
      errors.add(new FieldError("to", "must not be before from"));
    } else if (start.plusYears(MAX_YEARS).isBefore(end)) {
      errors.add(new FieldError("to", "must be at most " + MAX_YEARS + " years after from"));
    }
    if (format != null && !FORMATS.contains(format)) {
      errors.add(new FieldError("format", "must be one of " + FORMATS));
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(errors);
    }
    return indicators.of(project, start, end);
  }
}
