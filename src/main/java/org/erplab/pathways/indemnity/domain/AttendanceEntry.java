package org.erplab.pathways.indemnity.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of a pathway's attendance register: hours attended on a day of a course. A correction is a new line that
 * names the line it corrects ({@code corrects}) and states the right hours for it; nothing is ever overwritten.
 *
 * @param corrects the line this one corrects, or null for an original line
 */
public record AttendanceEntry(UUID id, String courseCode, LocalDate date, BigDecimal hours, UUID corrects) {

  public AttendanceEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(hours, "hours");
    if (hours.signum() < 0) {
      throw new IllegalArgumentException("hours must not be negative");
    }
  }

  public static AttendanceEntry of(String courseCode, LocalDate date, String hours) {
    return new AttendanceEntry(UUID.randomUUID(), courseCode, date, new BigDecimal(hours), null);
  }

  /** A line correcting this one: the same course and day, the right hours. */
  public AttendanceEntry correctedTo(String hours) {
    return new AttendanceEntry(UUID.randomUUID(), courseCode, date, new BigDecimal(hours), id);
  }
}
