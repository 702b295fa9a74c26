package org.erplab.pathways.privacy.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.privacy.domain.ParticipantErasure;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.Roles;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Erasure of a person's data on request (GDPR art. 17, ADR 0036): the privacy officer or an administrator of the
 * person's project. 404 for a person never registered, erased already, or of a project the caller does not serve.
 */
@RestController
@RequestMapping(path = "/api/participants", produces = MediaType.APPLICATION_JSON_VALUE)
class ErasureController {

  private final ParticipantErasure erasure;

  ErasureController(ParticipantErasure erasure) {
    this.erasure = erasure;
  }

  @DeleteMapping("/{id}")
  ErasureView erase(@PathVariable UUID id, @Valid @RequestBody ErasureRequest request,
      @AuthenticationPrincipal AppUser user) {
    if (!user.hasAnyRole(Roles.ERASERS)) {
      throw ApiException.forbidden("Only the privacy officer and administrators erase a person's data");
    }
    return erasure.erase(id, user::serves, user.id(), request.reason())
        .map(e -> new ErasureView(e.participantId(), e.erasedAt(), e.erasedBy(), e.withdrawnPathways()))
        .orElseThrow(() -> ApiException.notFound("No such participant"));
  }

  /** Why the person is erased: kept in the erasure's record, so never the person's name or fiscal code. */
  record ErasureRequest(@NotBlank @Size(max = 500) String reason) {}

  /** What was done: when, by whom, and the pathways withdrawn first (closed as WITHDRAWN, reason DATA_ERASURE). */
  record ErasureView(UUID participantId, OffsetDateTime erasedAt, String erasedBy, List<UUID> withdrawnPathways) {}
}
