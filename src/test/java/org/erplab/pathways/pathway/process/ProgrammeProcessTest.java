package org.erplab.pathways.pathway.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.rome;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.setClock;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.pathway.domain.Pathway;
import org.erplab.pathways.pathway.domain.Pathway.Channel;
import org.erplab.pathways.pathway.domain.PathwayExits;
import org.erplab.pathways.pathway.process.ProgrammeProcess.Elements;
import org.erplab.pathways.pathway.process.ProgrammeProcess.Variables;
import org.erplab.pathways.programme.domain.ProgrammeEnd;
import org.erplab.pathways.programme.domain.ProjectOperation;
import org.erplab.pathways.programme.domain.ProjectOperations;
import org.erplab.pathways.programme.process.ProgrammeInstances;
import org.erplab.pathways.project.domain.ProgrammeNotice;
import org.erplab.pathways.support.ModelCoverage;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.TestProjects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The programme's end, driven by the {@code programme} model's timers and the engine clock only: a project of its own
 * (so no other test's pathways are touched) whose last day is Wednesday 31 March 2027. The manager is warned on
 * 1 March 2027 (30 days before), the open pathways are interrupted on 1 April 2027 at 00:00; an extension before the
 * end moves both.
 */
@PathwaysSpringTest
@ModelCoverage(ProgrammeProcess.KEY)
class ProgrammeProcessTest {

  private static final LocalDate LAST_DAY = LocalDate.of(2027, 3, 31);
  private static final String MANAGER = "manager";

  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired ProgrammeInstances instances;
  @Autowired ProgrammeEnd programmeEnd;
  @Autowired ProgrammeNotice notice;
  @Autowired ProjectOperations operations;
  @Autowired PathwayExits exits;

  private ProcessTestSupport support;
  private String project;

  @BeforeEach
  void setUp() {
    support = ProcessTestSupport.onExampleDay(context);
    project = TestProjects.create(jdbc, "T", LAST_DAY);
    instances.ensureAll();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldWarnTheManagerThirtyDaysBeforeTheEndAndInterruptEveryOpenPathwayAtTheEnd() {
    // given: two open pathways and one the participant left
    UUID first = support.startPathway(project, Channel.LAB).pathwayId();
    UUID second = support.startPathway(project, Channel.CPI_DESK).pathwayId();
    UUID withdrawn = support.startPathway(project, Channel.LAB).pathwayId();
    exits.withdraw(withdrawn, "MOVED", LocalDate.of(2026, 11, 23), "lab.lorenteggio");
    ProcessInstance programme = instances.running(project);
    assertThat(programme.getTenantId()).isEqualTo(project);
    assertThat(job(Elements.TIMER_END_WARNING).getDuedate()).isEqualTo(rome(LocalDateTime.of(2027, 3, 1, 0, 0)));
    assertThat(notice.endingSoon(project)).isEmpty();

    // when: 1 March 2027
    fire(Elements.TIMER_END_WARNING);

    // then: the manager's task, due when the programme ends, and the notice in the operators' lists
    Task task = managerTask();
    assertThat(taskService.getIdentityLinksForTask(task.getId())).anyMatch(l -> "manager".equals(l.getGroupId()));
    assertThat(task.getDueDate()).isEqualTo(rome(LocalDateTime.of(2027, 4, 1, 0, 0)));
    assertThat(task.getTenantId()).isEqualTo(project);
    assertThat(notice.endingSoon(project)).contains(LAST_DAY);
    assertThat(runtimeService.getVariable(programme.getId(), "endDate")).isEqualTo("2027-03-31");

    // when: the manager takes note, then the last day passes
    taskService.complete(task.getId(), ProcessTestSupport.vars("endDecision", "CLOSE_AT_END"));
    fire(Elements.TIMER_END);

    // then: every open pathway closes as INTERRUPTED, keeping its stage; the withdrawn one is left as it was
    ProjectOperation interruption = awaitDone(operations.ofProject(project).get(0).id());
    assertThat(interruption.kind()).isEqualTo("INTERRUPT");
    assertThat(interruption.requestedBy()).isEqualTo(ProjectOperations.PROGRAMME_END_USER);
    assertThat(interruption.total()).isEqualTo(2);
    assertThat(interruption.done()).isEqualTo(2);
    for (UUID id : List.of(first, second)) {
      Pathway p = support.record(id);
      assertThat(p.status()).isEqualTo("CLOSED");
      assertThat(p.outcome()).isEqualTo("INTERRUPTED");
      assertThat(p.stage()).isEqualTo("INTAKE");
      assertThat(support.openTasks(id)).isEmpty();
    }
    assertThat(support.record(withdrawn).outcome()).isEqualTo("WITHDRAWN");
    // the programme has ended; its instance waits for its last year's report (1 February 2028)
    assertThat(instances.ended(project)).isTrue();
    assertThat(job(Elements.TIMER_LAST_REPORT_DUE).getDuedate()).isEqualTo(rome(LocalDateTime.of(2028, 2, 1, 0, 0)));
    assertThat(notice.endingSoon(project)).isEmpty();

    // and: the project takes no one in charge any more, and its end no longer moves
    assertThatThrownBy(() -> support.startPathway(project, Channel.LAB))
        .isInstanceOf(ApiException.class).hasMessageContaining("ended");
    assertThatThrownBy(() -> programmeEnd.change(project, LocalDate.of(2027, 12, 31), "troppo tardi", MANAGER))
        .isInstanceOf(ApiException.class).hasMessageContaining("ended");
  }

  @Test
  void shouldMoveBothTimersWhenTheEndIsExtendedBeforeTheWarning() {
    // when: extended by six months (the seeds' pandemic extension), in November 2026
    programmeEnd.change(project, LocalDate.of(2027, 9, 30), "Proroga per la pandemia", MANAGER);

    // then: the warning waits for 31 August 2027, the change is on record
    assertThat(job(Elements.TIMER_END_WARNING).getDuedate()).isEqualTo(rome(LocalDateTime.of(2027, 8, 31, 0, 0)));
    assertThat(runtimeService.getVariable(instances.running(project).getId(), "endDate")).isEqualTo("2027-09-30");
    List<ProgrammeEnd.EndChange> changes = programmeEnd.changes(project);
    assertThat(changes).singleElement().satisfies(c -> {
      assertThat(c.oldEndDate()).isEqualTo(LAST_DAY);
      assertThat(c.newEndDate()).isEqualTo(LocalDate.of(2027, 9, 30));
      assertThat(c.changedBy()).isEqualTo(MANAGER);
      assertThat(c.reason()).isEqualTo("Proroga per la pandemia");
    });

    // and: the old dates pass without effect; the new warning comes, then the end
    setClock(LocalDateTime.of(2027, 4, 2, 9, 0));
    // nothing of the end is due yet (the annual report's timer of 2 January is another matter)
    String programme = instances.running(project).getId();
    assertThat(managementService.createJobQuery().processInstanceId(programme)
        .duedateLowerThan(ClockUtil.getCurrentTime()).count()).isEqualTo(managementService.createJobQuery()
        .processInstanceId(programme).activityId(Elements.TIMER_ANNUAL_REPORT)
        .duedateLowerThan(ClockUtil.getCurrentTime()).count());
    fire(Elements.TIMER_END_WARNING);
    assertThat(managerTask().getDueDate()).isEqualTo(rome(LocalDateTime.of(2027, 10, 1, 0, 0)));
    assertThat(job(Elements.TIMER_END_DURING_WARNING).getDuedate())
        .isEqualTo(rome(LocalDateTime.of(2027, 10, 1, 0, 0)));
  }

  @Test
  void shouldStartTheWarningAgainWhenTheEndIsExtendedDuringIt() {
    // given: warned on 1 March 2027
    fire(Elements.TIMER_END_WARNING);
    String taskId = managerTask().getId();

    // when: extended on 10 March
    setClock(LocalDateTime.of(2027, 3, 10, 11, 0));
    programmeEnd.change(project, LocalDate.of(2027, 9, 30), "Proroga regionale", MANAGER);

    // then: the warning task is gone, the warning and the end wait for the new dates
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isZero();
    assertThat(job(Elements.TIMER_END_WARNING).getDuedate()).isEqualTo(rome(LocalDateTime.of(2027, 8, 31, 0, 0)));
    assertThat(notice.endingSoon(project)).isEmpty();
    assertThat(historyService.createHistoricActivityInstanceQuery().activityId(Elements.MESSAGE_CHANGED_DURING_WARNING)
        .processInstanceId(instances.running(project).getId()).count()).isEqualTo(1);
  }

  @Test
  void shouldStartTheWarningAgainWhenTheEndIsExtendedAfterTheManagerTookNote() {
    fire(Elements.TIMER_END_WARNING);
    taskService.complete(managerTask().getId(), ProcessTestSupport.vars("endDecision", "EXTENSION_REQUESTED"));
    assertThat(job(Elements.TIMER_END).getDuedate()).isEqualTo(rome(LocalDateTime.of(2027, 4, 1, 0, 0)));

    // when: the extension arrives on 20 March
    setClock(LocalDateTime.of(2027, 3, 20, 9, 0));
    programmeEnd.change(project, LocalDate.of(2027, 4, 15), "Proroga breve", MANAGER);

    // then: within 30 days of the new end, the warning comes again at once
    Job warning = job(Elements.TIMER_END_WARNING);
    assertThat(warning.getDuedate()).isEqualTo(rome(LocalDateTime.of(2027, 3, 16, 0, 0)));
    managementService.executeJob(warning.getId());
    assertThat(managerTask().getDueDate()).isEqualTo(rome(LocalDateTime.of(2027, 4, 16, 0, 0)));
  }

  @Test
  void shouldAskTheManagerEachSecondOfJanuaryToPublishTheAnnualReportAndPublishItOnce() {
    // the timer waits for 2 January 2027, 8:00
    Job timer = job(Elements.TIMER_ANNUAL_REPORT);
    assertThat(LocalDateTime.ofInstant(timer.getDuedate().toInstant(), java.time.ZoneId.systemDefault()))
        .isEqualTo(LocalDateTime.of(2027, 1, 2, 8, 0));
    fire(Elements.TIMER_ANNUAL_REPORT);

    // the manager's task for 2026, due at the end of 31 January; the programme's end goes on waiting
    Task task = taskService.createTaskQuery().processDefinitionKey(ProgrammeProcess.KEY).tenantIdIn(project)
        .taskDefinitionKey(Elements.TASK_REVIEW_ANNUAL_REPORT).singleResult();
    assertThat(task.getDueDate()).isEqualTo(rome(LocalDateTime.of(2027, 1, 31, 23, 59)));
    assertThat(taskService.getIdentityLinksForTask(task.getId())).anyMatch(l -> "manager".equals(l.getGroupId()));
    assertThat(taskService.getVariable(task.getId(), Variables.REPORT_YEAR.name())).isEqualTo(2026);
    assertThat(job(Elements.TIMER_END_WARNING)).isNotNull();
    // and the timer is set again for next year
    assertThat(LocalDateTime.ofInstant(job(Elements.TIMER_ANNUAL_REPORT).getDuedate().toInstant(),
        java.time.ZoneId.systemDefault())).isEqualTo(LocalDateTime.of(2028, 1, 2, 8, 0));

    // completing it publishes revision 1 as the manager who did
    context.getBean(org.camunda.bpm.engine.IdentityService.class).setAuthentication(MANAGER, List.of("manager"), List.of(project));
    try {
      taskService.complete(task.getId());
    } finally {
      context.getBean(org.camunda.bpm.engine.IdentityService.class).clearAuthentication();
    }
    assertThat(jdbc.sql("select revision, published_by from annual_report where scope = ? and report_year = 2026")
        .param(project).query().listOfRows()).singleElement().satisfies(row -> {
          assertThat(((Number) row.get("revision")).intValue()).isEqualTo(1);
          assertThat(row.get("published_by")).isEqualTo(MANAGER);
        });
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instances.running(project)
        .getId()).activityId(Elements.END_ANNUAL_REPORT_PUBLISHED).count()).isEqualTo(1);
  }

  @Test
  void shouldAskForTheLastYearsReportAfterTheProgrammeEndedAndThenClose() {
    ProcessInstance programme = instances.running(project);
    fire(Elements.TIMER_END_WARNING);
    taskService.complete(managerTask().getId(), ProcessTestSupport.vars("endDecision", "CLOSE_AT_END"));
    fire(Elements.TIMER_END);
    awaitDone(operations.ofProject(project).get(0).id());
    // 2 January 2027 (the report of 2026, late: the clock is past the end) and 2 January 2028 (of 2027, the last)
    fire(Elements.TIMER_ANNUAL_REPORT);
    fire(Elements.TIMER_ANNUAL_REPORT);
    List<Task> reviews = taskService.createTaskQuery().processInstanceId(programme.getId())
        .taskDefinitionKey(Elements.TASK_REVIEW_ANNUAL_REPORT).list();
    assertThat(reviews).extracting(t -> taskService.getVariable(t.getId(), Variables.REPORT_YEAR.name()))
        .containsExactlyInAnyOrder(2026, 2027);
    // 1 February 2028: the last report is past due; an open task keeps the instance until the manager completes it
    fire(Elements.TIMER_LAST_REPORT_DUE);
    assertThat(instances.running(project)).isNotNull();
    assertThat(instances.ended(project)).isTrue();
    context.getBean(org.camunda.bpm.engine.IdentityService.class).setAuthentication(MANAGER, List.of("manager"),
        List.of(project));
    try {
      reviews.forEach(t -> taskService.complete(t.getId()));
    } finally {
      context.getBean(org.camunda.bpm.engine.IdentityService.class).clearAuthentication();
    }
    assertThat(jdbc.sql("select report_year from annual_report where scope = ? order by report_year")
        .param(project).query(Integer.class).list()).containsExactly(2026, 2027);
    assertThat(instances.running(project)).isNull();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(programme.getId())
        .activityId(Elements.END_PROGRAMME_CLOSED).count()).isEqualTo(1);
  }

  @Test
  void shouldWaitForTheReportOfTheYearOfTheLastDayWhenTheProgrammeEndsOnTheFirstOfJanuary() {
    // the last day 31 December 2026: the programme ends at 0:00 on 1 January 2027, and its last report is of 2026
    programmeEnd.change(project, LocalDate.of(2026, 12, 31), "fine anticipata", MANAGER);
    fire(Elements.TIMER_END_WARNING);
    taskService.complete(managerTask().getId(), ProcessTestSupport.vars("endDecision", "CLOSE_AT_END"));
    fire(Elements.TIMER_END);
    assertThat(job(Elements.TIMER_LAST_REPORT_DUE).getDuedate()).isEqualTo(rome(LocalDateTime.of(2027, 2, 1, 0, 0)));
  }

  @Test
  void shouldRefuseAnEndInThePastOrBeforeTheStartAndChangeNothing() {
    assertThatThrownBy(() -> programmeEnd.change(project, LocalDate.of(2026, 11, 20), "errore", MANAGER))
        .isInstanceOfSatisfying(ApiException.class,
            e -> assertThat(e.errors()).anyMatch(f -> f.field().equals("endDate")));
    assertThatThrownBy(() -> programmeEnd.change(project, LocalDate.of(2024, 12, 31), "errore", MANAGER))
        .isInstanceOfSatisfying(ApiException.class,
            e -> assertThat(e.errors()).anyMatch(f -> f.field().equals("endDate")));
    assertThatThrownBy(() -> programmeEnd.change("NO_SUCH_PROJECT", LocalDate.of(2027, 12, 31), "x", MANAGER))
        .isInstanceOf(ApiException.class).hasMessageContaining("No such project");
    assertThat(programmeEnd.changes(project)).isEmpty();
    assertThat(job(Elements.TIMER_END_WARNING).getDuedate()).isEqualTo(rome(LocalDateTime.of(2027, 3, 1, 0, 0)));
  }

  private Job job(String activityId) {
    List<Job> jobs = managementService.createJobQuery().processInstanceId(instances.running(project).getId())
        .activityId(activityId).list();
    assertThat(jobs).as("timer %s of the programme of %s", activityId, project).hasSize(1);
    return jobs.get(0);
  }

  private void fire(String timerId) {
    Job job = job(timerId);
    if (job.getDuedate().after(ClockUtil.getCurrentTime())) {
      ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 60_000));
    }
    managementService.executeJob(job.getId());
  }

  private Task managerTask() {
    return taskService.createTaskQuery().processDefinitionKey(ProgrammeProcess.KEY).tenantIdIn(project)
        .taskDefinitionKey(Elements.TASK_PROGRAMME_ENDING).singleResult();
  }

  /** Waits for the operation's worker to finish. */
  private ProjectOperation awaitDone(UUID id) {
    TestProjects.await(() -> !operations.find(project, id).isRunning(), Duration.ofSeconds(60));
    ProjectOperation operation = operations.find(project, id);
    assertThat(operation.status()).as("operation %s", id).isEqualTo("DONE");
    return operation;
  }

}
