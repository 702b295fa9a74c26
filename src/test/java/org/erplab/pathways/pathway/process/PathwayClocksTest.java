package org.erplab.pathways.pathway.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.LORENTEGGIO;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.endOf;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.interview;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.setClock;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.vars;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.common.infrastructure.PathwayEvents;
import org.erplab.pathways.common.process.ConflictException;
import org.erplab.pathways.deadline.domain.Deadline;
import org.erplab.pathways.deadline.domain.DeadlineKind;
import org.erplab.pathways.deadline.domain.DeadlineRecords;
import org.erplab.pathways.pathway.domain.Pathway;
import org.erplab.pathways.pathway.domain.Pathway.Channel;
import org.erplab.pathways.pathway.domain.PathwayClocks;
import org.erplab.pathways.pathway.domain.PathwayExits;
import org.erplab.pathways.pathway.process.EligibilityProcess.Elements;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The clocks of a pathway, driven the real way and by the engine clock only: deadlines as records, suspensions that
 * shift them by the working days of LORENTEGGIO's calendar they covered (Milano's patron day on Monday 7 December and
 * the Immaculate Conception on Tuesday 8 December 2026 are not working days), withdrawal and interruption in every
 * stage. From Monday 23 November 2026, 10:00 in Rome, a deadline of 10 working days falls on Wednesday 9 December.
 */
@PathwaysSpringTest
class PathwayClocksTest {

  private static final String CPI_USER = "cpi.milano";
  private static final LocalDate TEN_WORKING_DAYS_LATER = LocalDate.of(2026, 12, 9);

  @Autowired ApplicationContext context;
  @Autowired PathwayClocks clocks;
  @Autowired PathwayExits exits;
  @Autowired DeadlineRecords deadlines;
  @Autowired PathwayEvents events;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  private ProcessTestSupport support;

  @BeforeEach
  void setUp() {
    support = ProcessTestSupport.onExampleDay(context);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // ---- deadlines as records

  @Test
  void shouldKeepEachDeadlineAsOneRecordThatTheTaskAndItsTimerCopy() {
    // when
    UUID pathway = atVerification();

    // then
    Deadline verification = openDeadline(pathway, DeadlineKind.VERIFICATION);
    assertThat(verification.activityId()).isEqualTo(Elements.TASK_VERIFY_ELIGIBILITY);
    assertThat(verification.timerActivityId()).isEqualTo(Elements.TIMER_VERIFICATION_OVERDUE);
    assertThat(verification.basis()).isEqualTo("WORKING_DAYS");
    assertThat(verification.lengthValue()).isEqualTo(10);
    assertThat(verification.parameter()).isEqualTo("verificationWorkingDays");
    assertThat(verification.startsOn()).isEqualTo(LocalDate.of(2026, 11, 23));
    assertThat(verification.dueAt().toInstant()).isEqualTo(endOf(TEN_WORKING_DAYS_LATER).toInstant());
    assertThat(verification.taskId()).isEqualTo(support.task(pathway, Elements.TASK_VERIFY_ELIGIBILITY).getId());
    assertThat(support.task(pathway, Elements.TASK_VERIFY_ELIGIBILITY).getDueDate())
        .isEqualTo(endOf(TEN_WORKING_DAYS_LATER))
        .isEqualTo(support.timer(pathway, Elements.TIMER_VERIFICATION_OVERDUE).getDuedate());
    // the interview's deadline was met when the lab completed it
    assertThat(deadlines.ofPathway(pathway)).filteredOn(d -> d.kind().equals(DeadlineKind.INTAKE_INTERVIEW.name()))
        .singleElement().extracting(Deadline::state).isEqualTo("MET");
    assertThat(events.of(pathway)).extracting(PathwayEvents.Event::type)
        .containsSubsequence("DEADLINE_CREATED", "DEADLINE_MET", "DEADLINE_CREATED");
  }

  @Test
  void shouldMarkTheDeadlineMissedWhenItsTimerFires() {
    // given
    UUID pathway = atVerification();

    // when
    support.fireTimer(pathway, Elements.TIMER_VERIFICATION_OVERDUE);

    // then: missed, and the task (which stays open) keeps the record
    Deadline missed = deadlines.ofPathway(pathway).stream()
        .filter(d -> d.kind().equals(DeadlineKind.VERIFICATION.name())).findFirst().orElseThrow();
    assertThat(missed.state()).isEqualTo("MISSED");
    assertThat(events.of(pathway)).extracting(PathwayEvents.Event::type).contains("DEADLINE_MISSED");
  }

  // ---- suspension and resumption

  @Test
  void shouldMoveTheVerificationByTheWorkingDaysTheSuspensionCovered() {
    // given: due on Wednesday 9 December
    UUID pathway = atVerification();
    String taskId = support.task(pathway, Elements.TASK_VERIFY_ELIGIBILITY).getId();

    // when: suspended on Thursday 3 December, resumed on Thursday 10 December
    setClock(LocalDateTime.of(2026, 12, 3, 10, 0));
    clocks.suspend(pathway, "ILLNESS", LocalDate.of(2026, 12, 10), CPI_USER, null);

    // then: nothing can be worked, no timer can fire
    assertThat(support.record(pathway).status()).isEqualTo("SUSPENDED");
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().isSuspended()).isTrue();
    assertThat(support.timer(pathway, Elements.TIMER_VERIFICATION_OVERDUE).isSuspended()).isTrue();
    assertThatThrownBy(() -> taskService.complete(taskId, vars(
        EligibilityProcess.Variables.VERIFICATION_OUTCOME.name(), EligibilityResult.ELIGIBLE)))
        .isInstanceOf(ConflictException.class).hasMessageContaining("suspended");
    assertThatThrownBy(() -> taskService.claim(taskId, CPI_USER)).isInstanceOf(ConflictException.class);
    setClock(LocalDateTime.of(2026, 12, 10, 10, 0));
    String timerId = support.timer(pathway, Elements.TIMER_VERIFICATION_OVERDUE).getId();
    assertThat(managementService.createJobQuery().jobId(timerId).executable().active().count()).isZero();

    // when
    clocks.resume(pathway, "Rientrata", CPI_USER, null);

    // then: 3 Dec, 4 Dec and 9 Dec were working days of the pause (5-6 weekend, 7 patron day, 8 holiday): 3 days
    LocalDate newDue = LocalDate.of(2026, 12, 14);
    Deadline verification = openDeadline(pathway, DeadlineKind.VERIFICATION);
    assertThat(verification.dueAt().toInstant()).isEqualTo(endOf(newDue).toInstant());
    assertThat(verification.originalDueAt().toInstant()).isEqualTo(endOf(TEN_WORKING_DAYS_LATER).toInstant());
    assertThat(verification.shiftedWorkingDays()).isEqualTo(3);
    assertThat(support.task(pathway, Elements.TASK_VERIFY_ELIGIBILITY).getDueDate()).isEqualTo(endOf(newDue));
    Job timer = support.timer(pathway, Elements.TIMER_VERIFICATION_OVERDUE);
    assertThat(timer.getDuedate()).isEqualTo(endOf(newDue));
    assertThat(timer.isSuspended()).isFalse();
    assertThat(support.record(pathway).status()).isEqualTo("ACTIVE");
    assertThat(events.of(pathway)).extracting(PathwayEvents.Event::type)
        .containsSubsequence("PATHWAY_SUSPENDED", "DEADLINE_SHIFTED", "PATHWAY_RESUMED");

    // and the work goes on
    support.complete(pathway, Elements.TASK_VERIFY_ELIGIBILITY,
        vars(EligibilityProcess.Variables.VERIFICATION_OUTCOME.name(), EligibilityResult.ELIGIBLE));
    assertThat(deadlines.ofPathway(pathway)).filteredOn(d -> d.kind().equals(DeadlineKind.VERIFICATION.name()))
        .singleElement().extracting(Deadline::state).isEqualTo("MET");
  }

  @Test
  void shouldMoveTheFirstAppointmentTwiceForTwoSuspensionsInARow() {
    // given: the operator's first appointment, due on Wednesday 9 December
    UUID pathway = atFirstAppointment();
    assertThat(openDeadline(pathway, DeadlineKind.FIRST_APPOINTMENT).dueAt().toInstant())
        .isEqualTo(endOf(TEN_WORKING_DAYS_LATER).toInstant());

    // when: suspended Tuesday 24 to Wednesday 25 November (1 working day) ...
    setClock(LocalDateTime.of(2026, 11, 24, 9, 0));
    clocks.suspend(pathway, "PERSONAL", null, "operator.lorenteggio", null);
    setClock(LocalDateTime.of(2026, 11, 25, 9, 0));
    clocks.resume(pathway, "Disponibile", "operator.lorenteggio", null);
    // ... and Friday 4 to Wednesday 9 December (Friday only: weekend, patron day, holiday)
    setClock(LocalDateTime.of(2026, 12, 4, 9, 0));
    clocks.suspend(pathway, "HOST_CLOSURE", null, "operator.lorenteggio", null);
    setClock(LocalDateTime.of(2026, 12, 9, 9, 0));
    clocks.resume(pathway, "Riaperto", "operator.lorenteggio", null);

    // then
    LocalDate newDue = LocalDate.of(2026, 12, 11);
    Deadline appointment = openDeadline(pathway, DeadlineKind.FIRST_APPOINTMENT);
    assertThat(appointment.shiftedWorkingDays()).isEqualTo(2);
    assertThat(appointment.dueAt().toInstant()).isEqualTo(endOf(newDue).toInstant());
    assertThat(support.task(pathway, HandoverProcess.Elements.TASK_FIRST_APPOINTMENT).getDueDate())
        .isEqualTo(endOf(newDue));
    assertThat(support.timer(pathway, HandoverProcess.Elements.TIMER_FIRST_APPOINTMENT_OVERDUE).getDuedate())
        .isEqualTo(endOf(newDue));
    assertThat(events.of(pathway)).filteredOn(e -> e.type().equals("DEADLINE_SHIFTED")).hasSize(2);

    // and the timer fires at the new due date, not before
    setClock(LocalDateTime.of(2026, 12, 11, 23, 0));
    String timerId = support.timer(pathway, HandoverProcess.Elements.TIMER_FIRST_APPOINTMENT_OVERDUE).getId();
    assertThat(managementService.createJobQuery().jobId(timerId).executable().count()).isZero();
    support.fireTimer(pathway, HandoverProcess.Elements.TIMER_FIRST_APPOINTMENT_OVERDUE);
    assertThat(support.task(pathway, HandoverProcess.Elements.TASK_APPOINTMENT_OVERDUE)).isNotNull();
  }

  @Test
  void shouldShiftOnceByTheWholePeriodWhenTheProjectsPauseOverlapsTheOwnSuspension() {
    // given
    UUID pathway = atVerification();
    UUID pause = UUID.randomUUID();

    // when: own suspension from Tuesday 24 November, the project's pause from Thursday 26
    setClock(LocalDateTime.of(2026, 11, 24, 9, 0));
    clocks.suspend(pathway, "ILLNESS", null, CPI_USER, null);
    setClock(LocalDateTime.of(2026, 11, 26, 9, 0));
    clocks.suspend(pathway, "PROGRAMME_PAUSE", null, "manager", pause);
    // the own suspension ends on Monday 30 November: still paused
    setClock(LocalDateTime.of(2026, 11, 30, 9, 0));
    clocks.resume(pathway, "Guarita", CPI_USER, null);
    assertThat(support.record(pathway).status()).isEqualTo("SUSPENDED");
    assertThat(support.task(pathway, Elements.TASK_VERIFY_ELIGIBILITY).isSuspended()).isTrue();
    assertThat(openDeadline(pathway, DeadlineKind.VERIFICATION).shiftedWorkingDays()).isZero();
    // the pause ends on Wednesday 2 December
    setClock(LocalDateTime.of(2026, 12, 2, 9, 0));
    clocks.resume(pathway, "Fine pausa", "manager", pause);

    // then: 24, 25, 26, 27, 30 November and 1 December
    Deadline verification = openDeadline(pathway, DeadlineKind.VERIFICATION);
    assertThat(verification.shiftedWorkingDays()).isEqualTo(6);
    assertThat(verification.dueAt().toInstant()).isEqualTo(endOf(LocalDate.of(2026, 12, 17)).toInstant());
    assertThat(support.record(pathway).status()).isEqualTo("ACTIVE");
  }

  @Test
  void shouldMoveACalendarDayDeadlineByCalendarDays() {
    // given: waiting 30 days for documents, until Wednesday 23 December
    UUID pathway = atVerification();
    support.complete(pathway, Elements.TASK_VERIFY_ELIGIBILITY,
        vars(EligibilityProcess.Variables.VERIFICATION_OUTCOME.name(), EligibilityResult.DOCUMENTS_MISSING));

    // when: suspended from Monday 30 November to Monday 7 December (7 calendar days)
    setClock(LocalDateTime.of(2026, 11, 30, 9, 0));
    clocks.suspend(pathway, "OTHER", null, CPI_USER, null);
    setClock(LocalDateTime.of(2026, 12, 7, 9, 0));
    clocks.resume(pathway, "Ripresa", CPI_USER, null);

    // then: 23 + 7 = 30 December
    Deadline documents = openDeadline(pathway, DeadlineKind.DOCUMENTS);
    assertThat(documents.shiftedCalendarDays()).isEqualTo(7);
    assertThat(documents.dueAt().toInstant()).isEqualTo(endOf(LocalDate.of(2026, 12, 30)).toInstant());
    assertThat(support.timer(pathway, Elements.TIMER_DOCUMENTS_TIMEOUT).getDuedate())
        .isEqualTo(endOf(LocalDate.of(2026, 12, 30)));
  }

  @Test
  void shouldRefuseAResumptionWithoutASuspensionAndASecondOwnSuspension() {
    UUID pathway = atVerification();

    assertThatThrownBy(() -> clocks.resume(pathway, "x", CPI_USER, null))
        .isInstanceOf(ApiException.class).hasMessageContaining("not suspended");
    clocks.suspend(pathway, "ILLNESS", null, CPI_USER, null);
    assertThatThrownBy(() -> clocks.suspend(pathway, "PERSONAL", null, CPI_USER, null))
        .isInstanceOf(ApiException.class).hasMessageContaining("already suspended");
    assertThatThrownBy(() -> clocks.resume(pathway, "x", CPI_USER, UUID.randomUUID()))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> clocks.suspend(pathway, "NAPPING", null, CPI_USER, UUID.randomUUID()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors()).extracting("field").containsExactly("reason"));
  }

  // ---- withdrawal and interruption

  static Stream<String> stages() {
    return Stream.of("CALL_BACK", "INTAKE", "VERIFICATION", "OPERATOR_ASSIGNMENT", "FIRST_APPOINTMENT",
        "SKILLS_ASSESSMENT", "SUSPENDED_IN_VERIFICATION");
  }

  @ParameterizedTest
  @MethodSource("stages")
  void shouldCloseAWithdrawnPathwayInEveryStageCancellingItsTasksTimersAndDeadlines(String stage) {
    // given
    UUID pathway = switch (stage) {
      case "CALL_BACK" -> support.startPathway(LORENTEGGIO, Channel.SELF_REGISTRATION).pathwayId();
      case "INTAKE" -> support.startPathway(LORENTEGGIO, Channel.LAB).pathwayId();
      case "VERIFICATION" -> atVerification();
      case "OPERATOR_ASSIGNMENT" -> atOperatorAssignment();
      case "FIRST_APPOINTMENT" -> atFirstAppointment();
      case "SKILLS_ASSESSMENT" -> handedOver();
      default -> {
        UUID suspended = atVerification();
        clocks.suspend(suspended, "ILLNESS", null, CPI_USER, null);
        yield suspended;
      }
    };
    String stageReached = support.record(pathway).stage();

    // when
    setClock(LocalDateTime.of(2026, 11, 24, 11, 0));
    exits.withdraw(pathway, "FOUND_JOB_ALONE", LocalDate.of(2026, 11, 24), "lab.lorenteggio");

    // then
    Pathway record = support.record(pathway);
    assertThat(record.status()).isEqualTo("CLOSED");
    assertThat(record.outcome()).isEqualTo("WITHDRAWN");
    assertThat(record.stage()).isEqualTo(stageReached);
    assertThat(record.reasonList()).containsExactly("FOUND_JOB_ALONE");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(pathway.toString()).count())
        .isZero();
    assertThat(support.openTasks(pathway)).isEmpty();
    assertThat(deadlines.ofPathway(pathway)).noneMatch(Deadline::isOpen);
    assertThat(events.of(pathway)).extracting(PathwayEvents.Event::type).contains("PATHWAY_WITHDRAWN");
    if (!"SKILLS_ASSESSMENT".equals(stage)) {
      assertThat(deadlines.ofPathway(pathway)).extracting(Deadline::state).contains("CANCELLED");
    }
    assertThatThrownBy(() -> exits.withdraw(pathway, "PERSONAL", LocalDate.of(2026, 11, 24), "lab.lorenteggio"))
        .isInstanceOf(ApiException.class).hasMessageContaining("closed");
  }

  @Test
  void shouldInterruptAnOpenPathwayKeepingTheStageItReached() {
    // given
    UUID pathway = atFirstAppointment();

    // when
    boolean interrupted = exits.interrupt(pathway, null);

    // then
    assertThat(interrupted).isTrue();
    Pathway record = support.record(pathway);
    assertThat(record.outcome()).isEqualTo("INTERRUPTED");
    assertThat(record.stage()).isEqualTo("FIRST_APPOINTMENT");
    assertThat(record.operatorOrganisation()).isEqualTo("SOLCO");
    assertThat(support.openTasks(pathway)).isEmpty();
    assertThat(deadlines.ofPathway(pathway)).noneMatch(Deadline::isOpen);
    assertThat(exits.interrupt(pathway, null)).isFalse();
  }

  @Test
  void shouldRefuseAWithdrawalWithAnUnknownReasonOrAFutureDate() {
    UUID pathway = atVerification();

    assertThatThrownBy(() -> exits.withdraw(pathway, "BORED", LocalDate.of(2026, 11, 23), CPI_USER))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors()).extracting("field").containsExactly("reason"));
    assertThatThrownBy(() -> exits.withdraw(pathway, "MOVED", LocalDate.of(2026, 11, 24), CPI_USER))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors()).extracting("field").containsExactly("date"));
    assertThat(support.record(pathway).status()).isEqualTo("ACTIVE");
  }

  // ---- stages

  /** A NASPI recipient: the CPI verifies, within 10 working days. */
  private UUID atVerification() {
    UUID pathway = support.startPathway(LORENTEGGIO, Channel.LAB).pathwayId();
    support.complete(pathway, IntakeProcess.Elements.TASK_INTAKE_INTERVIEW,
        interview(IntakeProcess.Variables.NASPI_RECIPIENT.name(), true));
    return pathway;
  }

  private UUID atOperatorAssignment() {
    UUID pathway = support.startPathway(LORENTEGGIO, Channel.LAB).pathwayId();
    support.complete(pathway, IntakeProcess.Elements.TASK_INTAKE_INTERVIEW, interview());
    return pathway;
  }

  private UUID atFirstAppointment() {
    UUID pathway = atOperatorAssignment();
    support.complete(pathway, PathwayProcess.Elements.TASK_ASSIGN_OPERATOR,
        vars(PathwayProcess.Variables.OPERATOR_ORGANISATION.name(), "SOLCO"));
    return pathway;
  }

  private UUID handedOver() {
    UUID pathway = atFirstAppointment();
    support.complete(pathway, HandoverProcess.Elements.TASK_FIRST_APPOINTMENT,
        vars(HandoverProcess.Variables.APPOINTMENT_DATE.name(), "2026-11-30"));
    return pathway;
  }

  private Deadline openDeadline(UUID pathway, DeadlineKind kind) {
    List<Deadline> open = deadlines.openOfPathway(pathway).stream().filter(d -> d.kind().equals(kind.name())).toList();
    assertThat(open).as("open %s deadline of %s", kind, pathway).hasSize(1);
    return open.get(0);
  }
}
