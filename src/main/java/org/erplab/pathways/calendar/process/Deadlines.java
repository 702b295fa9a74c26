package org.erplab.pathways.calendar.process;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.erplab.pathways.calendar.domain.ProjectCalendars;
import org.erplab.pathways.project.domain.ProgrammeParameters;
import org.erplab.pathways.security.Partitions;
import org.springframework.stereotype.Component;

/**
 * Due dates and timer dates for the models, in Italian working days of the pathway's project:
 * {@code camunda:dueDate="${deadlines.workingDays(execution, 'verificationWorkingDays')}"}. The length is a
 * programme parameter; the same expression on a boundary timer fires exactly when the task becomes overdue.
 * Time is the engine's clock, so tests move it with {@code ClockUtil}.
 */
@Component("deadlines")
public class Deadlines {

  private final ProjectCalendars calendars;
  private final ProgrammeParameters parameters;

  public Deadlines(ProjectCalendars calendars, ProgrammeParameters parameters) {
    this.calendars = calendars;
    this.parameters = parameters;
  }

  public Date workingDays(DelegateExecution execution, String parameter) {
    String project = Partitions.projectOf(execution.getTenantId());
    return calendars.workingDaysAfter(project, ClockUtil.getCurrentTime(), parameters.intValue(project, parameter));
  }

  public Date calendarDays(DelegateExecution execution, String parameter) {
    String project = Partitions.projectOf(execution.getTenantId());
    return calendars.calendarDaysAfter(project, ClockUtil.getCurrentTime(), parameters.intValue(project, parameter));
  }
}
