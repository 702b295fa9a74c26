package org.erplab.pathways.calendar.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Working-day calendar used to count deadlines (see DOMAIN.md, "Counting deadlines"), built from data.
 *
 * <p>Non-working days are Saturdays, Sundays, Easter Monday (computed), the annual holidays given (the national
 * holidays of table {@code holiday}, each within its years of validity, and the project's patron day) and the dated
 * days given (the project's closures). Immutable and thread-safe.
 */
public final class WorkingDayCalendar {

  public static final String EASTER_MONDAY_NAME = "Lunedì dell'Angelo";

  private final List<AnnualHoliday> annualHolidays;
  private final Map<MonthDay, List<AnnualHoliday>> annualByDay;
  private final Map<LocalDate, List<NonWorkingDay>> datedDays;

  /**
   * @param annualHolidays national holidays and the project's patron day; may be empty, not null
   * @param datedDays the project's closures (one-off days); may be empty, not null
   */
  public WorkingDayCalendar(Collection<AnnualHoliday> annualHolidays, Collection<NonWorkingDay> datedDays) {
    this.annualHolidays = List.copyOf(Objects.requireNonNull(annualHolidays, "annualHolidays"));
    this.annualByDay = this.annualHolidays.stream().collect(Collectors.groupingBy(AnnualHoliday::day,
        Collectors.toUnmodifiableList()));
    this.datedDays = Objects.requireNonNull(datedDays, "datedDays").stream().collect(Collectors.groupingBy(
        NonWorkingDay::date, Collectors.toUnmodifiableList()));
  }

  /** Weekends and Easter Monday only, plus the annual holidays given. */
  public static WorkingDayCalendar of(Collection<AnnualHoliday> annualHolidays) {
    return new WorkingDayCalendar(annualHolidays, List.of());
  }

  public List<AnnualHoliday> annualHolidays() {
    return annualHolidays;
  }

  public boolean isWorkingDay(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
      return false;
    }
    return !isHoliday(day) && !datedDays.containsKey(day) && !day.equals(easterMonday(day.getYear()));
  }

  private boolean isHoliday(LocalDate day) {
    return annualByDay.getOrDefault(MonthDay.from(day), List.of()).stream().anyMatch(h -> h.fallsOn(day));
  }

  /**
   * The named non-working days from {@code from} to {@code to} (both included), by date: holidays, Easter Monday,
   * the patron day and closures, also when they fall on a weekend; plain Saturdays and Sundays are not listed. A day
   * that is two things at once (a closure on a holiday) is listed once for each.
   */
  public List<NonWorkingDay> nonWorkingDays(LocalDate from, LocalDate to) {
    List<NonWorkingDay> days = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      LocalDate day = d;
      annualByDay.getOrDefault(MonthDay.from(day), List.of()).stream()
          .filter(h -> h.fallsOn(day))
          .forEach(h -> days.add(h.in(day.getYear())));
      if (day.equals(easterMonday(day.getYear()))) {
        days.add(new NonWorkingDay(day, EASTER_MONDAY_NAME, NonWorkingDay.Kind.EASTER_MONDAY));
      }
      days.addAll(datedDays.getOrDefault(day, List.of()));
    }
    days.sort(NonWorkingDay.BY_DATE_AND_KIND);
    return days;
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
    return o instanceof WorkingDayCalendar other && Set.copyOf(annualHolidays).equals(Set.copyOf(other.annualHolidays))
        && datedDays.equals(other.datedDays);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Set.copyOf(annualHolidays), datedDays);
  }

  @Override
  public String toString() {
    return "WorkingDayCalendar" + annualHolidays + datedDays.keySet();
  }
}
