package org.erplab.pathways.calendar.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.erplab.pathways.calendar.infrastructure.CalendarRecords;
import org.erplab.pathways.calendar.infrastructure.CalendarRecords.Closure;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.common.domain.ReadCache;
import org.erplab.pathways.project.domain.Project;
import org.erplab.pathways.project.domain.ProjectDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Working-day deadlines of a project, in {@link EngineClock#ZONE}: the national holidays of table {@code holiday}
 * (read once and kept: they change by law, a restart picks a change up), Easter Monday, the project's patron day and
 * its closures. A project's calendar is kept for {@code programme.read-cache.ttl} (30 s by default, ADR 0024); a
 * closure added or removed here counts from the moment it is committed, a patron day changed in SQL after at most
 * that time. A deadline falls at the end
 * (23:59:59) of its last day, so a task is overdue from the next day on.
 */
@Service
public class ProjectCalendars {

  private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  private final ProjectDirectory projects;
  private final CalendarRecords records;
  private final ReadCache<String, WorkingDayCalendar> calendars;
  private volatile List<AnnualHoliday> nationalHolidays;

  public ProjectCalendars(ProjectDirectory projects, CalendarRecords records,
      @Value("${programme.read-cache.ttl:PT30S}") Duration ttl) {
    this.projects = projects;
    this.records = records;
    this.calendars = new ReadCache<>(ttl, 1_000);
  }

  public ZoneId zone() {
    return EngineClock.ZONE;
  }

  public WorkingDayCalendar calendar(String projectCode) {
    return calendars.get(projectCode, this::read);
  }

  /** Forgets the calendars read: the next use reads the project and its closures again. */
  public void forget() {
    calendars.forgetAll();
  }

  private WorkingDayCalendar read(String projectCode) {
    Project project = projects.find(projectCode)
        .orElseThrow(() -> new IllegalArgumentException("Unknown project " + projectCode));
    List<AnnualHoliday> annual = new ArrayList<>(nationalHolidays());
    project.patronDayIfAny().ifPresent(day -> annual.add(AnnualHoliday.patronDay(day, project.patronDayName())));
    List<NonWorkingDay> closures = records.closures(projectCode).stream()
        .map(c -> new NonWorkingDay(c.date(), c.name(), NonWorkingDay.Kind.CLOSURE))
        .toList();
    return new WorkingDayCalendar(annual, closures);
  }

  /** The project's named non-working days from {@code from} to {@code to}, both included (weekends not listed). */
  public List<NonWorkingDay> nonWorkingDays(String projectCode, LocalDate from, LocalDate to) {
    return calendar(projectCode).nonWorkingDays(from, to);
  }

  public List<Closure> closures(String projectCode) {
    return records.closures(projectCode);
  }

  public boolean isClosed(String projectCode, LocalDate day) {
    return records.closure(projectCode, day).isPresent();
  }

  /**
   * Closes the project on that day. Deadlines already set do not move: the closure counts for deadlines set or
   * shifted after it (ADR 0013).
   */
  public Closure addClosure(String projectCode, LocalDate day, String name, String userId) {
    Closure closure = new Closure(day, name, userId, EngineClock.now());
    records.addClosure(projectCode, closure);
    calendars.forget(projectCode);
    return closure;
  }

  /** Opens the project again on that day; false if it was not closed then. */
  public boolean removeClosure(String projectCode, LocalDate day) {
    boolean removed = records.deleteClosure(projectCode, day);
    calendars.forget(projectCode);
    return removed;
  }

  /** The national holidays as rows of table {@code holiday}, read on first use. */
  List<AnnualHoliday> nationalHolidays() {
    List<AnnualHoliday> holidays = nationalHolidays;
    if (holidays == null) {
      holidays = records.nationalHolidays().stream()
          .map(h -> new AnnualHoliday(MonthDay.of(h.month(), h.day()), h.name(), NonWorkingDay.Kind.NATIONAL_HOLIDAY,
              h.validFromYear(), h.validToYear()))
          .toList();
      nationalHolidays = holidays;
    }
    return holidays;
  }

  public LocalDate today(Date now) {
    return now.toInstant().atZone(zone()).toLocalDate();
  }

  /** End of the Nth working day after {@code now}'s day (that day not counted). */
  public Date workingDaysAfter(String projectCode, Date now, int workingDays) {
    return endOf(calendar(projectCode).addWorkingDays(today(now), workingDays));
  }

  /** End of the day N calendar days after {@code now}'s day, moved to the next working day if needed. */
  public Date calendarDaysAfter(String projectCode, Date now, int days) {
    return endOf(calendar(projectCode).addCalendarDays(today(now), days));
  }

  public Date endOf(LocalDate day) {
    return Date.from(ZonedDateTime.of(day, END_OF_DAY, zone()).toInstant());
  }
}
