package org.erplab.pathways.reporting.api;

import java.time.LocalDate;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.reporting.domain.Funnel;
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
 * The funnel of a project from our own tables (ADR 0023): for the programme's managers and auditors and the project's
 * lead entity; aggregated counts only, no pathway id, no person.
 */
@RestController
@RequestMapping(path = "/api/reports", produces = MediaType.APPLICATION_JSON_VALUE)
class FunnelController {

  private final Funnel funnel;
  private final ReportAccess access;

  FunnelController(Funnel funnel, ReportAccess access) {
    this.funnel = funnel;
    this.access = access;
  }

  @GetMapping("/funnel")
  @Transactional(readOnly = true)
  Funnel.Report funnel(@RequestParam String project,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @AuthenticationPrincipal AppUser user) {
    access.check(project, user);
    if (from != null && to != null && from.isAfter(to)) {
      throw ApiException.badRequest("to", "must not be before from");
    }
    return funnel.of(project, from, to);
  }
}
