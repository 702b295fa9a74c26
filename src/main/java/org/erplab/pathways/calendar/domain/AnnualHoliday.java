package org.erplab.pathways.calendar.domain;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;

/**
 * A holiday on the same day every year, within its years of validity (both ends included, {@code null}: open), e.g.
 * San Francesco d'Assisi on 4 October from 2026 (Law 151 of 8 October 2025), or a project's patron day.
 */
public record AnnualHoliday(MonthDay day, String name, NonWorkingDay.Kind kind, Integer validFromYear,
    Integer validToYear) {

  public static final String PATRON_DAY_NAME = "Santo patrono";

  public AnnualHoliday {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }

  public static AnnualHoliday national(MonthDay day, String name) {
    return new AnnualHoliday(day, name, NonWorkingDay.Kind.NATIONAL_HOLIDAY, null, null);
  }

  /** The project's patron day, every year; "Santo patrono" when the project does not name its saint. */
  public static AnnualHoliday patronDay(MonthDay day, String name) {
    return new AnnualHoliday(day, name == null || name.isBlank() ? PATRON_DAY_NAME : name,
        NonWorkingDay.Kind.PATRON_DAY, null, null);
  }

  public boolean appliesIn(int year) {
    return (validFromYear == null || year >= validFromYear) && (validToYear == null || year <= validToYear);
  }

  public boolean fallsOn(LocalDate date) {
    return day.getMonthValue() == date.getMonthValue() && day.getDayOfMonth() == date.getDayOfMonth()
        && appliesIn(date.getYear());
  }

  NonWorkingDay in(int year) {
    return new NonWorkingDay(day.atYear(year), name, kind);
  }
}
