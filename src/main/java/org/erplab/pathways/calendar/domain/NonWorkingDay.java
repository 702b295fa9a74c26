package org.erplab.pathways.calendar.domain;

import java.time.LocalDate;
import java.util.Comparator;

/** A named day on which deadlines do not count, as an operator reads it in a project's calendar. */
public record NonWorkingDay(LocalDate date, String name, Kind kind) {

  static final Comparator<NonWorkingDay> BY_DATE_AND_KIND =
      Comparator.comparing(NonWorkingDay::date).thenComparing(NonWorkingDay::kind);

  public enum Kind {
    NATIONAL_HOLIDAY,
    EASTER_MONDAY,
    PATRON_DAY,
    CLOSURE
  }
}
