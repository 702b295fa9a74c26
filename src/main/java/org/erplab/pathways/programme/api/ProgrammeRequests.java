package org.erplab.pathways.programme.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.erplab.pathways.participant.api.CalendarDay;

/** Bodies of a project's programme endpoints. */
final class ProgrammeRequests {

  private ProgrammeRequests() {}

  /** {@code POST /api/projects/{code}/suspension}: a reason code of the SUSPENSION list (e.g. PROGRAMME_PAUSE). */
  record Pause(@NotBlank @Size(max = 40) String reason, @CalendarDay LocalDate expectedResumption) {}

  /** {@code POST /api/projects/{code}/resumption}: why the project resumes. */
  record Resume(@NotBlank @Size(max = 500) String reason) {}

  /** {@code PUT /api/projects/{code}/end-date}: the programme's new last day, and why. */
  record EndDate(@NotNull @CalendarDay LocalDate endDate, @NotBlank @Size(max = 500) String reason) {}
}
