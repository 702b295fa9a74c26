package org.erplab.pathways.pathway.api;

import jakarta.validation.Valid;
import java.time.OffsetDateTime;
import java.util.Map;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.participant.domain.FiscalCode;
import org.erplab.pathways.participant.domain.Participant;
import org.erplab.pathways.pathway.domain.Pathway;
import org.erplab.pathways.pathway.domain.PathwayService;
import org.erplab.pathways.project.domain.ProjectDirectory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public self-registration, no login: the lab gets a call-back task due in 5 working days. The answer is the same
 * whether or not the person was already registered (202), so the endpoint tells nobody who is in a pathway.
 */
@RestController
class PublicRegistrationController {

  static final String ACCEPTED = "Registrazione ricevuta: il laboratorio sociale ti richiamerà.";

  private final PathwayService service;
  private final ProjectDirectory projects;

  PublicRegistrationController(PathwayService service, ProjectDirectory projects) {
    this.service = service;
    this.projects = projects;
  }

  // JSON only: a caller that accepts nothing else gets 406 before anyone is registered
  @PostMapping(path = "/api/public/registrations", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  Map<String, String> register(@Valid @RequestBody PublicRegistrationRequest request) {
    if (projects.find(request.projectCode()).isEmpty()) {
      throw ApiException.badRequest("projectCode", "unknown project");
    }
    var today = EngineClock.today();
    FiscalCode code = FiscalCode.parse(request.fiscalCode());
    Participant person = new Participant(null, request.projectCode(), code.value(), request.firstName().trim(),
        request.lastName().trim(), code.birthDate(today), code.gender(), null, null, blankToNull(request.phone()),
        blankToNull(request.email()), null, null);
    try {
      service.start(person, Pathway.Channel.SELF_REGISTRATION, EngineClock.now());
    } catch (ApiException e) {
      if (e.status() != HttpStatus.CONFLICT) {
        throw e;
      }
      // already in an open pathway: nothing changes, and the caller is not told
    } catch (DuplicateKeyException e) {
      // the same person registered by a simultaneous request (e.g. a double click): the same answer
    }
    return Map.of("message", ACCEPTED);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
