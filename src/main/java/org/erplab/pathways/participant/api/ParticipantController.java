package org.erplab.pathways.participant.api;

import java.util.List;
import java.util.UUID;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.participant.domain.IntakeRecords;
import org.erplab.pathways.participant.domain.Participant;
import org.erplab.pathways.participant.domain.ParticipantRegistry;
import org.erplab.pathways.pathway.api.PathwayAccess;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.Roles;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A participant's personal file (logged read) and, for auditors, the log of those reads. */
@RestController
// JSON only: a caller that accepts nothing else gets 406 before anything happens
@RequestMapping(path = "/api/participants", produces = MediaType.APPLICATION_JSON_VALUE)
class ParticipantController {

  private final ParticipantRegistry registry;
  private final IntakeRecords records;
  private final ParticipantMapper mapper;
  private final PathwayAccess access;

  ParticipantController(ParticipantRegistry registry, IntakeRecords records, ParticipantMapper mapper,
      PathwayAccess access) {
    this.access = access;
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
  @Transactional(readOnly = true)
  List<ParticipantRegistry.AccessLogEntry> accessLog(@PathVariable UUID id, @AuthenticationPrincipal AppUser user) {
    if (!user.hasRole(Roles.AUDITOR)) {
      throw ApiException.forbidden("Only auditors read the access log");
    }
    visible(id, user);
    return registry.accessLog(id);
  }

  /**
   * Need to know: the file exists for a user whose organisation has a part in one of the person's pathways now (the
   * project's lab and CPI always; the assigned operator; social services and ALER with a task open).
   */
  private Participant visible(UUID id, AppUser user) {
    return registry.find(id)
        .filter(p -> user.seesWholeProject(p.projectCode()) || access.hasPartInAnyPathwayOf(user, p.id()))
        .orElseThrow(() -> ApiException.notFound("No such participant"));
  }
}
