package org.erplab.pathways.reporting.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.common.domain.FieldError;
import org.erplab.pathways.reporting.domain.Indicators;
import org.erplab.pathways.security.AppUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
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
    access.check(project, user);
    LocalDate end = to != null ? to : EngineClock.today();
    LocalDate start = from != null ? from : end.withDayOfYear(1);
    List<FieldError> errors = new ArrayList<>();
    if (start.isAfter(end)) {
      errors.add(new FieldError("to", "must not be before from"));
    } else if (start.plusYears(MAX_YEARS).isBefore(end)) {
      errors.add(new FieldError("to", "must be at most " + MAX_YEARS + " years after from"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(errors);
    }
    return indicators.of(project, start, end);
  }
}
