package org.erplab.pathways.pathway.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.CPI;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.LORENTEGGIO;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.endOf;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.interview;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.setClock;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.vars;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.deadline.domain.Deadline;
import org.erplab.pathways.deadline.domain.DeadlineRecords;
import org.erplab.pathways.participant.domain.IntakeRecords;
import org.erplab.pathways.pathway.domain.Internship;
import org.erplab.pathways.pathway.domain.Pathway;
import org.erplab.pathways.pathway.domain.Pathway.Channel;
import org.erplab.pathways.pathway.domain.PathwayClocks;
import org.erplab.pathways.pathway.domain.PathwayExits;
import org.erplab.pathways.pathway.domain.Plans;
import org.erplab.pathways.pathway.domain.PathwayService.StartedPathway;
import org.erplab.pathways.pathway.infrastructure.InternshipRecords.Agreement;
import org.erplab.pathways.support.ModelCoverage;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The {@code internship} process, called by the pathway after a training whose plan foresees an internship. The
 * engine clock starts on Monday 23 November 2026; the trainee (EQF 3, no vulnerability) may do 2 to 6 months
 * (decision internship-cap); the agreement runs 3 months from 1 December 2026, to 28 February 2027.
 */
@PathwaysSpringTest
@ModelCoverage(InternshipProcess.KEY)
class InternshipProcessTest {

  private static final LocalDate START = LocalDate.of(2026, 12, 1);
  private static final LocalDate PLANNED_END = LocalDate.of(2027, 2, 28);

  @Autowired ApplicationContext context;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired Plans plans;
  @Autowired Internship internship;
  @Autowired PathwayClocks clocks;
  @Autowired PathwayExits exits;
  @Autowired DeadlineRecords deadlines;
  @Autowired IntakeRecords intakeRecords;

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
  void shouldAskTheOperatorForTheAgreementWithinTheCapOfTheDecision() {
    // given: the training is done, the plan foresees an internship
    Started pathway = atInternship();

    // then: the operator writes the agreement; the cap on record, no decision input left in the engine
    assertThat(pathway.instance()).isWaitingAtExactly(PathwayProcess.Elements.CALL_INTERNSHIP);
    Task task = support.task(pathway.id(), InternshipProcess.Elements.TASK_INTERNSHIP_AGREEMENT);
    assertThat(task).hasCandidateGroup("SOLCO");
    assertThat(task.getTenantId()).isEqualTo("LORENTEGGIO.SOLCO");
    assertThat(record(pathway).stage()).isEqualTo("INTERNSHIP");
    Agreement cap = internship.agreement(pathway.id()).orElseThrow();
    assertThat(cap.maxMonths()).isEqualTo(6);
    assertThat(cap.minMonths()).isEqualTo(2);
    assertThat(cap.state()).isEqualTo("AGREEMENT");
    assertThat(support.historicVariables(internshipInstanceId(pathway))).doesNotContainKeys(
        InternshipProcess.Variables.DISABLED.name(), InternshipProcess.Variables.DISADVANTAGED.name(),
        InternshipProcess.Variables.INTERNSHIP_CAP.name());

    // when: the task is completed before the agreement is written: refused, naming the field
    assertThatThrownBy(() -> confirm(pathway)).hasMessageContaining(
        InternshipProcess.Variables.AGREEMENT_CONFIRMED.name());

    // and: 7 or 1 months are beyond the cap, a weekly hours above the parameter refused, naming the fields
    assertThat(internship.check(record(pathway), cap, terms(7, "30"))).extracting(e -> e.field())
        .containsExactly("plannedMonths");
    assertThat(internship.check(record(pathway), cap, terms(1, "41"))).extracting(e -> e.field())
        .containsExactly("plannedMonths", "weeklyHours");
    assertThat(internship.check(record(pathway), cap,
        new Internship.Terms(" ", null, "x".repeat(201), LocalDate.of(2026, 11, 1), null, null)))
        .extracting(e -> e.field())
        .containsExactly("host", "promoter", "tutor", "startDate", "plannedMonths", "weeklyHours");
  }

  @Test
  void shouldGiveTwelveMonthsToADisadvantagedTraineeFromTheRegistryOnly() {
    Started pathway = atInternship(List.of("FORMER_DETAINEE"));

    assertThat(internship.agreement(pathway.id()).orElseThrow().maxMonths()).isEqualTo(12);
    assertThat(internship.agreement(pathway.id()).orElseThrow().minMonths()).isZero();
    assertThat(support.historicVariables(internshipInstanceId(pathway)))
        .doesNotContainKeys(InternshipProcess.Variables.DISADVANTAGED.name());
  }

  @Test
  void shouldCompleteTheInternshipAtTheEndOfItsLastDayAndGoOnToThePlacement() {
    // given
    Started pathway = running();
    assertThat(calledInstance(pathway)).isWaitingAt(InternshipProcess.Elements.TASK_INTERNSHIP_RUNNING);
    assertThat(support.timer(pathway.id(), InternshipProcess.Elements.TIMER_INTERNSHIP_END).getDuedate())
        .isEqualTo(endOf(PLANNED_END));
    assertThat(endDeadline(pathway)).satisfies(d -> {
      assertThat(d.basis()).isEqualTo("MONTHS");
      assertThat(d.lengthValue()).isEqualTo(3);
      assertThat(d.startsOn()).isEqualTo(START);
    });
    assertThat(internship.agreement(pathway.id()).orElseThrow().state()).isEqualTo("RUNNING");

    // when
    support.fireTimer(pathway.id(), InternshipProcess.Elements.TIMER_INTERNSHIP_END);

    // then
    assertThat(pathway.instance()).isWaitingAt(PathwayProcess.Elements.CALL_PLACEMENT)
        .hasPassed(PathwayProcess.Elements.CALL_INTERNSHIP, PathwayProcess.Elements.GATEWAY_JOIN_PLACEMENT);
    assertThat(record(pathway).stage()).isEqualTo("PLACEMENT");
    assertThat(record(pathway).status()).isEqualTo("ACTIVE");
    Agreement ended = internship.agreement(pathway.id()).orElseThrow();
    assertThat(ended.state()).isEqualTo("COMPLETED");
    assertThat(ended.endDate()).isEqualTo(PLANNED_END);
    assertThat(deadlines.ofPathway(pathway.id())).filteredOn(d -> d.kind().equals("INTERNSHIP_END"))
        .singleElement().satisfies(d -> assertThat(d.state()).isEqualTo("MET"));
    assertThat(support.historicVariables(pathway.instance().getId()))
        .containsEntry(InternshipProcess.Variables.INTERNSHIP_OUTCOME.name(), "COMPLETED");
  }

  @Test
  void shouldMoveTheEndWhenTheCpiApprovesAnExtension() {
    // given
    Started pathway = running();

    // when: the operator asks for 2 more months
    internship.requestExtension(record(pathway), 2, "completare il modulo di magazzino", "operator.lorenteggio");

    // then: the CPI decides, seeing the months
    Task approval = support.task(pathway.id(), InternshipProcess.Elements.TASK_APPROVE_EXTENSION);
    assertThat(approval).hasCandidateGroup(CPI);
    assertThat(runtimeService.getVariable(approval.getExecutionId(),
        InternshipProcess.Variables.EXTENSION_MONTHS.name())).isEqualTo(2);
    assertThat(runtimeService.getVariable(approval.getExecutionId(),
        InternshipProcess.Variables.INTERNSHIP_END_DATE.name())).isEqualTo("2027-02-28");
    assertThat(runtimeService.getVariable(approval.getExecutionId(),
        InternshipProcess.Variables.EXTENSION_MONTHS_LEFT.name())).isEqualTo(3);
    assertThatThrownBy(() -> internship.requestExtension(record(pathway), 1, "ancora", "operator.lorenteggio"))
        .isInstanceOf(ApiException.class).hasMessageContaining("waiting");

    // when: approved
    support.complete(pathway.id(), InternshipProcess.Elements.TASK_APPROVE_EXTENSION,
        vars(InternshipProcess.Variables.EXTENSION_APPROVED.name(), true));

    // then: 5 months from 1 December: to 30 April 2027, the timer with it; still running
    assertThat(support.timer(pathway.id(), InternshipProcess.Elements.TIMER_INTERNSHIP_END).getDuedate())
        .isEqualTo(endOf(LocalDate.of(2027, 4, 30)));
    assertThat(endDeadline(pathway).dueAt().toLocalDate()).isEqualTo(LocalDate.of(2027, 4, 30));
    assertThat(calledInstance(pathway)).isWaitingAt(InternshipProcess.Elements.TASK_INTERNSHIP_RUNNING);
    assertThat(internship.extensions(pathway.id())).singleElement().satisfies(e -> {
      assertThat(e.decision()).isEqualTo("APPROVED");
      assertThat(e.endBefore()).isEqualTo(PLANNED_END);
      assertThat(e.endAfter()).isEqualTo(LocalDate.of(2027, 4, 30));
    });
    Agreement agreement = internship.agreement(pathway.id()).orElseThrow();
    assertThat(internship.agreedMonths(agreement)).isEqualTo(5);
    assertThat(internship.monthsLeft(agreement)).isEqualTo(1);

    // when: the end comes
    support.fireTimer(pathway.id(), InternshipProcess.Elements.TIMER_INTERNSHIP_END);

    // then
    assertThat(internship.agreement(pathway.id()).orElseThrow().endDate()).isEqualTo(LocalDate.of(2027, 4, 30));
    assertThat(record(pathway).stage()).isEqualTo("PLACEMENT");
  }

  @Test
  void shouldKeepTheEndWhenTheCpiRejectsAnExtensionWithTheReasonInTheCaseNotesOnly() {
    Started pathway = running();
    internship.requestExtension(record(pathway), 1, "recuperare assenze", "operator.lorenteggio");

    // a rejection needs its reason
    assertThatThrownBy(() -> support.complete(pathway.id(), InternshipProcess.Elements.TASK_APPROVE_EXTENSION,
        vars(InternshipProcess.Variables.EXTENSION_APPROVED.name(), false)))
        .hasMessageContaining(PlanProcess.Variables.REJECTION_REASON.name());
    support.complete(pathway.id(), InternshipProcess.Elements.TASK_APPROVE_EXTENSION,
        vars(InternshipProcess.Variables.EXTENSION_APPROVED.name(), false,
            PlanProcess.Variables.REJECTION_REASON.name(), "assenze non giustificate"));

    assertThat(support.timer(pathway.id(), InternshipProcess.Elements.TIMER_INTERNSHIP_END).getDuedate())
        .isEqualTo(endOf(PLANNED_END));
    assertThat(internship.extensions(pathway.id())).singleElement()
        .satisfies(e -> assertThat(e.decision()).isEqualTo("REJECTED"));
    assertThat(intakeRecords.notes(pathway.id())).anySatisfy(n -> {
      assertThat(n.taskKey()).isEqualTo(InternshipProcess.Elements.TASK_APPROVE_EXTENSION);
      assertThat(n.text()).isEqualTo("assenze non giustificate");
    });
    assertThat(support.historicVariables(internshipInstanceId(pathway)))
        .doesNotContainKey(PlanProcess.Variables.REJECTION_REASON.name());
    assertThat(passedInInternship(pathway)).contains(InternshipProcess.Elements.END_EXTENSION_REJECTED);
  }

  @Test
  void shouldRefuseAnExtensionBeyondTheCapAndChangeNothing() {
    // given: 3 months agreed of at most 6
    Started pathway = running();

    // when / then: 4 more months are refused, naming the field
    assertThatThrownBy(() -> internship.requestExtension(record(pathway), 4, "più tempo", "operator.lorenteggio"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status().value()).isEqualTo(400);
          assertThat(e.getMessage() + e.errors()).contains("months").contains("at most 3 more");
        });
    assertThat(internship.extensions(pathway.id())).isEmpty();
    assertThat(support.openTasks(pathway.id())).isEmpty();
    assertThat(support.timer(pathway.id(), InternshipProcess.Elements.TIMER_INTERNSHIP_END).getDuedate())
        .isEqualTo(endOf(PLANNED_END));
  }

  @Test
  void shouldMoveTheEndWithoutConsumingTheCapWhenTheTraineeIsOnMaternityLeave() {
    // given: running; suspended for maternity from 4 January to 5 March 2027 (60 days)
    Started pathway = running();
    setClock(LocalDateTime.of(2027, 1, 4, 9, 0));
    clocks.suspend(pathway.id(), "MATERNITY", null, "operator.lorenteggio", null);
    setClock(LocalDateTime.of(2027, 3, 5, 9, 0));
    clocks.resume(pathway.id(), null, "operator.lorenteggio", null);

    // then: the end moved by 60 days (29 April 2027, a Thursday), the timer with it; the cap is untouched
    assertThat(support.timer(pathway.id(), InternshipProcess.Elements.TIMER_INTERNSHIP_END).getDuedate())
        .isEqualTo(endOf(LocalDate.of(2027, 4, 29)));
    Agreement agreement = internship.agreement(pathway.id()).orElseThrow();
    assertThat(internship.suspendedDays(agreement)).isEqualTo(new Internship.SuspendedDays(0, 60));
    assertThat(internship.monthsLeft(agreement)).isEqualTo(3);

    // when: the operator asks for the 3 months left, the CPI approves
    internship.requestExtension(record(pathway), 3, "recupero dopo la maternità", "operator.lorenteggio");
    support.complete(pathway.id(), InternshipProcess.Elements.TASK_APPROVE_EXTENSION,
        vars(InternshipProcess.Variables.EXTENSION_APPROVED.name(), true));

    // then: 6 months agreed and the 60 days on top (1 December + 6 months - 1 day = 31 May, + 60 days = 30 July)
    assertThat(support.timer(pathway.id(), InternshipProcess.Elements.TIMER_INTERNSHIP_END).getDuedate())
        .isEqualTo(endOf(LocalDate.of(2027, 7, 30)));
    assertThat(internship.monthsLeft(internship.agreement(pathway.id()).orElseThrow())).isZero();
  }

  @Test
  void shouldCountShortIllnessAndPersonalSuspensionsTowardTheCap() {
    // given: running; ill 20 days (below internshipIllnessMinDays, 30) then away 40 days for personal reasons
    Started pathway = running();
    setClock(LocalDateTime.of(2026, 12, 7, 9, 0));
    clocks.suspend(pathway.id(), "ILLNESS", null, "operator.lorenteggio", null);
    setClock(LocalDateTime.of(2026, 12, 27, 9, 0));
    clocks.resume(pathway.id(), null, "operator.lorenteggio", null);
    setClock(LocalDateTime.of(2027, 1, 4, 9, 0));
    clocks.suspend(pathway.id(), "PERSONAL", null, "operator.lorenteggio", null);
    setClock(LocalDateTime.of(2027, 2, 13, 9, 0));
    clocks.resume(pathway.id(), null, "operator.lorenteggio", null);

    // then: 60 days count: 3 agreed months + 60 days leave room for one more month (to 31 May at the latest)
    Agreement agreement = internship.agreement(pathway.id()).orElseThrow();
    assertThat(internship.suspendedDays(agreement)).isEqualTo(new Internship.SuspendedDays(60, 0));
    assertThat(internship.monthsLeft(agreement)).isEqualTo(1);
    assertThatThrownBy(() -> internship.requestExtension(record(pathway), 2, "più tempo", "operator.lorenteggio"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors()).singleElement()
            .satisfies(f -> assertThat(f.field()).isEqualTo("months")));
  }

  @Test
  void shouldGoOnToThePlacementWhenTheTraineeIsHiredBeforeTheEnd() {
    // given: running, an extension request pending
    Started pathway = running();
    internship.requestExtension(record(pathway), 1, "recuperare assenze", "operator.lorenteggio");
    setClock(LocalDateTime.of(2027, 1, 15, 9, 0));

    // when
    internship.terminate(record(pathway), "HIRED", LocalDate.of(2027, 1, 15), "operator.lorenteggio");

    // then: the stage ends with its reason, the request cancelled, the end deadline cancelled, on to the placement
    assertThat(pathway.instance()).isWaitingAt(PathwayProcess.Elements.CALL_PLACEMENT)
        .hasPassed(PathwayProcess.Elements.GATEWAY_JOIN_PLACEMENT);
    assertThat(passedInInternship(pathway)).contains(InternshipProcess.Elements.END_TERMINATION_RECEIVED,
        InternshipProcess.Elements.END_TERMINATED);
    assertThat(record(pathway).stage()).isEqualTo("PLACEMENT");
    Agreement ended = internship.agreement(pathway.id()).orElseThrow();
    assertThat(ended.state()).isEqualTo("TERMINATED");
    assertThat(ended.terminationReason()).isEqualTo("HIRED");
    assertThat(ended.endDate()).isEqualTo(LocalDate.of(2027, 1, 15));
    assertThat(internship.extensions(pathway.id())).singleElement()
        .satisfies(e -> assertThat(e.decision()).isEqualTo("CANCELLED"));
    assertThat(deadlines.ofPathway(pathway.id())).filteredOn(d -> d.kind().equals("INTERNSHIP_END"))
        .singleElement().satisfies(d -> assertThat(d.state()).isEqualTo("CANCELLED"));
    assertThat(support.openTasks(pathway.id())).extracting(org.camunda.bpm.engine.task.Task::getTaskDefinitionKey)
        .containsExactly(PlacementProcess.Elements.TASK_RECORD_PLACEMENT);
    assertThat(support.historicVariables(pathway.instance().getId()))
        .containsEntry(InternshipProcess.Variables.INTERNSHIP_OUTCOME.name(), "TERMINATED");
  }

  @Test
  void shouldCloseThePathwayAsWithdrawnWhenTheTraineeLeavesTheInternship() {
    Started pathway = running();
    setClock(LocalDateTime.of(2027, 1, 15, 9, 0));

    // a reason and a day are checked first
    assertThatThrownBy(() -> internship.terminate(record(pathway), "BORED", LocalDate.of(2027, 1, 16), "operator"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors().toString())
            .contains("reason").contains("date"));

    internship.terminate(record(pathway), "WITHDRAWN", LocalDate.of(2027, 1, 14), "operator.lorenteggio");

    assertThat(pathway.instance()).isEnded().hasPassed(PathwayProcess.Elements.END_WITHDRAWN);
    assertThat(record(pathway).outcome()).isEqualTo("WITHDRAWN");
    assertThat(record(pathway).status()).isEqualTo("CLOSED");
    Agreement ended = internship.agreement(pathway.id()).orElseThrow();
    assertThat(ended.state()).isEqualTo("TERMINATED");
    assertThat(ended.terminationReason()).isEqualTo("WITHDRAWN");
    assertThat(ended.endDate()).isEqualTo(LocalDate.of(2027, 1, 14));
  }

  @Test
  void shouldCloseTheInternshipWhereItStandsWhenThePersonWithdraws() {
    Started pathway = running();
    internship.requestExtension(record(pathway), 1, "recuperare assenze", "operator.lorenteggio");

    exits.withdraw(pathway.id(), "MOVED", LocalDate.of(2026, 11, 23), "operator.lorenteggio");

    assertThat(pathway.instance()).isEnded().hasPassed(PathwayProcess.Elements.END_WITHDRAWN);
    assertThat(record(pathway).stage()).isEqualTo("INTERNSHIP");
    assertThat(record(pathway).outcome()).isEqualTo("WITHDRAWN");
    assertThat(support.openTasks(pathway.id())).isEmpty();
    assertThat(managementService.createJobQuery().processInstanceId(internshipInstanceId(pathway)).count()).isZero();
    assertThat(deadlines.ofPathway(pathway.id())).filteredOn(d -> d.kind().equals("INTERNSHIP_END"))
        .singleElement().satisfies(d -> assertThat(d.state()).isEqualTo("CANCELLED"));
    assertThat(internship.agreement(pathway.id()).orElseThrow().state()).isEqualTo("CANCELLED");
    assertThat(internship.extensions(pathway.id())).singleElement()
        .satisfies(e -> assertThat(e.decision()).isEqualTo("CANCELLED"));
  }

  @Test
  void shouldRefuseExtensionsAndTerminationsBeforeTheAgreementIsConfirmed() {
    Started pathway = atInternship();

    assertThatThrownBy(() -> internship.requestExtension(record(pathway), 1, "x", "operator.lorenteggio"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(409));
    assertThatThrownBy(() -> internship.terminate(record(pathway), "HIRED", LocalDate.of(2026, 11, 23), "operator"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(409));
  }

  // ---- given

  record Started(UUID id, ProcessInstance instance) {}

  /** Running: the agreement of 3 months from 1 December 2026, 30 hours a week, written and confirmed. */
  private Started running() {
    Started pathway = atInternship();
    Agreement cap = internship.agreement(pathway.id()).orElseThrow();
    Internship.Terms terms = terms(3, "30");
    assertThat(internship.check(record(pathway), cap, terms)).isEmpty();
    internship.write(pathway.id(), terms, "operator.lorenteggio");
    confirm(pathway);
    return pathway;
  }

  private static Internship.Terms terms(int months, String weeklyHours) {
    return new Internship.Terms("Magazzini Lombardi srl", "SOLCO", "Magazzini Lombardi srl", START, months,
        new BigDecimal(weeklyHours));
  }

  private void confirm(Started pathway) {
    support.complete(pathway.id(), InternshipProcess.Elements.TASK_INTERNSHIP_AGREEMENT,
        vars(InternshipProcess.Variables.AGREEMENT_CONFIRMED.name(), true));
  }

  private Started atInternship() {
    return atInternship(List.of("NONE"));
  }

  /** Interviewed (with these vulnerabilities), assessed EQF 3, a plan with an internship and no course, signed. */
  private Started atInternship(List<String> vulnerabilities) {
    StartedPathway started = support.startPathway(LORENTEGGIO, Channel.LAB);
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processInstanceId(started.processInstanceId()).singleResult();
    Started pathway = new Started(started.pathwayId(), instance);
    support.complete(pathway.id(), IntakeProcess.Elements.TASK_INTAKE_INTERVIEW,
        interview(IntakeProcess.Variables.VULNERABILITIES.name(), vulnerabilities));
    support.complete(pathway.id(), PathwayProcess.Elements.TASK_ASSIGN_OPERATOR,
        vars(PathwayProcess.Variables.OPERATOR_ORGANISATION.name(), "SOLCO"));
    support.complete(pathway.id(), HandoverProcess.Elements.TASK_FIRST_APPOINTMENT,
        vars(HandoverProcess.Variables.APPOINTMENT_DATE.name(), "2026-11-25"));
    support.complete(pathway.id(), AssessmentProcess.Elements.TASK_SKILLS_ASSESSMENT,
        vars(AssessmentProcess.Variables.ORIENTATION_HOURS.name(), 12,
            AssessmentProcess.Variables.READY_FOR_WORK.name(), true,
            AssessmentProcess.Variables.NEEDS_SOCIAL_SUPPORT.name(), false,
            AssessmentProcess.Variables.SELF_EMPLOYMENT_INTEREST.name(), false,
            AssessmentProcess.Variables.EQF_LEVEL.name(), 3,
            AssessmentProcess.Variables.AVAILABILITY.name(), "FULL_TIME"));
    plans.saveDraft(pathway.id(), LORENTEGGIO, new Plans.Draft(
        List.of(new Plans.ServiceLine("INTERNSHIP_TUTORING", new BigDecimal("10"), new BigDecimal("400.00"))),
        List.of(), true, new BigDecimal("1500.00")), "operator.lorenteggio");
    support.complete(pathway.id(), PlanProcess.Elements.TASK_DRAFT_PLAN,
        vars(PlanProcess.Variables.PLAN_SUBMITTED.name(), true));
    support.complete(pathway.id(), PlanProcess.Elements.TASK_APPROVE_PLAN,
        vars(PlanProcess.Variables.PLAN_APPROVED.name(), true));
    support.complete(pathway.id(), PlanProcess.Elements.TASK_RECORD_SIGNATURE,
        vars(PlanProcess.Variables.SIGNED_ON.name(), "2026-11-23"));
    return pathway;
  }

  private ProcessInstance calledInstance(Started pathway) {
    return runtimeService.createProcessInstanceQuery().superProcessInstanceId(pathway.instance().getId())
        .processDefinitionKey(InternshipProcess.KEY).singleResult();
  }

  private String internshipInstanceId(Started pathway) {
    return support.calledInstanceId(pathway.instance().getId(), InternshipProcess.KEY);
  }

  private List<String> passedInInternship(Started pathway) {
    return support.passedActivities(internshipInstanceId(pathway));
  }

  private Deadline endDeadline(Started pathway) {
    return deadlines.openOfPathway(pathway.id()).stream().filter(d -> d.kind().equals("INTERNSHIP_END"))
        .findFirst().orElseThrow();
  }

  private Pathway record(Started pathway) {
    return support.record(pathway.id());
  }
}
