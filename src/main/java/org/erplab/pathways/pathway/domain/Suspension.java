package org.erplab.pathways.pathway.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One suspension of a pathway (table {@code pathway_suspension}): its own, or its share of a project-wide pause
 * ({@code projectOperationId}). The shift is recorded on the suspension whose end resumed the pathway.
 */
public record Suspension(
    UUID id,
    UUID pathwayId,
    UUID projectOperationId,
    String reason,
    LocalDate expectedResumption,
    OffsetDateTime suspendedAt,
    String suspendedBy,
    OffsetDateTime resumedAt,
    String resumedBy,
    String resumptionNote,
    Integer shiftedWorkingDays,
    Integer shiftedCalendarDays) {

  public boolean isOpen() {
    return resumedAt == null;
  }
}
