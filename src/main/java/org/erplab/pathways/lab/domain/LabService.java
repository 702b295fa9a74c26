package org.erplab.pathways.lab.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.common.domain.AuditFact;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.common.domain.FieldError;
import org.erplab.pathways.lab.domain.LabActivity.Signal;
import org.erplab.pathways.lab.domain.LabActivity.Visit;
import org.erplab.pathways.lab.infrastructure.LabRecords;
import org.erplab.pathways.participant.domain.Participant;
import org.erplab.pathways.participant.domain.ParticipantRegistry;
import org.erplab.pathways.participant.domain.PersonProfile;
import org.erplab.pathways.participant.infrastructure.OriginAreas;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lab's visits and signals: a visit of a participant takes the visitor's facts from the registry on the visit's
 * day, an anonymous visitor's are given; each visit and signal is an event of the project's audit chain (ids and
 * codes only). A visit can start one pathway, whose person becomes the visit's participant.
 */
@Service
public class LabService {

  /** The citizenship areas of a citizen of another country, who may have an area of origin. */
  private static final java.util.Set<String> FOREIGN = java.util.Set.of("EU", "NON_EU");

  private final LabRecords records;
  private final ParticipantRegistry registry;
  private final ApplicationEventPublisher events;
  private final OriginAreas originAreas;

  public LabService(LabRecords records, ParticipantRegistry registry, ApplicationEventPublisher events,
      OriginAreas originAreas) {
    this.records = records;
    this.registry = registry;
    this.events = events;
    this.originAreas = originAreas;
  }

  /**
   * An anonymous visitor's facts: gender (F, M or null), age band, citizenship area, and for a citizen of another
   * country the area of origin ({@link PersonProfile#ORIGIN_AREAS}; null: not known).
   */
  public record Visitor(String gender, LabActivity.AgeBand ageBand, String citizenshipArea, String originArea) {}

  /** A visit to record; {@code participantId} or {@code visitor}, not both. */
  public record NewVisit(String projectCode, LocalDate visitedOn, UUID participantId, Visitor visitor,
      LabActivity.ActivityType activityType, int durationMinutes) {}

  @Transactional
  public Visit record(NewVisit v, String user) {
    List<FieldError> errors = new ArrayList<>();
    if (v.visitedOn().isAfter(EngineClock.today())) {
      errors.add(new FieldError("visitedOn", "must not be in the future"));
    }
    Participant participant = null;
    if (v.participantId() != null && v.visitor() != null) {
      errors.add(new FieldError("visitor", "must be left out for a participant of the registry"));
    } else if (v.participantId() != null) {
      participant = registry.find(v.participantId())
          .filter(p -> p.projectCode().equals(v.projectCode()))
          .orElse(null);
      if (participant == null) {
        errors.add(new FieldError("participantId", "is no participant of project " + v.projectCode()));
      }
    } else if (v.visitor() == null) {
      errors.add(new FieldError("visitor", "is required for an anonymous visitor (gender, age band, citizenship area)"));
    } else if (v.visitor().originArea() != null && !FOREIGN.contains(v.visitor().citizenshipArea())) {
      errors.add(new FieldError("visitor.originArea", "is only for a citizen of another country (citizenshipArea EU "
          + "or NON_EU)"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(errors);
    }
    String gender;
    Integer age;
    String band;
    String area;
    String origin;
    if (participant != null) {
      gender = participant.gender();
      age = ParticipantRegistry.age(participant.birthDate(), v.visitedOn());
      band = LabActivity.AgeBand.of(age).code();
      area = PersonProfile.citizenshipArea(participant.citizenship());
      origin = originAreas.of(participant.citizenship());
    } else {
      gender = v.visitor().gender();
      age = null;
      band = v.visitor().ageBand().code();
      area = v.visitor().citizenshipArea();
      origin = FOREIGN.contains(area) && v.visitor().originArea() != null ? v.visitor().originArea()
          : PersonProfile.ITALY.equals(area) ? PersonProfile.ITALY : PersonProfile.UNKNOWN;
    }
    Visit visit = new Visit(UUID.randomUUID(), v.projectCode(), v.visitedOn(), v.participantId(), gender, age, band,
        area, origin, v.activityType().name(), v.durationMinutes(), null, user, EngineClock.now());
    records.insert(visit);
    events.publishEvent(new AuditFact(null, v.projectCode(), user, "LAB_VISIT_RECORDED", null, visit.auditDetails()));
    return visit;
  }

  /** A signal raised during a visit of the project; 404 for a visit of another project. */
  @Transactional
  public Signal raise(UUID visitId, LabActivity.SignalCategory category,
      LabActivity.PassedTo passedTo, LabActivity.Outcome outcome, LocalDate raisedOn, String user,
      java.util.function.Predicate<String> serves) {
    Visit visit = records.visit(visitId).filter(v -> serves.test(v.projectCode()))
        .orElseThrow(() -> ApiException.notFound("No such visit"));
    LocalDate day = raisedOn == null ? visit.visitedOn() : raisedOn;
    if (day.isBefore(visit.visitedOn()) || day.isAfter(EngineClock.today())) {
      throw ApiException.badRequest("raisedOn", "must be between the visit's day and today");
    }
    Signal signal = new Signal(UUID.randomUUID(), visitId, visit.projectCode(), day, category.name(),
        passedTo == null ? null : passedTo.name(), (outcome == null ? LabActivity.Outcome.OPEN : outcome).name(),
        user, EngineClock.now(), null, null);
    records.insert(signal);
    events.publishEvent(new AuditFact(null, visit.projectCode(), user, "LAB_SIGNAL_RAISED", null,
        details(signal)));
    return signal;
  }

  /** The signal passed on or its outcome changed. */
  @Transactional
  public Signal update(UUID signalId, LabActivity.PassedTo passedTo, LabActivity.Outcome outcome, String user,
      java.util.function.Predicate<String> serves) {
    Signal signal = records.signal(signalId).filter(s -> serves.test(s.projectCode()))
        .orElseThrow(() -> ApiException.notFound("No such signal"));
    OffsetDateTime now = EngineClock.now();
    records.updateSignal(signalId, passedTo == null ? null : passedTo.name(), outcome.name(), user, now);
    Signal updated = records.signal(signalId).orElseThrow();
    events.publishEvent(new AuditFact(null, signal.projectCode(), user, "LAB_SIGNAL_UPDATED", null,
        details(updated)));
    return updated;
  }

  /**
   * Checks that the visit may start a pathway of the project (before anything is started): 400 naming
   * {@code visitId} for an unknown visit, one of another project, or one that already started a pathway.
   */
  public Visit visitToStartFrom(UUID visitId, String projectCode) {
    Visit visit = records.visitForUpdate(visitId).filter(v -> v.projectCode().equals(projectCode))
        .orElseThrow(() -> ApiException.badRequest("visitId", "is no visit of project " + projectCode));
    if (visit.pathwayId() != null) {
      throw ApiException.badRequest("visitId", "already started a pathway");
    }
    return visit;
  }

  /** The visit started the pathway of that participant: 400 naming {@code visitId} when it was another person's. */
  public void startedPathway(Visit visit, UUID pathwayId, UUID participantId, String user) {
    if (visit.participantId() != null && !visit.participantId().equals(participantId)) {
      throw ApiException.badRequest("visitId", "is a visit of another person");
    }
    records.startedPathway(visit.id(), pathwayId, participantId);
    events.publishEvent(new AuditFact(pathwayId, visit.projectCode(), user, "PATHWAY_STARTED_FROM_VISIT", null,
        Map.of("visitId", visit.id())));
  }

  private static Map<String, Object> details(Signal s) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("signalId", s.id());
    details.put("visitId", s.visitId());
    details.put("category", s.category());
    details.put("passedTo", s.passedTo());
    details.put("outcome", s.outcome());
    return details;
  }
}
