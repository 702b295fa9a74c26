package org.erplab.pathways.pathway.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.erplab.pathways.participant.api.CalendarDay;

/** Bodies of the clock endpoints of a pathway. */
final class ClockRequests {

  private ClockRequests() {}

  /** {@code POST /api/pathways/{id}/suspension}: a reason code of the SUSPENSION list. */
  record Suspend(@NotBlank @Size(max = 40) String reason, @CalendarDay LocalDate expectedResumption) {}

  /** {@code POST /api/pathways/{id}/resumption}: why the pathway resumes (kept in our tables only). */
  record Resume(@NotBlank @Size(max = 500) String reason) {}

  /** {@code POST /api/pathways/{id}/withdrawal}: a reason code of the WITHDRAWAL list and the day of the choice. */
  record Withdraw(@NotBlank @Size(max = 40) String reason, @NotNull @CalendarDay LocalDate date) {}
}
