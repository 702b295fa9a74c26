package org.erplab.pathways.pathway.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.erplab.pathways.pathway.domain.Internship;
import org.erplab.pathways.pathway.infrastructure.InternshipRecords.Agreement;
import org.erplab.pathways.pathway.infrastructure.InternshipRecords.Attendance;
import org.erplab.pathways.pathway.infrastructure.InternshipRecords.Extension;
import org.springframework.stereotype.Component;

/** A pathway's internship as {@code GET /api/pathways/{id}/internship} and the pathway view show it. */
@Component
class InternshipViews {

  private final Internship internship;

  InternshipViews(Internship internship) {
    this.internship = internship;
  }

  /** The internship of the pathway, empty before the stage. */
  Optional<InternshipView> of(UUID pathwayId) {
    return internship.agreement(pathwayId).map(this::view);
  }

  InternshipView view(Agreement a) {
    List<Attendance> attendance = internship.attendance(a.pathwayId());
    BigDecimal due = attendance.stream().map(Attendance::indemnityDue).reduce(BigDecimal.ZERO, BigDecimal::add)
        .setScale(2);
    boolean started = a.startDate() != null && a.plannedMonths() != null;
    Internship.SuspendedDays days = internship.suspendedDays(a);
    return new InternshipView(a.state(), a.maxMonths(), a.minMonths(), a.host(), a.promoter(), a.tutor(),
        a.startDate(), a.plannedMonths(), a.weeklyHours(), a.plannedEndDate(),
        started ? internship.currentEnd(a) : null, started ? internship.agreedMonths(a) : null,
        "RUNNING".equals(a.state()) ? internship.monthsLeft(a) : null, days.counted(), days.neutral(),
        a.terminationReason(), a.terminationDate(),
        internship.extensions(a.pathwayId()).stream().map(InternshipViews::view).toList(), attendance, due);
  }

  static ExtensionView view(Extension e) {
    return new ExtensionView(e.id(), e.months(), e.reason(), e.requestedBy(), e.requestedAt(), e.decision(),
        e.decidedBy(), e.decidedAt(), e.endBefore(), e.endAfter());
  }

  /**
   * {@code endDate}: the current last day (moved by approved extensions and suspensions); {@code agreedMonths}: planned
   * plus approved extensions; {@code monthsLeft}: what an extension may still add under the cap;
   * {@code suspendedDaysCounted} / {@code suspendedDaysNotCounted}: suspensions during the internship that count toward
   * the cap, or not; {@code indemnityDue}: the sum of the months' indemnity.
   */
  record InternshipView(String state, int maxMonths, int minMonths, String host, String promoter, String tutor,
      LocalDate startDate, Integer plannedMonths, BigDecimal weeklyHours, LocalDate plannedEndDate, LocalDate endDate,
      Integer agreedMonths, Integer monthsLeft, int suspendedDaysCounted, int suspendedDaysNotCounted,
      String terminationReason, LocalDate terminationDate, List<ExtensionView> extensions,
      List<Attendance> attendance, BigDecimal indemnityDue) {}

  record ExtensionView(UUID id, int months, String reason, String requestedBy, OffsetDateTime requestedAt,
      String decision, String decidedBy, OffsetDateTime decidedAt, LocalDate endBefore, LocalDate endAfter) {}
}
