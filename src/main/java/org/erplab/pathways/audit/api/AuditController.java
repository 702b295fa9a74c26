package org.erplab.pathways.audit.api;

import java.util.List;
import java.util.UUID;
import org.erplab.pathways.audit.domain.AuditChain;
import org.erplab.pathways.audit.domain.AuditTrail;
import org.erplab.pathways.audit.infrastructure.AuditLog;
import org.erplab.pathways.pathway.api.PathwayAccess;
import org.erplab.pathways.pathway.domain.Pathway;
import org.erplab.pathways.security.AppUser;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A pathway's audit trail from Camunda history, for project staff and auditors of its project. */
@RestController
// JSON only: a caller that accepts nothing else gets 406 before anything happens
@RequestMapping(path = "/api/pathways", produces = MediaType.APPLICATION_JSON_VALUE)
class AuditController {

  private final PathwayAccess access;
  private final AuditTrail trail;
  private final AuditLog log;

  AuditController(PathwayAccess access, AuditTrail trail, AuditLog log) {
    this.access = access;
    this.trail = trail;
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

  /** Ordered by time: 403 for roles that may not read pathways, 404 for an unknown or another project's pathway. */
  @GetMapping("/{id}/audit")
  @Transactional(readOnly = true)
  List<AuditEntryView> audit(@PathVariable UUID id, @AuthenticationPrincipal AppUser user) {
    Pathway pathway = access.readable(id, user);
    return trail.of(pathway.id()).stream().map(AuditEntryView::of).toList();
  }
}
