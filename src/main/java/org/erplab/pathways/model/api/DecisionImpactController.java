package org.erplab.pathways.model.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.model.process.DecisionImpact;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.EngineAccess;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Before a manager deploys a changed decision: what it would decide differently on the last real evaluations
 * (ADR 0029). Nothing is deployed.
 */
@RestController
@RequestMapping(path = "/api/admin/decisions", produces = MediaType.APPLICATION_JSON_VALUE)
class DecisionImpactController {

  static final int MAX_LAST = 5000;
  /** Beyond Modeler's largest decision tables by far; a bigger upload is refused before it is parsed. */
  static final long MAX_FILE_BYTES = 1_000_000;

  private final DecisionImpact impact;
  private final EngineAccess engine;

  DecisionImpactController(DecisionImpact impact, EngineAccess engine) {
    this.impact = impact;
    this.engine = engine;
  }

  /**
   * Re-evaluates decision {@code key} as changed in {@code file} on the inputs of its last {@code last} evaluations in
   * the caller's projects (or in {@code project}).
   */
  @PostMapping(path = "/{key}/impact", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  DecisionImpact.Impact impact(@PathVariable String key, @RequestParam("file") MultipartFile file,
      @RequestParam(defaultValue = "500") int last, @RequestParam(required = false) String project,
      @AuthenticationPrincipal AppUser user) {
    var projects = ManagerScope.projects(user, project);
    if (last < 1 || last > MAX_LAST) {
      throw ApiException.badRequest("last", "deve essere tra 1 e " + MAX_LAST);
    }
    if (file.isEmpty()) {
      throw ApiException.badRequest("file", "manca: il file DMN modificato");
    }
    if (file.getSize() > MAX_FILE_BYTES) {
      throw ApiException.badRequest("file", "al massimo " + MAX_FILE_BYTES + " byte");
    }
    byte[] content;
    try {
      content = file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return engine.asSystem(() -> impact.assess(key, content, projects, last));
  }
}
