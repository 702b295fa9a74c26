package org.erplab.pathways.participant.api;

import java.util.List;
import java.util.UUID;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.participant.domain.IntakeRecords;
import org.erplab.pathways.participant.domain.Participant;
import org.erplab.pathways.participant.domain.ParticipantRegistry;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.Roles;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A participant's personal file (logged read) and, for auditors, the log of those reads. */
@RestController
@RequestMapping("/api/participants")
class ParticipantController {

  private final ParticipantRegistry registry;
  private final IntakeRecords records;
  private final ParticipantMapper mapper;

  ParticipantController(ParticipantRegistry registry, IntakeRecords records, ParticipantMapper mapper) {
    this.registry = registry;
    this.records = records;
    this.mapper = mapper;
  }

  @GetMapping("/{id}")
  @Transactional
  ParticipantView get(@PathVariable UUID id, @AuthenticationPrincipal AppUser user) {
    if (!user.hasAnyRole(Roles.PERSONAL_DATA_READERS)) {
      throw ApiException.forbidden("Your role may not read personal files");
    }
    Participant participant = visible(id, user);
    registry.logAccess(id, participant.projectCode(), user.id(), "GET /api/participants/" + id);
    return mapper.toView(participant)
        .with(records.vulnerabilitiesOfParticipant(id), records.notesOfParticipant(id));
  }

  @GetMapping("/{id}/access-log")
  List<ParticipantRegistry.AccessLogEntry> accessLog(@PathVariable UUID id, @AuthenticationPrincipal AppUser user) {
    if (!user.hasRole(Roles.AUDITOR)) {
      throw ApiException.forbidden("Only auditors read the access log");
    }
    visible(id, user);
    return registry.accessLog(id);
  }

  /** Another project's participant does not exist for the caller. */
  private Participant visible(UUID id, AppUser user) {
    return registry.find(id)
        .filter(p -> user.serves(p.projectCode()))
        .orElseThrow(() -> ApiException.notFound("No participant " + id));
  }
}
