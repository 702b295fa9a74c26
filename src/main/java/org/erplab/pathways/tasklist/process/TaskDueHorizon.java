package org.erplab.pathways.tasklist.process;

import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.erplab.pathways.calendar.domain.ProjectCalendars;
import org.erplab.pathways.project.domain.ProjectDirectory;
import org.springframework.stereotype.Component;

/**
 * The horizon of the shared Tasklist filter "In scadenza entro 5 giorni lavorativi", called from the filter's stored
 * query as {@code ${taskDueHorizon.endOfWorkingDaysAhead(5)}} each time the filter is listed (ADR 0026). A filter spans
 * every project the user sees, and projects differ in their calendars (patron days, closures): the horizon is the
 * end (23:59:59 Europe/Rome) of the 5th working day after today, counted on each project's calendar, and the latest
 * of those, so no project's task due within its own 5 working days is left out.
 */
@Component("taskDueHorizon")
public class TaskDueHorizon {

  private final ProjectCalendars calendars;
  private final ProjectDirectory projects;

  public TaskDueHorizon(ProjectCalendars calendars, ProjectDirectory projects) {
    this.calendars = calendars;
    this.projects = projects;
  }

  public Date endOfWorkingDaysAhead(int workingDays) {
    Date now = ClockUtil.getCurrentTime();
    Date horizon = calendars.endOf(calendars.today(now));
    for (String project : projects.codes()) {
      Date end = calendars.workingDaysAfter(project, now, workingDays);
      if (end.after(horizon)) {
        horizon = end;
      }
    }
    return horizon;
  }
}
