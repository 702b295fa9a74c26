package org.erplab.pathways.pathway.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.LORENTEGGIO;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.endOf;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.rome;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.vars;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.erplab.pathways.deadline.domain.Deadline;
import org.erplab.pathways.deadline.domain.DeadlineRecords;
import org.erplab.pathways.participant.domain.IntakeRecords;
import org.erplab.pathways.pathway.domain.Pathway;
import org.erplab.pathways.pathway.domain.Placements;
import org.erplab.pathways.pathway.infrastructure.PlacementRecords.FollowUp;
import org.erplab.pathways.pathway.infrastructure.PlacementRecords.Hire;
import org.erplab.pathways.pathway.process.PlacementProcess.Elements;
import org.erplab.pathways.pathway.process.PlacementProcess.Variables;
import org.erplab.pathways.pathway.process.ProcessTestSupport.RegisteredPathway;
import org.erplab.pathways.support.ModelCoverage;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.ProjectParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The {@code placement} process on its own, started as the pathway's call activity will start it (business key,
 * pathwayId, operatorOrganisation) for a registered pathway, on the engine clock frozen on Monday 23 November 2026,
 * 10:00 in Rome: the search deadline of 180 calendar days falls on Saturday 22 May 2027, so on Monday 24 May.
 */
@PathwaysSpringTest
@ModelCoverage(PlacementProcess.KEY)
class PlacementProcessTest {

  private static final LocalDate SEARCH_DUE = LocalDate.of(2027, 5, 24);
  private static final String OPERATOR = "SOLCO";

  @Autowired ApplicationContext context;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired DeadlineRecords deadlines;
  @Autowired Placements placements;
  @Autowired IntakeRecords intakeRecords;
  @Autowired org.erplab.pathways.pathway.domain.PathwayClocks clocks;

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
  void shouldFollowAHireThatCountsAtThreeSixAndTwelveMonthsAndEndPlaced() {
    // given the stage started: the operator is asked for the hire, the search deadline counts from today
    Started placement = start();
    assertThat(placement.instance()).isWaitingAt(Elements.TASK_RECORD_PLACEMENT);
    assertThat(support.task(placement.id(), Elements.TASK_RECORD_PLACEMENT)).hasCandidateGroup(OPERATOR);
    assertThat(record(placement).stage()).isEqualTo(PlacementProcess.STAGE_PLACEMENT);
    Deadline search = deadline(placement, "PLACEMENT_SEARCH");
    assertThat(search.activityId()).isEqualTo(Elements.SUBPROCESS_SEARCH);
    assertThat(search.timerActivityId()).isEqualTo(Elements.TIMER_SEARCH_OVERDUE);
    assertThat(search.startsOn()).isEqualTo(LocalDate.of(2026, 11, 23));
    assertThat(support.timer(placement.id(), Elements.TIMER_SEARCH_OVERDUE).getDuedate()).isEqualTo(endOf(SEARCH_DUE));

    // when the operator records a permanent hire and the CPI confirms it
    recordHire(placement, "PERMANENT", "2026-12-01", null);
    assertThat(support.task(placement.id(), Elements.TASK_VERIFY_PLACEMENT)).hasCandidateGroup("cpi");
    verify(placement, true, null);

    // then it counts: the search deadline is met, the pathway is followed up at 3, 6 and 12 months from the start
    assertThat(placements.hires(placement.id())).singleElement().satisfies(h -> {
      assertThat(h.employerName()).isEqualTo("Logistica Lombarda Srl");
      assertThat(h.contractType()).isEqualTo("PERMANENT");
      assertThat(h.confirmed()).isTrue();
      assertThat(h.counts()).isTrue();
      assertThat(h.plannedDurationDays()).isNull();
      assertThat(h.weeklyHours()).isEqualTo(38);
    });
    assertThat(deadline(placement, "PLACEMENT_SEARCH").state()).isEqualTo("MET");
    assertThat(record(placement).stage()).isEqualTo(PlacementProcess.STAGE_FOLLOW_UP);
    assertThat(placements.followUps(placement.id())).extracting(f -> f.dueMonth() + ":" + f.dueOn() + ":" + f.state())
        .containsExactly("3:2027-03-01:PENDING", "6:2027-06-01:PENDING", "12:2027-12-01:PENDING");
    assertThat(placement.instance()).isWaitingAt(Elements.TIMER_FOLLOW_UP_DUE);
    assertThat(support.timer(placement.id(), Elements.TIMER_FOLLOW_UP_DUE).getDuedate())
        .isEqualTo(rome(LocalDateTime.of(2027, 3, 1, 0, 0)));

    // when each follow-up comes, on its day, and the operator answers it
    followUp(placement, true);
    assertThat(deadline(placement, "FOLLOW_UP").dueAt().toLocalDate()).isEqualTo(LocalDate.of(2027, 3, 15));
    assertThat(support.timer(placement.id(), Elements.TIMER_FOLLOW_UP_DUE).getDuedate())
        .isEqualTo(rome(LocalDateTime.of(2027, 6, 1, 0, 0)));
    followUp(placement, false);
    followUp(placement, true);

    // then the stage ends PLACED with every answer on record
    assertThat(placement.instance()).isEnded().hasPassed(Elements.END_PLACED);
    assertThat(support.historicVariables(placement.instance().getId()))
        .containsEntry(Variables.PLACEMENT_OUTCOME.name(), "PLACED");
    assertThat(placements.followUps(placement.id()))
        .extracting(f -> f.dueMonth() + ":" + f.state() + ":" + f.stillEmployed() + ":" + f.answeredOn())
        .containsExactly("3:ANSWERED:true:2027-03-01", "6:ANSWERED:false:2027-06-01", "12:ANSWERED:true:2027-12-01");
    assertThat(deadlines.ofPathway(placement.id())).extracting(Deadline::kind, Deadline::state)
        .filteredOn(t -> t.toList().get(0).equals("FOLLOW_UP")).hasSize(3)
        .allSatisfy(t -> assertThat(t.toList().get(1)).isEqualTo("MET"));
  }

  @Test
  void shouldSendAHireNotConfirmedBackToTheOperatorWithTheReasonInTheCaseNotesOnly() {
    Started placement = start();
    recordHire(placement, "PERMANENT", "2026-12-01", null);

    // a hire not confirmed needs its reason, at the engine's door
    assertThatThrownBy(() -> support.complete(placement.id(), Elements.TASK_VERIFY_PLACEMENT,
        vars(Variables.PLACEMENT_CONFIRMED.name(), false)))
        .hasMessageContaining(Variables.REJECTION_REASON.name());
    assertThatThrownBy(() -> support.complete(placement.id(), Elements.TASK_VERIFY_PLACEMENT, vars()))
        .hasMessageContaining(Variables.PLACEMENT_CONFIRMED.name());

    verify(placement, false, "nessuna comunicazione obbligatoria trovata");

    // back to the operator; the reason is in the case notes, never in the engine
    assertThat(placement.instance()).isWaitingAt(Elements.TASK_RECORD_PLACEMENT);
    assertThat(placements.hires(placement.id())).singleElement().satisfies(h -> {
      assertThat(h.confirmed()).isFalse();
      assertThat(h.counts()).isNull();
    });
    assertThat(intakeRecords.notes(placement.id())).extracting(IntakeRecords.CaseNote::text)
        .containsExactly("nessuna comunicazione obbligatoria trovata");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(placement.instance().getId())
        .variableName(Variables.REJECTION_REASON.name()).count()).isZero();
    assertThat(deadline(placement, "PLACEMENT_SEARCH").state()).isEqualTo("OPEN");

    // when the operator records it again and the CPI confirms it, it counts
    recordHire(placement, "APPRENTICESHIP", "2026-12-01", "2029-11-30");
    verify(placement, true, null);
    assertThat(placements.hires(placement.id())).extracting(Hire::attempt, Hire::confirmed, Hire::counts)
        .extracting(t -> t.toList().toString()).containsExactly("[1, false, null]", "[2, true, true]");
    assertThat(placement.instance()).isWaitingAt(Elements.TIMER_FOLLOW_UP_DUE);
  }

  @Test
  void shouldLetTheSearchGoOnWhenAHireDoesNotCount() {
    Started placement = start();

    // a fixed-term contract of 90 days does not count (placement-result: 180+ days)
    recordHire(placement, "FIXED_TERM", "2026-12-01", "2027-02-28");
    verify(placement, true, null);

    assertThat(placement.instance()).isWaitingAt(Elements.TASK_RECORD_PLACEMENT);
    assertThat(placements.hires(placement.id())).singleElement().satisfies(h -> {
      assertThat(h.plannedDurationDays()).isEqualTo(90);
      assertThat(h.counts()).isFalse();
    });
    assertThat(placements.followUps(placement.id())).isEmpty();
    assertThat(record(placement).stage()).isEqualTo(PlacementProcess.STAGE_PLACEMENT);
    // the same search deadline, counted from the stage's start
    assertThat(deadlines.ofPathway(placement.id())).filteredOn(d -> d.kind().equals("PLACEMENT_SEARCH")).hasSize(1);
    assertThat(support.timer(placement.id(), Elements.TIMER_SEARCH_OVERDUE).getDuedate()).isEqualTo(endOf(SEARCH_DUE));

    // a fixed-term contract of 180 days counts
    recordHire(placement, "FIXED_TERM", "2026-12-01", "2027-05-29");
    verify(placement, true, null);
    assertThat(placements.hires(placement.id())).extracting(Hire::plannedDurationDays).containsExactly(90, 180);
    assertThat(placement.instance()).isWaitingAt(Elements.TIMER_FOLLOW_UP_DUE);
  }

  @Test
  void shouldEndCompletedNotPlacedWhenTheSearchDeadlinePasses() {
    Started placement = start();
    recordHire(placement, "OTHER", "2026-12-01", null);

    support.fireTimer(placement.id(), Elements.TIMER_SEARCH_OVERDUE);

    assertThat(placement.instance()).isEnded().hasPassed(Elements.END_NOT_PLACED)
        .hasNotPassed(Elements.GATEWAY_FOLLOW_UPS);
    assertThat(support.historicVariables(placement.instance().getId()))
        .containsEntry(Variables.PLACEMENT_OUTCOME.name(), "COMPLETED_NOT_PLACED");
    assertThat(support.openTasks(placement.id())).isEmpty();
    assertThat(deadline(placement, "PLACEMENT_SEARCH").state()).isEqualTo("MISSED");
    assertThat(placements.hires(placement.id())).singleElement().satisfies(h -> assertThat(h.confirmed()).isNull());
  }

  @Test
  void shouldFileAFollowUpAsMissedWhenItsDeadlinePassesAndGoOnToTheNext() {
    Started placement = counting();
    support.fireTimer(placement.id(), Elements.TIMER_FOLLOW_UP_DUE);
    assertThat(support.timer(placement.id(), Elements.TIMER_FOLLOW_UP_OVERDUE).getDuedate())
        .isEqualTo(endOf(LocalDate.of(2027, 3, 15)));

    support.fireTimer(placement.id(), Elements.TIMER_FOLLOW_UP_OVERDUE);

    assertThat(placements.followUps(placement.id())).extracting(FollowUp::state)
        .containsExactly("MISSED", "PENDING", "PENDING");
    assertThat(deadline(placement, "FOLLOW_UP").state()).isEqualTo("MISSED");
    assertThat(placement.instance()).isWaitingAt(Elements.TIMER_FOLLOW_UP_DUE);
    assertThat(support.timer(placement.id(), Elements.TIMER_FOLLOW_UP_DUE).getDuedate())
        .isEqualTo(rome(LocalDateTime.of(2027, 6, 1, 0, 0)));
    assertThat(record(placement).status()).isEqualTo("ACTIVE");
  }

  @Test
  void shouldRefuseAHireThatBreaksTheRulesNamingTheFields() {
    Started placement = start();

    assertRefused(placement, hire("PERMANENT", "2027-02-22", null), Variables.START_DATE.name());
    assertRefused(placement, hire("FIXED_TERM", "2026-12-01", null), Variables.PLANNED_END_DATE.name());
    assertRefused(placement, hire("TEMPORARY_AGENCY", "2026-12-01", null), Variables.PLANNED_END_DATE.name());
    assertRefused(placement, hire("FIXED_TERM", "2026-12-01", "2026-12-01"), Variables.PLANNED_END_DATE.name());
    assertRefused(placement, hire("PERMANENT", "2026-12-01", "2027-12-01"), Variables.PLANNED_END_DATE.name());
    assertRefused(placement, with(hire("PERMANENT", "2026-12-01", null), Variables.WEEKLY_HOURS.name(), 0),
        Variables.WEEKLY_HOURS.name());
    assertRefused(placement, with(hire("PERMANENT", "2026-12-01", null), Variables.WEEKLY_HOURS.name(), 49),
        Variables.WEEKLY_HOURS.name());
    assertRefused(placement, with(hire("PERMANENT", "2026-12-01", null), Variables.CONTRACT_TYPE.name(), "INTERN"),
        Variables.CONTRACT_TYPE.name());
    assertRefused(placement, with(hire("PERMANENT", "2026-12-01", null), Variables.EMPLOYER_NAME.name(), " "),
        Variables.EMPLOYER_NAME.name());

    // the latest start allowed: 90 days ahead
    recordHire(placement, "PERMANENT", "2027-02-21", null);
    assertThat(placements.hires(placement.id())).hasSize(1);
  }

  @Test
  void shouldMoveTheSearchDeadlineByTheDaysThePathwayWasSuspended() {
    Started placement = start();

    // suspended on Monday 4 January 2027, resumed on Thursday 14 January: 10 calendar days
    ProcessTestSupport.setClock(LocalDateTime.of(2027, 1, 4, 10, 0));
    clocks.suspend(placement.id(), "ILLNESS", null, "operator.lorenteggio", null);
    assertThat(support.timer(placement.id(), Elements.TIMER_SEARCH_OVERDUE).isSuspended()).isTrue();
    ProcessTestSupport.setClock(LocalDateTime.of(2027, 1, 14, 10, 0));
    clocks.resume(placement.id(), "Guarita", "operator.lorenteggio", null);

    // the search deadline (record and timer) moves from Monday 24 May to Thursday 3 June 2027
    LocalDate moved = LocalDate.of(2027, 6, 3);
    Deadline search = deadline(placement, "PLACEMENT_SEARCH");
    assertThat(search.dueAt().toInstant()).isEqualTo(endOf(moved).toInstant());
    assertThat(search.shiftedCalendarDays()).isEqualTo(10);
    assertThat(support.timer(placement.id(), Elements.TIMER_SEARCH_OVERDUE).getDuedate()).isEqualTo(endOf(moved));
    assertThat(support.timer(placement.id(), Elements.TIMER_SEARCH_OVERDUE).isSuspended()).isFalse();
    recordHire(placement, "PERMANENT", "2027-02-01", null);
    assertThat(placement.instance()).isWaitingAt(Elements.TASK_VERIFY_PLACEMENT);
  }

  @Test
  void shouldTakeTheProjectsOwnFollowUpMonthsAndStartLimit() {
    try (var own = ProjectParameters.set(context, LORENTEGGIO, Placements.FOLLOW_UP_MONTHS, "12, 1",
        Placements.START_MAX_DAYS_AHEAD, "10")) {
      Started placement = start();
      assertRefused(placement, hire("PERMANENT", "2026-12-04", null), Variables.START_DATE.name());

      recordHire(placement, "PERMANENT", "2026-12-03", null);
      verify(placement, true, null);

      assertThat(placements.followUps(placement.id())).extracting(f -> f.dueMonth() + ":" + f.dueOn())
          .containsExactly("1:2027-01-03", "12:2027-12-03");
    }
  }

  @Test
  void shouldCancelTheStagesDeadlinesWhenThePathwayEndsItFromOutside() {
    // the pathway's withdrawal (and the programme's end) cancel the instances it calls: this is what reaches us
    Started placement = counting();
    support.fireTimer(placement.id(), Elements.TIMER_FOLLOW_UP_DUE);

    runtimeService.deleteProcessInstance(placement.instance().getId(), "withdrawn");

    assertThat(support.openTasks(placement.id())).isEmpty();
    assertThat(deadline(placement, "FOLLOW_UP").state()).isEqualTo("CANCELLED");
    assertThat(deadline(placement, "PLACEMENT_SEARCH").state()).isEqualTo("MET");
  }

  @Test
  void shouldCancelTheSearchDeadlineWhenTheSearchIsEndedFromOutside() {
    Started placement = start();

    runtimeService.deleteProcessInstance(placement.instance().getId(), "withdrawn");

    assertThat(deadline(placement, "PLACEMENT_SEARCH").state()).isEqualTo("CANCELLED");
  }

  // ---- helpers

  record Started(UUID id, ProcessInstance instance) {}

  private Started start() {
    RegisteredPathway pathway = support.registerPathway(LORENTEGGIO, Pathway.Channel.LAB);
    ProcessInstance instance = support.startDirectly(PlacementProcess.KEY, pathway, Map.of(
        PathwayProcess.Variables.PATHWAY_ID.name(), pathway.pathwayId().toString(),
        PathwayProcess.Variables.OPERATOR_ORGANISATION.name(), OPERATOR));
    return new Started(pathway.pathwayId(), instance);
  }

  /** A permanent hire recorded and confirmed: waiting for the first follow-up. */
  private Started counting() {
    Started placement = start();
    recordHire(placement, "PERMANENT", "2026-12-01", null);
    verify(placement, true, null);
    return placement;
  }

  private static Map<String, Object> hire(String contractType, String startDate, String plannedEndDate) {
    Map<String, Object> values = new java.util.HashMap<>(vars(Variables.EMPLOYER_NAME.name(), "Logistica Lombarda Srl",
        Variables.CONTRACT_TYPE.name(), contractType, Variables.START_DATE.name(), startDate,
        Variables.WEEKLY_HOURS.name(), 38));
    if (plannedEndDate != null) {
      values.put(Variables.PLANNED_END_DATE.name(), plannedEndDate);
    }
    return values;
  }

  private static Map<String, Object> with(Map<String, Object> values, String name, Object value) {
    return ProcessTestSupport.with(values, name, value);
  }

  private void recordHire(Started placement, String contractType, String startDate, String plannedEndDate) {
    support.complete(placement.id(), Elements.TASK_RECORD_PLACEMENT, hire(contractType, startDate, plannedEndDate));
  }

  private void assertRefused(Started placement, Map<String, Object> values, String field) {
    assertThatThrownBy(() -> support.complete(placement.id(), Elements.TASK_RECORD_PLACEMENT, values))
        .as("refused naming %s", field).hasMessageContaining(field);
    assertThat(placements.hires(placement.id())).isEmpty();
    assertThat(placement.instance()).isWaitingAt(Elements.TASK_RECORD_PLACEMENT);
  }

  private void verify(Started placement, boolean confirmed, String reason) {
    support.complete(placement.id(), Elements.TASK_VERIFY_PLACEMENT, reason == null
        ? vars(Variables.PLACEMENT_CONFIRMED.name(), confirmed)
        : vars(Variables.PLACEMENT_CONFIRMED.name(), confirmed, Variables.REJECTION_REASON.name(), reason));
  }

  /** The next follow-up's day comes; the operator answers on that day. */
  private void followUp(Started placement, boolean stillEmployed) {
    support.fireTimer(placement.id(), Elements.TIMER_FOLLOW_UP_DUE);
    assertThat(support.task(placement.id(), Elements.TASK_FOLLOW_UP)).hasCandidateGroup(OPERATOR);
    support.complete(placement.id(), Elements.TASK_FOLLOW_UP, vars(Variables.STILL_EMPLOYED.name(), stillEmployed));
  }

  /** The pathway's latest deadline of that kind. */
  private Deadline deadline(Started placement, String kind) {
    List<Deadline> of = deadlines.ofPathway(placement.id()).stream().filter(d -> d.kind().equals(kind)).toList();
    assertThat(of).as("%s deadlines", kind).isNotEmpty();
    return of.stream().max(java.util.Comparator.comparing(Deadline::createdAt)).orElseThrow();
  }

  private Pathway record(Started placement) {
    return support.record(placement.id());
  }
}
