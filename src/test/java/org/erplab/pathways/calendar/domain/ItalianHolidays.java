package org.erplab.pathways.calendar.domain;

import java.time.MonthDay;
import java.util.List;

/**
 * The rows V4__calendar.sql seeds into table {@code holiday}, for unit tests without a database;
 * {@code ProjectCalendarsTest} checks that the table says the same.
 */
final class ItalianHolidays {

  static final List<AnnualHoliday> NATIONAL = List.of(
      AnnualHoliday.national(MonthDay.of(1, 1), "Capodanno"),
      AnnualHoliday.national(MonthDay.of(1, 6), "Epifania"),
      AnnualHoliday.national(MonthDay.of(4, 25), "Festa della Liberazione"),
      AnnualHoliday.national(MonthDay.of(5, 1), "Festa del Lavoro"),
      AnnualHoliday.national(MonthDay.of(6, 2), "Festa della Repubblica"),
      AnnualHoliday.national(MonthDay.of(8, 15), "Ferragosto"),
      new AnnualHoliday(MonthDay.of(10, 4), "San Francesco d'Assisi", NonWorkingDay.Kind.NATIONAL_HOLIDAY, 2026, null),
      AnnualHoliday.national(MonthDay.of(11, 1), "Ognissanti"),
      AnnualHoliday.national(MonthDay.of(12, 8), "Immacolata Concezione"),
      AnnualHoliday.national(MonthDay.of(12, 25), "Natale"),
      AnnualHoliday.national(MonthDay.of(12, 26), "Santo Stefano"));

  static WorkingDayCalendar nationalOnly() {
    return WorkingDayCalendar.of(NATIONAL);
  }

  static WorkingDayCalendar withPatronDay(MonthDay day, String name) {
    return WorkingDayCalendar.of(append(AnnualHoliday.patronDay(day, name)));
  }

  static List<AnnualHoliday> append(AnnualHoliday extra) {
    return java.util.stream.Stream.concat(NATIONAL.stream(), java.util.stream.Stream.of(extra)).toList();
  }

  private ItalianHolidays() {}
}
