package org.erplab.pathways.pathway.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.erplab.pathways.pathway.infrastructure.PlacementRecords.FollowUp;
import org.erplab.pathways.pathway.infrastructure.PlacementRecords.Hire;

/**
 * A pathway's placement (tables {@code placement} and {@code follow_up}): every hire recorded, in order, with its
 * verification and whether it counts, and the follow-ups of the hire that counts. The employer is an organisation.
 */
public record PlacementView(List<HireView> placements, List<FollowUpView> followUps) {

  static PlacementView of(List<Hire> hires, List<FollowUp> followUps) {
    return new PlacementView(
        hires.stream().map(h -> new HireView(h.id(), h.attempt(), h.employerName(), h.contractType(), h.startDate(),
            h.plannedEndDate(), h.weeklyHours(), h.plannedDurationDays(), h.recordedBy(), h.recordedAt(),
            h.verifiedBy(), h.verifiedAt(), h.confirmed(), h.counts())).toList(),
        followUps.stream().map(f -> new FollowUpView(f.placementId(), f.dueMonth(), f.dueOn(), f.state(),
            f.answeredOn(), f.answeredBy(), f.stillEmployed())).toList());
  }

  /** {@code confirmed} and {@code counts} are null until the CPI verified it and the decision was taken. */
  public record HireView(UUID id, int attempt, String employerName, String contractType, LocalDate startDate,
      LocalDate plannedEndDate, int weeklyHours, Integer plannedDurationDays, String recordedBy,
      OffsetDateTime recordedAt, String verifiedBy, OffsetDateTime verifiedAt, Boolean confirmed, Boolean counts) {}

  /** {@code state}: PENDING, ANSWERED (with {@code stillEmployed}) or MISSED (its deadline passed unanswered). */
  public record FollowUpView(UUID placementId, int dueMonth, LocalDate dueOn, String state, LocalDate answeredOn,
      String answeredBy, Boolean stillEmployed) {}
}
