package org.erplab.pathways.audit.api;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.erplab.pathways.audit.domain.AuditChain;
import org.erplab.pathways.audit.infrastructure.AuditLog;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.common.domain.FieldError;
import org.erplab.pathways.pathway.api.PathwayAccess;
import org.erplab.pathways.pathway.domain.Pathway;
import org.erplab.pathways.security.AppUser;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A pathway's audit record (ADR 0035) and the check of its chain, for project staff and auditors of its project. */
@RestController
// JSON only: a caller that accepts nothing else gets 406 before anything happens
@RequestMapping(path = "/api/pathways", produces = MediaType.APPLICATION_JSON_VALUE)
class AuditController {

  static final int DEFAULT_RESULTS = 500;
  static final int MAX_RESULTS = 1000;

  private final PathwayAccess access;
  private final AuditLog log;

  AuditController(PathwayAccess access, AuditLog log) {
    this.access = access;
    this.log = log;
  }

  /**
   * Checks the pathway's chain in the audit record (ADR 0035): {@code valid}, the number of events, and the sequence
   * number and time of the first event that does not hold, with what is wrong with it.
   */
  @GetMapping("/{id}/audit/verification")
  @Transactional(readOnly = true)
  AuditChain.Verification verification(@PathVariable UUID id, @AuthenticationPrincipal AppUser user) {
    Pathway pathway = access.readable(id, user);
    return AuditChain.verify(log.chainOf(pathway.id()));
  }

  /**
   * The pathway's events from the audit record in chain order, {@code maxResults} (1 to {@value #MAX_RESULTS},
   * default {@value #DEFAULT_RESULTS}) from {@code firstResult}: 403 for roles that may not read pathways, 404 for an
   * unknown or another project's pathway.
   */
  @GetMapping("/{id}/audit")
  @Transactional(readOnly = true)
  List<AuditEntryView> audit(@PathVariable UUID id,
      @RequestParam(defaultValue = "0") int firstResult,
      @RequestParam(defaultValue = "" + DEFAULT_RESULTS) int maxResults,
      @AuthenticationPrincipal AppUser user) {
    Pathway pathway = access.readable(id, user);
    List<FieldError> errors = new ArrayList<>();
    if (firstResult < 0) {
      errors.add(new FieldError("firstResult", "must be 0 or more"));
    }
    if (maxResults < 1 || maxResults > MAX_RESULTS) {
      errors.add(new FieldError("maxResults", "must be between 1 and " + MAX_RESULTS));
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(errors);
    }
    return log.page(pathway.id(), firstResult, maxResults).stream().map(AuditEntryView::of).toList();
  }
}
