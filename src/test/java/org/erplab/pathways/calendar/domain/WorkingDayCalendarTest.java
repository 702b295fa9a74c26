package org.erplab.pathways.calendar.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkingDayCalendarTest {

  private final WorkingDayCalendar milano = ItalianHolidays.withPatronDay(MonthDay.of(12, 7), "Sant'Ambrogio");
  private final WorkingDayCalendar bollate = ItalianHolidays.nationalOnly();

  @Test
  void shouldCountTenWorkingDaysSkippingPatronDayAndImmacolataInMilano() {
    LocalDate created = LocalDate.of(2026, 11, 23);
    assertThat(created.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);

    LocalDate due = milano.addWorkingDays(created, 10);

    assertThat(due).isEqualTo(LocalDate.of(2026, 12, 9));
    assertThat(due.getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
  }

  @Test
  void shouldNotSkipMilanoPatronDayInBollate() {
    assertThat(bollate.addWorkingDays(LocalDate.of(2026, 11, 23), 10)).isEqualTo(LocalDate.of(2026, 12, 7));
    assertThat(bollate.isWorkingDay(LocalDate.of(2026, 12, 7))).isTrue();
    assertThat(milano.isWorkingDay(LocalDate.of(2026, 12, 7))).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"2024, 2024-04-01", "2025, 2025-04-21", "2026, 2026-04-06", "2027, 2027-03-29", "2000, 2000-04-24", "2038, 2038-04-26"})
  void shouldComputeEasterMonday(int year, LocalDate expected) {
    assertThat(WorkingDayCalendar.easterMonday(year)).isEqualTo(expected);
    assertThat(WorkingDayCalendar.easterSunday(year)).isEqualTo(expected.minusDays(1));
    assertThat(bollate.isWorkingDay(expected)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"01-01", "01-06", "04-25", "05-01", "06-02", "08-15", "11-01", "12-08", "12-25", "12-26"})
  void shouldTreatEachFixedNationalHolidayAsNonWorking(String monthDay) {
    MonthDay md = MonthDay.parse("--" + monthDay);
    for (int year = 2024; year <= 2032; year++) {
      assertThat(bollate.isWorkingDay(md.atYear(year))).as("%s-%s", year, monthDay).isFalse();
    }
  }

  @Test
  void shouldSkipWeekends() {
    LocalDate friday = LocalDate.of(2026, 3, 13);
    assertThat(bollate.isWorkingDay(friday.plusDays(1))).isFalse();
    assertThat(bollate.isWorkingDay(friday.plusDays(2))).isFalse();
    assertThat(bollate.addWorkingDays(friday, 1)).isEqualTo(LocalDate.of(2026, 3, 16));
    assertThat(bollate.addWorkingDays(friday, 5)).isEqualTo(LocalDate.of(2026, 3, 20));
    assertThat(bollate.nextWorkingDayOnOrAfter(friday.plusDays(1))).isEqualTo(LocalDate.of(2026, 3, 16));
  }

  @Test
  void shouldReturnEventDayOrNextWorkingDayForZeroWorkingDays() {
    assertThat(bollate.addWorkingDays(LocalDate.of(2026, 3, 13), 0)).isEqualTo(LocalDate.of(2026, 3, 13));
    assertThat(bollate.addWorkingDays(LocalDate.of(2026, 3, 14), 0)).isEqualTo(LocalDate.of(2026, 3, 16));
    assertThatThrownBy(() -> bollate.addWorkingDays(LocalDate.of(2026, 3, 13), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldMoveCalendarDeadlineEndingOnSundayToMonday() {
    // 2026-03-01 + 14 days = Sunday 2026-03-15
    assertThat(LocalDate.of(2026, 3, 15).getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    assertThat(bollate.addCalendarDays(LocalDate.of(2026, 3, 1), 14)).isEqualTo(LocalDate.of(2026, 3, 16));
    assertThat(bollate.addCalendarDays(LocalDate.of(2026, 3, 1), 12)).isEqualTo(LocalDate.of(2026, 3, 13));
  }

  @Test
  void shouldMoveMonthDeadlineToNextWorkingDay() {
    // 2026-02-25 + 2 months = Saturday 25 April (also Liberation Day) -> Monday 27 April
    assertThat(bollate.addMonths(LocalDate.of(2026, 2, 25), 2)).isEqualTo(LocalDate.of(2026, 4, 27));
    // month-end clamping: 31 Jan + 1 month = 28 Feb 2026 (Saturday) -> Monday 2 March
    assertThat(bollate.addMonths(LocalDate.of(2026, 1, 31), 1)).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(bollate.addMonths(LocalDate.of(2026, 3, 10), 1)).isEqualTo(LocalDate.of(2026, 4, 10));
  }

  @Test
  void shouldSkipChristmasHolidaysAndEpiphany() {
    // Fri 19 Dec 2025; working days after: 22, 23, 24, 29, 30, 31 Dec, 2, 5, 7 Jan 2026
    LocalDate event = LocalDate.of(2025, 12, 19);
    assertThat(bollate.addWorkingDays(event, 3)).isEqualTo(LocalDate.of(2025, 12, 24));
    assertThat(bollate.addWorkingDays(event, 4)).isEqualTo(LocalDate.of(2025, 12, 29));
    assertThat(bollate.addWorkingDays(event, 7)).isEqualTo(LocalDate.of(2026, 1, 2));
    assertThat(bollate.addWorkingDays(event, 9)).isEqualTo(LocalDate.of(2026, 1, 7));
    assertThat(bollate.workingDaysBetween(event, LocalDate.of(2026, 1, 7))).isEqualTo(9);
    // calendar deadline on Christmas Day moves past 26 Dec and the weekend
    assertThat(bollate.addCalendarDays(LocalDate.of(2025, 12, 15), 10)).isEqualTo(LocalDate.of(2025, 12, 29));
  }

  @Test
  void shouldKeepWorkingDaysBetweenConsistentWithAddWorkingDays() {
    for (LocalDate event = LocalDate.of(2026, 1, 1); event.getYear() == 2026; event = event.plusDays(1)) {
      for (int n = 1; n <= 25; n++) {
        LocalDate due = milano.addWorkingDays(event, n);
        assertThat(milano.isWorkingDay(due)).isTrue();
        assertThat(milano.workingDaysBetween(event, due)).as("%s + %d", event, n).isEqualTo(n);
        assertThat(milano.workingDaysBetween(event, due.minusDays(1))).isEqualTo(n - 1);
      }
    }
  }

  @Test
  void shouldReturnZeroWorkingDaysBetweenWhenToIsNotAfterFrom() {
    LocalDate day = LocalDate.of(2026, 5, 5);
    assertThat(milano.workingDaysBetween(day, day)).isZero();
    assertThat(milano.workingDaysBetween(day, day.minusDays(10))).isZero();
  }

  @Test
  void shouldBeValueObject() {
    assertThat(milano).isEqualTo(ItalianHolidays.withPatronDay(MonthDay.of(12, 7), "Sant'Ambrogio"))
        .isNotEqualTo(bollate);
  }

  // ------------------------------------------------------------------ San Francesco d'Assisi (Law 151/2025)

  @Test
  void shouldSkipSanFrancescoFrom2026() {
    // Monday 4 October 2027 is a holiday: Friday 1 October + 1 working day = Tuesday 5 October
    LocalDate friday = LocalDate.of(2027, 10, 1);
    assertThat(LocalDate.of(2027, 10, 4).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(bollate.isWorkingDay(LocalDate.of(2027, 10, 4))).isFalse();
    assertThat(bollate.addWorkingDays(friday, 1)).isEqualTo(LocalDate.of(2027, 10, 5));
    assertThat(bollate.workingDaysBetween(friday, LocalDate.of(2027, 10, 8))).isEqualTo(4);
    // Sunday 4 October 2026: a holiday on a weekend moves nothing, but it is listed
    assertThat(bollate.nonWorkingDays(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)))
        .containsExactly(new NonWorkingDay(LocalDate.of(2026, 10, 4), "San Francesco d'Assisi",
            NonWorkingDay.Kind.NATIONAL_HOLIDAY));
  }

  @Test
  void shouldCountSanFrancescoAsWorkingBefore2026() {
    // Friday 4 October 2024: a working day then (the law counts from 2026)
    LocalDate friday = LocalDate.of(2024, 10, 4);
    assertThat(friday.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
    assertThat(bollate.isWorkingDay(friday)).isTrue();
    assertThat(bollate.addWorkingDays(LocalDate.of(2024, 10, 3), 1)).isEqualTo(friday);
    assertThat(bollate.nonWorkingDays(LocalDate.of(2024, 10, 1), LocalDate.of(2025, 10, 31))).extracting(
        NonWorkingDay::name).doesNotContain("San Francesco d'Assisi");
  }

  @Test
  void shouldHonourTheLastYearOfAHoliday() {
    WorkingDayCalendar calendar = WorkingDayCalendar.of(List.of(new AnnualHoliday(MonthDay.of(3, 19), "San Giuseppe",
        NonWorkingDay.Kind.NATIONAL_HOLIDAY, null, 1976)));
    assertThat(calendar.isWorkingDay(LocalDate.of(1976, 3, 19))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(1977, 3, 18))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 3, 19))).isTrue();
  }

  // ------------------------------------------------------------------ closures and the listing

  @Test
  void shouldSkipAClosureAndListItWithTheHolidaysPatronDayAndEasterMonday() {
    NonWorkingDay closure = new NonWorkingDay(LocalDate.of(2026, 12, 10), "Ufficio chiuso per trasloco",
        NonWorkingDay.Kind.CLOSURE);
    WorkingDayCalendar closed = new WorkingDayCalendar(milano.annualHolidays(), List.of(closure));

    // Friday 4 December + 3 working days: 9, (10 closed), 11, 14
    assertThat(milano.addWorkingDays(LocalDate.of(2026, 12, 4), 3)).isEqualTo(LocalDate.of(2026, 12, 11));
    assertThat(closed.addWorkingDays(LocalDate.of(2026, 12, 4), 3)).isEqualTo(LocalDate.of(2026, 12, 14));
    assertThat(closed.nonWorkingDays(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31))).containsExactly(
        new NonWorkingDay(LocalDate.of(2026, 12, 7), "Sant'Ambrogio", NonWorkingDay.Kind.PATRON_DAY),
        new NonWorkingDay(LocalDate.of(2026, 12, 8), "Immacolata Concezione", NonWorkingDay.Kind.NATIONAL_HOLIDAY),
        closure,
        new NonWorkingDay(LocalDate.of(2026, 12, 25), "Natale", NonWorkingDay.Kind.NATIONAL_HOLIDAY),
        new NonWorkingDay(LocalDate.of(2026, 12, 26), "Santo Stefano", NonWorkingDay.Kind.NATIONAL_HOLIDAY));
    assertThat(bollate.nonWorkingDays(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30))).containsExactly(
        new NonWorkingDay(LocalDate.of(2026, 4, 6), "Lunedì dell'Angelo", NonWorkingDay.Kind.EASTER_MONDAY),
        new NonWorkingDay(LocalDate.of(2026, 4, 25), "Festa della Liberazione", NonWorkingDay.Kind.NATIONAL_HOLIDAY));
  }

  @Test
  void shouldNamePatronDayGenericallyWhenTheProjectDoesNotNameIt() {
    assertThat(ItalianHolidays.withPatronDay(MonthDay.of(11, 11), null)
        .nonWorkingDays(LocalDate.of(2026, 11, 11), LocalDate.of(2026, 11, 11)))
        .containsExactly(new NonWorkingDay(LocalDate.of(2026, 11, 11), "Santo patrono", NonWorkingDay.Kind.PATRON_DAY));
  }
}
