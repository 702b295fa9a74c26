package org.erplab.pathways.programme.process;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.project.domain.Project;
import org.erplab.pathways.project.domain.ProjectDirectory;
import org.erplab.pathways.project.domain.ProgrammeNotice;
import org.erplab.pathways.project.domain.ProgrammeParameters;
import org.springframework.stereotype.Component;

/**
 * The dates of the {@code programme} model's timers, from the project's record ({@code project.end_date}) and the
 * programme parameter {@value ProgrammeNotice#WARNING_DAYS}: the warning at the start of the day that many calendar days before the
 * last day, the end at the start of the day after the last day (Europe/Rome).
 */
@Component("programmeDates")
public class ProgrammeDates {

  private final ProjectDirectory projects;
  private final ProgrammeParameters parameters;

  public ProgrammeDates(ProjectDirectory projects, ProgrammeParameters parameters) {
    this.projects = projects;
    this.parameters = parameters;
  }

  public Date warningAt(DelegateExecution execution) {
    return warningAt(execution.getTenantId());
  }

  public Date endAt(DelegateExecution execution) {
    return endAt(execution.getTenantId());
  }

  public Date warningAt(String projectCode) {
    return startOf(lastDay(projectCode).minusDays(parameters.intValue(projectCode, ProgrammeNotice.WARNING_DAYS)));
  }

  public Date endAt(String projectCode) {
    return startOf(lastDay(projectCode).plusDays(1));
  }

  private LocalDate lastDay(String projectCode) {
    Project project = projects.find(projectCode)
        .orElseThrow(() -> new IllegalStateException("Unknown project " + projectCode));
    if (project.endDate() == null) {
      throw new IllegalStateException("Project " + projectCode + " has no end date");
    }
    return project.endDate();
  }

  private static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(EngineClock.ZONE).toInstant());
  }
}
