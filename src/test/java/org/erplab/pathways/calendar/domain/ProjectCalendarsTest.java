package org.erplab.pathways.calendar.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The calendars built from the tables: the seeded holidays, the project's patron day and its closures. */
@PathwaysSpringTest
class ProjectCalendarsTest {

  private static final String LORENTEGGIO = "LORENTEGGIO";
  private static final String BOLLATE = "BOLLATE";
  private static final LocalDate CLOSED = LocalDate.of(2031, 3, 12);

  private final ProjectCalendars calendars;

  @Autowired
  ProjectCalendarsTest(ProjectCalendars calendars) {
    this.calendars = calendars;
  }

  @AfterEach
  void removeClosure() {
    calendars.removeClosure(LORENTEGGIO, CLOSED);
  }

  @Test
  void shouldSeedTheNationalHolidaysOfTheUnitTests() {
    assertThat(calendars.nationalHolidays()).containsExactlyInAnyOrderElementsOf(ItalianHolidays.NATIONAL);
    assertThat(calendars.calendar(BOLLATE).annualHolidays()).contains(
        AnnualHoliday.patronDay(java.time.MonthDay.of(11, 11), "San Martino"));
  }

  @Test
  void shouldCountADeadlineSetAfterAClosureAcrossIt() {
    // Monday 10 March 2031, 10:00 in Rome; 3 working days: 11, 12, 13 March
    Date monday = Date.from(ZonedDateTime.of(LocalDate.of(2031, 3, 10), LocalTime.of(10, 0), EngineClock.ZONE)
        .toInstant());
    assertThat(calendars.workingDaysAfter(LORENTEGGIO, monday, 3)).isEqualTo(calendars.endOf(LocalDate.of(2031, 3, 13)));

    calendars.addClosure(LORENTEGGIO, CLOSED, "Ufficio chiuso per allagamento", "manager");

    // 11, (12 closed), 13, 14
    assertThat(calendars.workingDaysAfter(LORENTEGGIO, monday, 3)).isEqualTo(calendars.endOf(LocalDate.of(2031, 3, 14)));
    assertThat(calendars.calendar(LORENTEGGIO).workingDaysBetween(LocalDate.of(2031, 3, 10), LocalDate.of(2031, 3, 14)))
        .isEqualTo(3);
    // a calendar deadline ending on the closed day moves to the next working day
    assertThat(calendars.calendarDaysAfter(LORENTEGGIO, monday, 2)).isEqualTo(calendars.endOf(LocalDate.of(2031, 3, 13)));
    // the other project is open
    assertThat(calendars.workingDaysAfter(BOLLATE, monday, 3)).isEqualTo(calendars.endOf(LocalDate.of(2031, 3, 13)));

    calendars.removeClosure(LORENTEGGIO, CLOSED);
    assertThat(calendars.workingDaysAfter(LORENTEGGIO, monday, 3)).isEqualTo(calendars.endOf(LocalDate.of(2031, 3, 13)));
  }

  @Test
  void shouldEndDeadlinesAtTheEndOfTheDayInTheEngineClocksZone() {
    assertThat(calendars.zone()).isEqualTo(EngineClock.ZONE);
    assertThat(calendars.endOf(LocalDate.of(2026, 12, 9)).toInstant().toString()).isEqualTo("2026-12-09T22:59:59Z");
  }
}
