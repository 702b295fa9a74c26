package org.erplab.pathways.programme.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An operation over every pathway of a project, run in batches after the request was answered: how far it got is
 * {@code done + skipped + failed} of {@code total}.
 *
 * @param kind {@code SUSPEND} (a project-wide pause), {@code RESUME} (its end) or {@code INTERRUPT} (the programme's end)
 * @param pauseId for {@code RESUME}: the {@code SUSPEND} it ends
 * @param status {@code RUNNING} or {@code DONE}
 * @param skipped pathways that needed nothing (closed meanwhile, resumed already)
 */
public record ProjectOperation(
    UUID id,
    String projectCode,
    String kind,
    UUID pauseId,
    String reason,
    LocalDate expectedResumption,
    String status,
    int total,
    int pending,
    int done,
    int skipped,
    int failed,
    String requestedBy,
    OffsetDateTime requestedAt,
    OffsetDateTime finishedAt) {

  public enum Kind { SUSPEND, RESUME, INTERRUPT }

  public enum Status { RUNNING, DONE }

  public enum ItemState { PENDING, DONE, SKIPPED, FAILED }

  public boolean isRunning() {
    return Status.RUNNING.name().equals(status);
  }
}
