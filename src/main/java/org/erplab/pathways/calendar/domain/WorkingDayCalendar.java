package org.erplab.pathways.calendar.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;
import java.util.Set;

/**
 * Italian working-day calendar used to count deadlines (see DOMAIN.md, "Counting deadlines").
 *
 * <p>Non-working days are Saturdays, Sundays, the Italian national holidays (1 Jan, 6 Jan, Easter
 * Monday, 25 Apr, 1 May, 2 Jun, 15 Aug, 1 Nov, 8 Dec, 25 Dec, 26 Dec) and the project's extra days
 * (e.g. the patron day, Milano 7 Dec). Immutable and thread-safe.
 */
public final class WorkingDayCalendar {

  private static final Set<MonthDay> NATIONAL_HOLIDAYS = Set.of(
      MonthDay.of(1, 1), MonthDay.of(1, 6), MonthDay.of(4, 25), MonthDay.of(5, 1),
      MonthDay.of(6, 2), MonthDay.of(8, 15), MonthDay.of(11, 1), MonthDay.of(12, 8),
      MonthDay.of(12, 25), MonthDay.of(12, 26));

  private final Set<MonthDay> extraNonWorkingDays;

  /** @param extraNonWorkingDays the project's patron day(s); may be empty, not null */
  public WorkingDayCalendar(Set<MonthDay> extraNonWorkingDays) {
    this.extraNonWorkingDays = Set.copyOf(Objects.requireNonNull(extraNonWorkingDays, "extraNonWorkingDays"));
  }

  /** Calendar with national holidays and weekends only. */
  public static WorkingDayCalendar nationalOnly() {
    return new WorkingDayCalendar(Set.of());
  }

  public Set<MonthDay> extraNonWorkingDays() {
    return extraNonWorkingDays;
  }

  public boolean isWorkingDay(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
      return false;
    }
    MonthDay md = MonthDay.from(day);
    return !NATIONAL_HOLIDAYS.contains(md)
        && !extraNonWorkingDays.contains(md)
        && !day.equals(easterMonday(day.getYear()));
  }

  /**
   * The Nth working day after {@code eventDay}; the event day itself is not counted.
   * For {@code n == 0}: the event day if working, otherwise the next working day.
   */
  public LocalDate addWorkingDays(LocalDate eventDay, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, was " + n);
    }
    if (n == 0) {
      return nextWorkingDayOnOrAfter(eventDay);
    }
    LocalDate day = eventDay;
    int counted = 0;
    while (counted < n) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /** {@code eventDay + n} days, moved to the next working day if it is not one. */
  public LocalDate addCalendarDays(LocalDate eventDay, int n) {
    return nextWorkingDayOnOrAfter(eventDay.plusDays(n));
  }

  /** {@code eventDay + n} months ({@link LocalDate#plusMonths}), moved to the next working day if it is not one. */
  public LocalDate addMonths(LocalDate eventDay, int n) {
    return nextWorkingDayOnOrAfter(eventDay.plusMonths(n));
  }

  public LocalDate nextWorkingDayOnOrAfter(LocalDate day) {
    LocalDate d = day;
    while (!isWorkingDay(d)) {
      d = d.plusDays(1);
    }
    return d;
  }

  /** Number of working days d with {@code fromExclusive < d <= toInclusive}; 0 if {@code to <= from}. */
  public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
    int count = 0;
    for (LocalDate d = fromExclusive.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        count++;
      }
    }
    return count;
  }

  /** Gregorian Easter Sunday (anonymous Gregorian / Meeus-Jones-Butcher algorithm). */
  public static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int x = h + l - 7 * m + 114;
    return LocalDate.of(year, x / 31, x % 31 + 1);
  }

  public static LocalDate easterMonday(int year) {
    return easterSunday(year).plusDays(1);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WorkingDayCalendar other && extraNonWorkingDays.equals(other.extraNonWorkingDays);
  }

  @Override
  public int hashCode() {
    return extraNonWorkingDays.hashCode();
  }

  @Override
  public String toString() {
    return "WorkingDayCalendar" + extraNonWorkingDays;
  }
}
