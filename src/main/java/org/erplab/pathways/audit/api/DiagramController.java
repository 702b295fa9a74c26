package org.erplab.pathways.audit.api;

import java.util.List;
import java.util.UUID;
import org.erplab.pathways.audit.process.PathwayDiagrams;
import org.erplab.pathways.common.api.ApiException;
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

/**
 * The diagrams of the processes a pathway ran, for its audit page (ADR 0038): which instances, and per activity how
 * many times it was entered, completed and is active now; and the BPMN XML of each definition it ran. The access rule
 * of the audit record: 403 for roles that may not read pathways, 404 for an unknown or another project's pathway.
 */
@RestController
@RequestMapping(path = "/api/pathways/{id}/audit/diagrams")
class DiagramController {

  private final PathwayAccess access;
  private final PathwayDiagrams diagrams;

  DiagramController(PathwayAccess access, PathwayDiagrams diagrams) {
    this.access = access;
    this.diagrams = diagrams;
  }

  /** The pathway's process instances (the root, what it called, what ran beside it), in the order they started. */
  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  @Transactional(readOnly = true)
  List<PathwayDiagrams.ProcessRun> runs(@PathVariable UUID id, @AuthenticationPrincipal AppUser user) {
    Pathway pathway = access.readable(id, user);
    return diagrams.runsOf(pathway.id());
  }

  /** The BPMN XML of a process definition the pathway ran; 404 for any other. */
  @GetMapping(path = "/{processDefinitionId}/xml", produces = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
  @Transactional(readOnly = true)
  String xml(@PathVariable UUID id, @PathVariable String processDefinitionId, @AuthenticationPrincipal AppUser user) {
    Pathway pathway = access.readable(id, user);
    return diagrams.xmlOf(pathway.id(), processDefinitionId)
        .orElseThrow(() -> ApiException.notFound("The pathway ran no such process definition"));
  }
}
