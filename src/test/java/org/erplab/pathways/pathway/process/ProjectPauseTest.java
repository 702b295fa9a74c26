package org.erplab.pathways.pathway.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.setClock;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.deadline.domain.Deadline;
import org.erplab.pathways.deadline.domain.DeadlineRecords;
import org.erplab.pathways.pathway.domain.Pathway.Channel;
import org.erplab.pathways.pathway.domain.PathwayClocks;
import org.erplab.pathways.pathway.domain.PathwayExits;
import org.erplab.pathways.programme.domain.ProjectOperation;
import org.erplab.pathways.programme.domain.ProjectOperations;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.TestProjects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The project-wide pause (the seeds' lockdown) over 1,000 pathways of a project of the test's own: one request, the
 * operation working in batches; each pathway suspended (its instances and its task), then resumed and shifted by the
 * working days the pause covered; a pathway suspended on its own stays suspended; one withdrawn during the pause is
 * skipped. From Monday 23 November to Thursday 3 December 2026: 8 working days (no holiday in between).
 */
@PathwaysSpringTest
class ProjectPauseTest {

  static final int PATHWAYS = 1_000;

  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;
  @Autowired ProjectOperations operations;
  @Autowired PathwayClocks clocks;
  @Autowired PathwayExits exits;
  @Autowired DeadlineRecords deadlines;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  private ProcessTestSupport support;

  @BeforeEach
  void setUp() {
    support = ProcessTestSupport.onExampleDay(context);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldPauseAThousandPathwaysWithOneRequestAndResumeThemShifted() {
    // given
    String project = TestProjects.create(jdbc, "T", LocalDate.of(2027, 6, 30));
    List<UUID> pathways = new ArrayList<>();
    for (int i = 0; i < PATHWAYS; i++) {
      pathways.add(support.startPathway(project, Channel.LAB).pathwayId());
    }
    UUID ownSuspension = pathways.get(1);
    clocks.suspend(ownSuspension, "ILLNESS", null, "cpi.milano", null);
    Deadline before = deadlines.openOfPathway(pathways.get(0)).get(0);

    // when: paused on Monday 23 November
    ProjectOperation pause = operations.pause(project, "PROGRAMME_PAUSE", LocalDate.of(2026, 12, 3), "manager");

    // then
    assertThat(pause.total()).isEqualTo(PATHWAYS);
    ProjectOperation paused = awaitDone(project, pause.id());
    assertThat(paused.done()).isEqualTo(PATHWAYS);
    assertThat(count("select count(*) from pathway where project_code = ? and status = 'SUSPENDED'", project))
        .isEqualTo(PATHWAYS);
    assertThat(count("select count(*) from pathway_suspension where project_operation_id = ? and resumed_at is null",
        pause.id())).isEqualTo(PATHWAYS);
    assertThat(runtimeService.createProcessInstanceQuery().tenantIdIn(project).active().count()).isZero();
    assertThat(taskService.createTaskQuery().tenantIdIn(project).active().count()).isZero();

    // when: one participant withdraws during the pause; the project resumes on Thursday 3 December
    UUID withdrawn = pathways.get(2);
    exits.withdraw(withdrawn, "MOVED", LocalDate.of(2026, 11, 23), "lab.lorenteggio");
    setClock(LocalDateTime.of(2026, 12, 3, 9, 0));
    ProjectOperation resume = operations.resume(project, "Fine della sospensione", "manager");

    // then: every other pathway is active, its deadline 8 working days later; the own suspension stays
    assertThat(resume.total()).isEqualTo(PATHWAYS - 1);
    ProjectOperation resumed = awaitDone(project, resume.id());
    assertThat(resumed.done()).isEqualTo(PATHWAYS - 1);
    assertThat(resumed.failed()).isZero();
    assertThat(count("select count(*) from pathway where project_code = ? and status = 'ACTIVE'", project))
        .isEqualTo(PATHWAYS - 2);
    assertThat(support.record(ownSuspension).status()).isEqualTo("SUSPENDED");
    assertThat(support.record(withdrawn).outcome()).isEqualTo("WITHDRAWN");
    Deadline after = deadlines.openOfPathway(pathways.get(0)).get(0);
    assertThat(after.shiftedWorkingDays()).isEqualTo(8);
    LocalDate dueBefore = before.dueAt().atZoneSameInstant(EngineClock.ZONE).toLocalDate();
    assertThat(after.dueAt().atZoneSameInstant(EngineClock.ZONE).toLocalDate())
        .isEqualTo(dueBefore.plusDays(12)); // 8 working days: two weekends on the way
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(pathways.get(0).toString()).singleResult()
        .getDueDate().toInstant()).isEqualTo(after.dueAt().toInstant());
    assertThat(count("select count(*) from deadline where project_code = ? and state = 'OPEN' "
        + "and shifted_working_days = 8", project)).isEqualTo(PATHWAYS - 2);
  }

  private long count(String sql, Object param) {
    return jdbc.sql(sql).param(param).query(Long.class).single();
  }

  private ProjectOperation awaitDone(String project, UUID id) {
    TestProjects.await(() -> !operations.find(project, id).isRunning(), Duration.ofMinutes(5));
    ProjectOperation operation = operations.find(project, id);
    assertThat(operation.status()).as("operation %s", id).isEqualTo("DONE");
    return operation;
  }
}
