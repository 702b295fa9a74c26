package org.erplab.pathways.pathway.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.LORENTEGGIO;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.endOf;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.interview;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.rome;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.setClock;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.vars;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.erplab.pathways.deadline.domain.Deadline;
import org.erplab.pathways.deadline.domain.DeadlineRecords;
import org.erplab.pathways.pathway.domain.Pathway;
import org.erplab.pathways.pathway.domain.PathwayClocks;
import org.erplab.pathways.pathway.domain.PathwayClosures;
import org.erplab.pathways.pathway.domain.PathwayExits;
import org.erplab.pathways.pathway.domain.SelfEmployment;
import org.erplab.pathways.pathway.infrastructure.SelfEmploymentRecords.CheckIn;
import org.erplab.pathways.pathway.process.SelfEmploymentProcess.Elements;
import org.erplab.pathways.pathway.process.SelfEmploymentProcess.Variables;
import org.erplab.pathways.support.ModelCoverage;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.ProjectParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The accompaniment to self-employment ({@code self-employment}), reached the real way: a LORENTEGGIO pathway handed to
 * SOLCO whose skills assessment chose SELF_EMPLOYMENT on Monday 23 November 2026 (engine clock, Rome). The
 * accompaniment starts that day: its check-ins fall on the 23rd of each following month, each due 10 working days
 * later (the first, on 23 December 2026, by 11 January 2027: Christmas, St Stephen, New Year and Epiphany skipped).
 */
@PathwaysSpringTest
@ModelCoverage(SelfEmploymentProcess.KEY)
class SelfEmploymentProcessTest {

  private static final LocalDate ACCOMPANIMENT_START = LocalDate.of(2026, 11, 23);

  @Autowired ApplicationContext context;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired SelfEmployment selfEmployment;
  @Autowired PathwayClosures closures;
  @Autowired PathwayExits exits;
  @Autowired PathwayClocks clocks;
  @Autowired DeadlineRecords deadlines;

  private ProcessTestSupport support;

  @BeforeEach
  void setUp() {
    support = ProcessTestSupport.onExampleDay(context);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    ProjectParameters.clear(context, LORENTEGGIO, SelfEmployment.MONTHS);
  }

  @Test
  void shouldCheckInEveryMonthForTwelveMonthsAndCloseAsPlacedWhenTheBusinessStarted() {
    // given: the operator starts the accompaniment
    UUID pathway = atSelfEmployment();
    Task start = support.task(pathway, Elements.TASK_START_ACCOMPANIMENT);
    assertThat(start).hasCandidateGroup("SOLCO");
    assertThat(start.getTenantId()).isEqualTo("LORENTEGGIO.SOLCO");
    startAccompaniment(pathway);
    assertThat(selfEmployment.of(pathway)).get().satisfies(a -> {
      assertThat(a.businessSector()).isEqualTo("FOOD_SERVICE");
      assertThat(a.plannedStart()).isEqualTo(LocalDate.of(2026, 12, 1));
      assertThat(a.startedOn()).isEqualTo(ACCOMPANIMENT_START);
      assertThat(a.months()).isEqualTo(12);
      assertThat(a.endsOn()).isEqualTo(LocalDate.of(2027, 11, 23));
      assertThat(a.operatorOrganisation()).isEqualTo("SOLCO");
    });

    // when / then: each month from the start, a check-in for the operator, due 10 working days later
    for (int month = 1; month <= 12; month++) {
      assertThat(support.timer(pathway, Elements.TIMER_CHECK_IN_DUE).getDuedate())
          .as("check-in %d", month).isEqualTo(rome(ACCOMPANIMENT_START.plusMonths(month).atStartOfDay()));
      support.fireTimer(pathway, Elements.TIMER_CHECK_IN_DUE);
      Task checkIn = support.task(pathway, Elements.TASK_CHECK_IN);
      assertThat(checkIn).hasCandidateGroup("SOLCO");
      if (month == 1) {
        assertThat(checkIn.getDueDate()).isEqualTo(endOf(LocalDate.of(2027, 1, 11)));
      }
      support.complete(pathway, Elements.TASK_CHECK_IN, vars(Variables.CHECK_IN_PROGRESS.name(),
          month % 2 == 0 ? "DELAYED" : "ON_TRACK", IntakeProcess.Variables.NOTE.name(), "idea ancora da rifinire"));
    }

    // then: twelve check-ins on record, their deadlines met; the outcome is asked, due 10 working days later
    List<CheckIn> checkIns = selfEmployment.checkIns(pathway);
    assertThat(checkIns).extracting(CheckIn::monthNumber).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    assertThat(checkIns).allSatisfy(c -> assertThat(c.status()).isEqualTo("DONE"));
    assertThat(checkIns.get(1).progress()).isEqualTo("DELAYED");
    assertThat(checkIns.get(11).scheduledOn()).isEqualTo(LocalDate.of(2027, 11, 23));
    assertThat(deadlines.ofPathway(pathway)).filteredOn(d -> d.kind().equals("SELF_EMPLOYMENT_CHECK_IN"))
        .hasSize(12).allSatisfy(d -> assertThat(d.state()).isEqualTo(Deadline.State.MET.name()));
    Task outcome = support.task(pathway, Elements.TASK_OUTCOME);
    assertThat(outcome.getDueDate()).isEqualTo(endOf(LocalDate.of(2027, 12, 9))); // 7 and 8 December skipped

    // when: the business started on 1 June 2027
    support.complete(pathway, Elements.TASK_OUTCOME, vars(Variables.BUSINESS_STARTED.name(), true,
        Variables.BUSINESS_START_DATE.name(), "2027-06-01"));

    // then: the placement-like fact, the pathway closed as PLACED, its closure filed
    assertThat(selfEmployment.of(pathway)).get().satisfies(a -> {
      assertThat(a.businessStarted()).isTrue();
      assertThat(a.businessStartDate()).isEqualTo(LocalDate.of(2027, 6, 1));
    });
    Pathway record = support.record(pathway);
    assertThat(record.outcome()).isEqualTo("PLACED");
    assertThat(record.status()).isEqualTo("CLOSED");
    assertThat(closures.of(pathway)).get().satisfies(c -> {
      assertThat(c.outcome()).isEqualTo("PLACED");
      assertThat(c.stageAtClosure()).isEqualTo("SELF_EMPLOYMENT");
    });
    assertThat(support.passedActivities(support.calledInstanceId(record.processInstanceId(), SelfEmploymentProcess.KEY)))
        .contains(Elements.END_BUSINESS_STARTED);
    // no free text in the engine: the notes went to the case notes only
    assertThat(support.historicVariables(support.calledInstanceId(record.processInstanceId(), SelfEmploymentProcess.KEY)))
        .containsEntry(Variables.BUSINESS_SECTOR.name(), "FOOD_SERVICE")
        .doesNotContainKey(IntakeProcess.Variables.NOTE.name());
  }

  @Test
  void shouldFileAMissedCheckInWhenItsDeadlinePassesAndGoOnToTheNextMonth() {
    UUID pathway = atSelfEmployment();
    startAccompaniment(pathway);
    support.fireTimer(pathway, Elements.TIMER_CHECK_IN_DUE);

    // when: 11 January 2027 ends without the check-in
    support.fireTimer(pathway, Elements.TIMER_CHECK_IN_OVERDUE);

    // then
    assertThat(selfEmployment.checkIns(pathway)).singleElement().satisfies(c -> {
      assertThat(c.monthNumber()).isEqualTo(1);
      assertThat(c.status()).isEqualTo("MISSED");
      assertThat(c.progress()).isNull();
    });
    assertThat(deadlines.ofPathway(pathway)).filteredOn(d -> d.kind().equals("SELF_EMPLOYMENT_CHECK_IN"))
        .singleElement().satisfies(d -> assertThat(d.state()).isEqualTo(Deadline.State.MISSED.name()));
    assertThat(support.openTasks(pathway)).isEmpty();
    assertThat(support.timer(pathway, Elements.TIMER_CHECK_IN_DUE).getDuedate())
        .isEqualTo(rome(LocalDate.of(2027, 1, 23).atStartOfDay()));
  }

  @Test
  void shouldCloseAsCompletedNotPlacedWhenTheBusinessDidNotStartAfterTheProjectsMonths() {
    // given: this project accompanies for 2 months
    ProjectParameters.set(context, LORENTEGGIO, SelfEmployment.MONTHS, "2");
    UUID pathway = atSelfEmployment();
    startAccompaniment(pathway);
    for (int month = 1; month <= 2; month++) {
      support.fireTimer(pathway, Elements.TIMER_CHECK_IN_DUE);
      support.complete(pathway, Elements.TASK_CHECK_IN, vars(Variables.CHECK_IN_PROGRESS.name(), "AT_RISK"));
    }

    // when: the outcome is asked; a start date without a business, or no answer, is refused
    assertThatThrownBy(() -> support.complete(pathway, Elements.TASK_OUTCOME, vars()))
        .hasMessageContaining(Variables.BUSINESS_STARTED.name());
    assertThatThrownBy(() -> support.complete(pathway, Elements.TASK_OUTCOME, vars(
        Variables.BUSINESS_STARTED.name(), false, Variables.BUSINESS_START_DATE.name(), "2027-01-10")))
        .hasMessageContaining(Variables.BUSINESS_START_DATE.name());
    support.complete(pathway, Elements.TASK_OUTCOME, vars(Variables.BUSINESS_STARTED.name(), false));

    // then
    assertThat(selfEmployment.checkIns(pathway)).hasSize(2);
    assertThat(selfEmployment.of(pathway)).get().satisfies(a -> {
      assertThat(a.months()).isEqualTo(2);
      assertThat(a.businessStarted()).isFalse();
      assertThat(a.businessStartDate()).isNull();
    });
    assertThat(support.record(pathway).outcome()).isEqualTo("COMPLETED_NOT_PLACED");
    assertThat(closures.of(pathway)).get().satisfies(c -> assertThat(c.outcome()).isEqualTo("COMPLETED_NOT_PLACED"));
  }

  @Test
  void shouldRefuseAStartedBusinessWithoutADayOrWithADayToCome() {
    ProjectParameters.set(context, LORENTEGGIO, SelfEmployment.MONTHS, "1");
    UUID pathway = atSelfEmployment();
    startAccompaniment(pathway);
    support.fireTimer(pathway, Elements.TIMER_CHECK_IN_DUE);
    support.complete(pathway, Elements.TASK_CHECK_IN, vars(Variables.CHECK_IN_PROGRESS.name(), "ON_TRACK"));

    assertThatThrownBy(() -> support.complete(pathway, Elements.TASK_OUTCOME,
        vars(Variables.BUSINESS_STARTED.name(), true))).hasMessageContaining(Variables.BUSINESS_START_DATE.name());
    for (String day : List.of("2027-01-10", "2026-11-22")) { // after today (23 December 2026), before the start
      assertThatThrownBy(() -> support.complete(pathway, Elements.TASK_OUTCOME, vars(Variables.BUSINESS_STARTED.name(),
          true, Variables.BUSINESS_START_DATE.name(), day))).hasMessageContaining(Variables.BUSINESS_START_DATE.name());
    }
    assertThat(support.task(pathway, Elements.TASK_OUTCOME)).isNotNull();
  }

  @Test
  void shouldRefuseToStartWithoutASectorCodeOrWithAPlannedStartInThePast() {
    UUID pathway = atSelfEmployment();

    assertThatThrownBy(() -> support.complete(pathway, Elements.TASK_START_ACCOMPANIMENT,
        vars(Variables.PLANNED_START_DATE.name(), "2027-03-01"))).hasMessageContaining(Variables.BUSINESS_SECTOR.name());
    assertThatThrownBy(() -> support.complete(pathway, Elements.TASK_START_ACCOMPANIMENT,
        vars(Variables.BUSINESS_SECTOR.name(), "una pizzeria in via Giambellino",
            Variables.PLANNED_START_DATE.name(), "2027-03-01"))).hasMessageContaining(Variables.BUSINESS_SECTOR.name());
    assertThatThrownBy(() -> support.complete(pathway, Elements.TASK_START_ACCOMPANIMENT,
        vars(Variables.BUSINESS_SECTOR.name(), "FOOD_SERVICE", Variables.PLANNED_START_DATE.name(), "2026-11-20")))
        .hasMessageContaining(Variables.PLANNED_START_DATE.name());
    assertThat(selfEmployment.of(pathway)).isEmpty();
  }

  @Test
  void shouldMoveTheOpenCheckInsDeadlineByTheWorkingDaysOfASuspension() {
    // given: the first check-in open since 23 December 2026, due 11 January 2027
    UUID pathway = atSelfEmployment();
    startAccompaniment(pathway);
    support.fireTimer(pathway, Elements.TIMER_CHECK_IN_DUE);

    // when: suspended on 23 December, resumed on 30 December (23, 24, 28 and 29 December: 4 working days)
    setClock(LocalDateTime.of(2026, 12, 23, 9, 0));
    clocks.suspend(pathway, "ILLNESS", null, "operator.lorenteggio", null);
    setClock(LocalDateTime.of(2026, 12, 30, 9, 0));
    clocks.resume(pathway, "Rientrata", "operator.lorenteggio", null);

    // then: the check-in, its deadline record and its boundary timer are due 4 working days later, on 15 January
    assertThat(support.task(pathway, Elements.TASK_CHECK_IN).getDueDate()).isEqualTo(endOf(LocalDate.of(2027, 1, 15)));
    assertThat(support.timer(pathway, Elements.TIMER_CHECK_IN_OVERDUE).getDuedate())
        .isEqualTo(endOf(LocalDate.of(2027, 1, 15)));
    assertThat(deadlines.ofPathway(pathway)).filteredOn(d -> d.kind().equals("SELF_EMPLOYMENT_CHECK_IN"))
        .singleElement().satisfies(d -> assertThat(d.shiftedWorkingDays()).isEqualTo(4));
  }

  @Test
  void shouldCloseTheAccompanimentWhereItStandsWhenThePersonWithdraws() {
    UUID pathway = atSelfEmployment();
    startAccompaniment(pathway);
    support.fireTimer(pathway, Elements.TIMER_CHECK_IN_DUE);
    String called = support.calledInstanceId(support.record(pathway).processInstanceId(), SelfEmploymentProcess.KEY);

    exits.withdraw(pathway, "MOVED", LocalDate.of(2026, 12, 23), "operator.lorenteggio");

    Pathway record = support.record(pathway);
    assertThat(record.outcome()).isEqualTo("WITHDRAWN");
    assertThat(record.stage()).isEqualTo("SELF_EMPLOYMENT");
    assertThat(support.openTasks(pathway)).isEmpty();
    assertThat(managementService.createJobQuery().processInstanceId(called).count()).isZero();
    assertThat(deadlines.ofPathway(pathway)).filteredOn(d -> d.kind().equals("SELF_EMPLOYMENT_CHECK_IN"))
        .singleElement().satisfies(d -> assertThat(d.state()).isEqualTo(Deadline.State.CANCELLED.name()));
    assertThat(closures.of(pathway)).get().satisfies(c -> {
      assertThat(c.outcome()).isEqualTo("WITHDRAWN");
      assertThat(c.stageAtClosure()).isEqualTo("SELF_EMPLOYMENT");
    });
  }

  // ---- helpers

  private void startAccompaniment(UUID pathway) {
    support.complete(pathway, Elements.TASK_START_ACCOMPANIMENT, vars(Variables.BUSINESS_SECTOR.name(), "FOOD_SERVICE",
        Variables.PLANNED_START_DATE.name(), "2026-12-01", IntakeProcess.Variables.NOTE.name(), "pizzeria da asporto"));
  }

  /** A LORENTEGGIO pathway handed to SOLCO, assessed SELF_EMPLOYMENT: the accompaniment waits to be started. */
  private UUID atSelfEmployment() {
    UUID pathway = support.startPathway(LORENTEGGIO, Pathway.Channel.LAB).pathwayId();
    support.complete(pathway, IntakeProcess.Elements.TASK_INTAKE_INTERVIEW, interview());
    support.complete(pathway, PathwayProcess.Elements.TASK_ASSIGN_OPERATOR,
        vars(PathwayProcess.Variables.OPERATOR_ORGANISATION.name(), "SOLCO"));
    support.complete(pathway, HandoverProcess.Elements.TASK_FIRST_APPOINTMENT,
        vars(HandoverProcess.Variables.APPOINTMENT_DATE.name(), "2026-11-25"));
    support.complete(pathway, AssessmentProcess.Elements.TASK_SKILLS_ASSESSMENT, assessment());
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processInstanceId(support.record(pathway).processInstanceId()).singleResult();
    assertThat(instance).isWaitingAtExactly(PathwayProcess.Elements.CALL_SELF_EMPLOYMENT);
    return pathway;
  }

  private static Map<String, Object> assessment() {
    return vars(AssessmentProcess.Variables.ORIENTATION_HOURS.name(), 12,
        AssessmentProcess.Variables.READY_FOR_WORK.name(), true,
        AssessmentProcess.Variables.NEEDS_SOCIAL_SUPPORT.name(), false,
        AssessmentProcess.Variables.SELF_EMPLOYMENT_INTEREST.name(), true,
        AssessmentProcess.Variables.EQF_LEVEL.name(), 3,
        AssessmentProcess.Variables.AVAILABILITY.name(), "FULL_TIME");
  }
}
