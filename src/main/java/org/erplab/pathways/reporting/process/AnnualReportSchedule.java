package org.erplab.pathways.reporting.process;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.pathway.process.ProgrammeProcess.Variables;
import org.erplab.pathways.reporting.domain.AnnualReports;
import org.erplab.pathways.security.Partitions;
import org.springframework.stereotype.Component;

/**
 * The annual report's yearly task in the {@code programme} model (issue 10): {@code opened(execution)} names the year
 * the report is of when the 2 January timer fires, {@code due(execution)} is the end of 31 January, and
 * {@code reviewed(task)} publishes the year's figures as the manager who completes the task, unless they were
 * published already; {@code lastReportDue(execution)} keeps an ended programme until its last year's report is due.
 */
@Component("annualReportSchedule")
public class AnnualReportSchedule {

  /** The last day to publish: 31 January. */
  static final int DUE_DAY_OF_JANUARY = 31;

  private final AnnualReports reports;

  public AnnualReportSchedule(AnnualReports reports) {
    this.reports = reports;
  }

  /** End listener of Timer_AnnualReport: the year just over, kept in the event sub-process's own scope. */
  public void opened(DelegateExecution execution) {
    execution.setVariableLocal(Variables.REPORT_YEAR.name(), EngineClock.today().getYear() - 1);
  }

  public Date due(DelegateExecution execution) {
    LocalDate last = LocalDate.of(EngineClock.today().getYear(), 1, DUE_DAY_OF_JANUARY);
    return Date.from(last.atTime(LocalTime.of(23, 59)).atZone(EngineClock.ZONE).toInstant());
  }

  /**
   * When the ended programme stops waiting for its last year's report, the year of its last day ({@code endDate}; it
   * ends at 0:00 after it, possibly on 1 January): 1 February of the next year, 0:00, once the 2 January timer has
   * created that task and its 31 January is past (a task still open keeps the instance).
   */
  public Date lastReportDue(DelegateExecution execution) {
    LocalDate lastDay = LocalDate.parse(Variables.END_DATE.get(execution));
    LocalDate first = LocalDate.of(lastDay.getYear() + 1, 2, 1);
    return Date.from(first.atStartOfDay(EngineClock.ZONE).toInstant());
  }

  /** Complete listener of Task_ReviewAnnualReport: publishes revision 1 of the project's year, if nobody did. */
  public void reviewed(DelegateTask task) {
    String project = Partitions.projectOf(task.getTenantId());
    int year = Variables.REPORT_YEAR.get(task);
    if (reports.revisionCount(project, year) > 0) {
      return;
    }
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String user = current != null ? current.getUserId() : task.getAssignee();
    reports.publish(project, Set.of(project), year, user == null ? "system" : user, null);
  }
}
