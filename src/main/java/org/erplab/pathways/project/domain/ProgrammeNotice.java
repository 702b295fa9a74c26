package org.erplab.pathways.project.domain;

import java.time.LocalDate;
import java.util.Optional;
import org.erplab.pathways.common.domain.EngineClock;
import org.springframework.stereotype.Service;

/**
 * Whether a project's programme is about to end: from {@value #WARNING_DAYS} calendar days before its last day up to
 * that day, the operators' lists say on which day their open pathways will be interrupted.
 */
@Service
public class ProgrammeNotice {

  /** Programme parameter: calendar days before the last day when the warning starts. */
  public static final String WARNING_DAYS = "programmeEndWarningDays";

  private final ProjectDirectory projects;
  private final ProgrammeParameters parameters;

  public ProgrammeNotice(ProjectDirectory projects, ProgrammeParameters parameters) {
    this.projects = projects;
    this.parameters = parameters;
  }

  /** The programme's last day, when it is at most {@value #WARNING_DAYS} days away and not past. */
  public Optional<LocalDate> endingSoon(String projectCode) {
    LocalDate end = projects.find(projectCode).map(Project::endDate).orElse(null);
    if (end == null) {
      return Optional.empty();
    }
    LocalDate today = EngineClock.today();
    LocalDate warning = end.minusDays(parameters.intValue(projectCode, WARNING_DAYS));
    return today.isBefore(warning) || today.isAfter(end) ? Optional.empty() : Optional.of(end);
  }
}
