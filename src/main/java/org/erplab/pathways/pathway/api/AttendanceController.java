package org.erplab.pathways.pathway.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.common.domain.FieldError;
import org.erplab.pathways.indemnity.domain.IndemnityCalculator.Indemnity;
import org.erplab.pathways.pathway.domain.Pathway;
import org.erplab.pathways.pathway.domain.Training;
import org.erplab.pathways.pathway.infrastructure.TrainingRecords.Entry;
import org.erplab.pathways.security.AppUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A pathway's attendance register in the training stage. The accredited operator of the pathway records a course's
 * hours of a day ({@code POST}) and corrects a line ({@code POST .../{entryId}/correction}: a new line with the right
 * hours and a reason, the corrected one is kept); whoever may read the pathway reads every line, the totals per course
 * and the indemnity. Hours in tenths, amounts in euro.
 */
@RestController
@RequestMapping(path = "/api/pathways/{id}/attendance", produces = MediaType.APPLICATION_JSON_VALUE)
class AttendanceController {

  private final PathwayAccess access;
  private final Training training;

  AttendanceController(PathwayAccess access, Training training) {
    this.access = access;
    this.training = training;
  }

  /** 201 with the line; 403 / 404 / 409 (not in training, or the day already recorded) / 400 naming the fields. */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  EntryView record(@PathVariable UUID id, @RequestBody EntryRequest request, @AuthenticationPrincipal AppUser user) {
    Pathway pathway = writable(id, user);
    List<FieldError> errors = training.check(pathway, request.courseCode(), request.date(), request.hours());
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(errors);
    }
    Entry entry = training.record(pathway, request.courseCode(), request.date(), request.hours(), user.id())
        .orElseThrow(() -> ApiException.conflict("The course already has attendance on " + request.date()
            + ": correct that line instead"));
    return view(entry, Set.of());
  }

  /** 201 with the correcting line; 404 when the line is not the pathway's; 400 naming hours and reason. */
  @PostMapping(path = "/{entryId}/correction", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  EntryView correct(@PathVariable UUID id, @PathVariable UUID entryId, @RequestBody CorrectionRequest request,
      @AuthenticationPrincipal AppUser user) {
    Pathway pathway = writable(id, user);
    Entry corrected = training.entry(id, entryId)
        .orElseThrow(() -> ApiException.notFound("The pathway's register has no such line"));
    List<FieldError> errors = training.checkCorrection(pathway, request.hours(), request.reason());
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(errors);
    }
    return view(training.correct(corrected, request.hours(), request.reason(), user.id()), Set.of());
  }

  /** Every line (corrections marked, corrected lines flagged), the totals per course and the indemnity. */
  @GetMapping
  RegisterView register(@PathVariable UUID id, @AuthenticationPrincipal AppUser user) {
    Pathway pathway = access.readable(id, user);
    List<Entry> entries = training.entries(id);
    Set<UUID> corrected = entries.stream().map(Entry::corrects).filter(java.util.Objects::nonNull)
        .collect(Collectors.toSet());
    Training.Summary summary = training.summary(pathway);
    return new RegisterView(entries.stream().map(e -> view(e, corrected)).toList(), summary.courses(),
        summary.indemnity());
  }

  private Pathway writable(UUID id, AppUser user) {
    Pathway pathway = access.ofItsOperator(id, user,
        "Only the pathway's accredited operator may record its attendance");
    if (!training.open(pathway)) {
      throw ApiException.conflict("Attendance can be recorded only while the pathway is active in training");
    }
    return pathway;
  }

  private static EntryView view(Entry e, Set<UUID> corrected) {
    return new EntryView(e.id(), e.courseCode(), e.attendedOn(), e.hours(), e.corrects() != null, e.corrects(), e.reason(),
        corrected.contains(e.id()), e.recordedBy(), e.recordedAt());
  }

  record EntryRequest(String courseCode, LocalDate date, BigDecimal hours) {}

  record CorrectionRequest(BigDecimal hours, String reason) {}

  /** {@code correction}: this line corrects {@code corrects}; {@code corrected}: a later line corrects this one. */
  record EntryView(UUID id, String courseCode, LocalDate date, BigDecimal hours, boolean correction, UUID corrects,
      String reason, boolean corrected, String recordedBy, OffsetDateTime recordedAt) {}

  record RegisterView(List<EntryView> entries, List<Training.CourseTotal> courses, Indemnity indemnity) {}
}
