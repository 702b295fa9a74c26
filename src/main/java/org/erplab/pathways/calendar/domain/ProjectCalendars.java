package org.erplab.pathways.calendar.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Set;
import org.erplab.pathways.project.domain.Project;
import org.erplab.pathways.project.domain.ProjectDirectory;
import org.erplab.pathways.project.domain.ProgrammeParameters;
import org.springframework.stereotype.Service;

/**
 * Working-day deadlines of a project: Italian national holidays plus the project's patron day, in Europe/Rome.
 * A deadline falls at the end (23:59:59) of its last day, so a task is overdue from the next day on.
 */
@Service
public class ProjectCalendars {

  private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  private final ProjectDirectory projects;
  private final ZoneId zone;

  public ProjectCalendars(ProjectDirectory projects, ProgrammeParameters.Defaults programme) {
    this.projects = projects;
    this.zone = ZoneId.of(programme.zone() == null ? "Europe/Rome" : programme.zone());
  }

  public ZoneId zone() {
    return zone;
  }

  public WorkingDayCalendar calendar(String projectCode) {
    Project project = projects.find(projectCode)
        .orElseThrow(() -> new IllegalArgumentException("Unknown project " + projectCode));
    return new WorkingDayCalendar(project.patronDayIfAny().map(Set::of).orElse(Set.of()));
  }

  public LocalDate today(Date now) {
    return now.toInstant().atZone(zone).toLocalDate();
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
    return Date.from(ZonedDateTime.of(day, END_OF_DAY, zone).toInstant());
  }
}
