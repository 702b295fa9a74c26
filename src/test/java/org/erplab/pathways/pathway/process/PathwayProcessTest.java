package org.erplab.pathways.pathway.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.BOLLATE;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.CPI;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.LAB;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.LORENTEGGIO;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.MANAGER;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.MONDAY_23_NOVEMBER_2026;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.endOf;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.interview;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.rome;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.with;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.setClock;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.vars;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.erplab.pathways.participant.domain.IntakeRecords;
import org.erplab.pathways.pathway.domain.Pathway;
import org.erplab.pathways.pathway.domain.Pathway.Channel;
import org.erplab.pathways.pathway.domain.PathwayService;
import org.erplab.pathways.pathway.domain.PathwayService.StartedPathway;
import org.erplab.pathways.pathway.process.EligibilityProcess.Elements;
import org.erplab.pathways.pathway.domain.AssessmentRecords;
import org.erplab.pathways.pathway.domain.Plans;
import org.erplab.pathways.support.ModelCoverage;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.TestPeople;
import org.erplab.pathways.support.ProjectParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The {@code pathway} process from request to hand-over, started the real way ({@link PathwayService}) and driven
 * through the processes it calls, {@code intake} and {@code eligibility}. The engine clock is frozen on the domain's
 * example day, Monday 23 November 2026, 10:00 in Rome (a LORENTEGGIO deadline of 5 working days falls on 30 November,
 * of 10 working days on 9 December: 7 December is Milano's patron day, 8 December a national holiday).
 */
@PathwaysSpringTest
@ModelCoverage({PathwayProcess.KEY, IntakeProcess.KEY, EligibilityProcess.KEY, HandoverProcess.KEY,
    AssessmentProcess.KEY, SocialReferralProcess.KEY, PlanProcess.KEY, TrainingProcess.KEY})
class PathwayProcessTest {

  private static final LocalDate FIVE_WORKING_DAYS_LATER = LocalDate.of(2026, 11, 30);
  private static final LocalDate TEN_WORKING_DAYS_LATER = LocalDate.of(2026, 12, 9);
  private static final LocalDate THIRTY_DAYS_LATER = LocalDate.of(2026, 12, 23);

  @Autowired ApplicationContext context;
  @Autowired IntakeRecords intakeRecords;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired org.erplab.pathways.pathway.domain.PathwayExits exits;
  @Autowired AssessmentRecords assessments;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @Autowired org.erplab.pathways.pathway.domain.Plans plans;
  @Autowired org.erplab.pathways.pathway.infrastructure.PlanRecords planRecords;
  @Autowired org.erplab.pathways.pathway.domain.Training training;
  @Autowired org.erplab.pathways.pathway.domain.PathwayClosures closures;
  @Autowired org.erplab.pathways.pathway.domain.Internship internship;
  @Autowired org.erplab.pathways.pathway.domain.PlanAmendments amendments;

  private ProcessTestSupport support;

  @BeforeEach
  void setUp() {
    support = ProcessTestSupport.onExampleDay(context);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // ---- intake

  @ParameterizedTest
  @EnumSource(names = {"LAB", "CPI_DESK"})
  void shouldInterviewAtOnceAPersonBroughtByTheLabOrTheCpiDesk(Channel channel) {
    // given / when
    Started pathway = startPathway(channel);

    // then
    assertThat(pathway.instance()).isWaitingAt(PathwayProcess.Elements.CALL_INTAKE);
    assertThat(pathway.instance().getTenantId()).isEqualTo(LORENTEGGIO);
    assertThat(pathway.instance()).calledProcessInstance(IntakeProcess.KEY)
        .isWaitingAtExactly(IntakeProcess.Elements.TASK_INTAKE_INTERVIEW)
        .hasNotPassed(IntakeProcess.Elements.TASK_CALL_BACK);
    assertThat(task(pathway, IntakeProcess.Elements.TASK_INTAKE_INTERVIEW))
        .hasCandidateGroup(LAB)
        .hasDueDate(endOf(TEN_WORKING_DAYS_LATER));
    Pathway record = record(pathway);
    assertThat(record.stage()).isEqualTo("INTAKE");
    assertThat(record.status()).isEqualTo(Pathway.Status.ACTIVE.name());
    assertThat(record.processInstanceId()).isEqualTo(pathway.instance().getId());
  }

  @Test
  void shouldCallBackASelfRegisteredPersonWithinFiveWorkingDaysBeforeTheInterview() {
    // given
    Started pathway = startPathway(Channel.SELF_REGISTRATION);
    assertThat(pathway.instance()).calledProcessInstance(IntakeProcess.KEY)
        .isWaitingAtExactly(IntakeProcess.Elements.TASK_CALL_BACK);
    assertThat(task(pathway, IntakeProcess.Elements.TASK_CALL_BACK))
        .hasCandidateGroup(LAB)
        .hasDueDate(endOf(FIVE_WORKING_DAYS_LATER));

    // when
    complete(pathway, IntakeProcess.Elements.TASK_CALL_BACK, vars(IntakeProcess.Variables.CONTACT_OUTCOME.name(), "REACHED"));

    // then
    ProcessInstance intake = calledInstance(pathway, IntakeProcess.KEY);
    assertThat(intake).isWaitingAtExactly(IntakeProcess.Elements.TASK_INTAKE_INTERVIEW)
        .hasPassed(IntakeProcess.Elements.SERVICE_RECORD_CONTACT_ATTEMPT);
    assertThat(runtimeService.getVariable(intake.getId(), IntakeProcess.Variables.CONTACT_ATTEMPTS.name())).isEqualTo(1);
    assertThat(task(pathway, IntakeProcess.Elements.TASK_INTAKE_INTERVIEW)).hasCandidateGroup(LAB);
  }

  @Test
  void shouldCloseThePathwayAsUnreachableAfterThreeFailedCallBacks() {
    // given
    Started pathway = startPathway(Channel.SELF_REGISTRATION);

    // when
    for (int attempt = 1; attempt <= 2; attempt++) {
      complete(pathway, IntakeProcess.Elements.TASK_CALL_BACK,
          vars(IntakeProcess.Variables.CONTACT_OUTCOME.name(), "NOT_REACHED"));
      // then: another call back
      ProcessInstance intake = calledInstance(pathway, IntakeProcess.KEY);
      assertThat(intake).isWaitingAtExactly(IntakeProcess.Elements.TASK_CALL_BACK);
      assertThat(runtimeService.getVariable(intake.getId(), IntakeProcess.Variables.CONTACT_ATTEMPTS.name()))
          .isEqualTo(attempt);
    }
    complete(pathway, IntakeProcess.Elements.TASK_CALL_BACK,
        vars(IntakeProcess.Variables.CONTACT_OUTCOME.name(), "NOT_REACHED"));

    // then
    assertThat(pathway.instance()).isEnded()
        .hasPassed(PathwayProcess.Elements.END_UNREACHABLE)
        .hasNotPassed(PathwayProcess.Elements.CALL_ELIGIBILITY);
    assertThat(support.historicVariables(support.calledInstanceId(pathway.instance().getId(), IntakeProcess.KEY)))
        .containsEntry(IntakeProcess.Variables.CONTACT_ATTEMPTS.name(), 3)
        .containsEntry(IntakeProcess.Variables.CONTACT_ATTEMPTS_EXHAUSTED.name(), true);
    // the pathway keeps only what its stages hand back: the outcome, not the call-back's own bookkeeping
    assertThat(support.historicVariables(pathway.instance().getId()))
        .containsEntry(PathwayProcess.Variables.INTAKE_OUTCOME.name(), "UNREACHABLE")
        .doesNotContainKeys(IntakeProcess.Variables.CONTACT_ATTEMPTS.name(), IntakeProcess.Variables.CONTACT_OUTCOME.name());
    assertClosed(pathway, "UNREACHABLE");
  }

  @Test
  void shouldCloseThePathwayWhenThePersonRefusesConsent() {
    // given
    Started pathway = startPathway(Channel.LAB);

    // when
    complete(pathway, IntakeProcess.Elements.TASK_INTAKE_INTERVIEW,
        interview(IntakeProcess.Variables.CONSENT_GIVEN.name(), false));

    // then
    assertThat(pathway.instance()).isEnded()
        .hasPassed(PathwayProcess.Elements.END_NO_CONSENT)
        .hasNotPassed(PathwayProcess.Elements.CALL_ELIGIBILITY);
    assertThat(support.historicVariables(pathway.instance().getId()))
        .containsEntry(PathwayProcess.Variables.INTAKE_OUTCOME.name(), "NO_CONSENT");
    assertClosed(pathway, "NO_CONSENT");
    assertThat(record(pathway).consentAt()).as("no consent recorded").isNull();
  }

  // ---- operator and first appointment

  @Test
  void shouldAskTheCpiToAssignAnOperatorToAnEligiblePerson() {
    // given
    Started pathway = startPathway(Channel.LAB);

    // when
    complete(pathway, IntakeProcess.Elements.TASK_INTAKE_INTERVIEW, interview());

    // then
    assertThat(pathway.instance()).isWaitingAtExactly(PathwayProcess.Elements.TASK_ASSIGN_OPERATOR)
        .hasPassed(PathwayProcess.Elements.CALL_INTAKE, PathwayProcess.Elements.CALL_ELIGIBILITY);
    assertThat(task(pathway, PathwayProcess.Elements.TASK_ASSIGN_OPERATOR))
        .hasCandidateGroup(CPI)
        .hasDueDate(endOf(FIVE_WORKING_DAYS_LATER));
    assertThat(runtimeService.getVariables(pathway.instance().getId()))
        .containsEntry(PathwayProcess.Variables.INTAKE_OUTCOME.name(), "COMPLETED")
        .containsEntry(PathwayProcess.Variables.ELIGIBILITY_OUTCOME.name(), EligibilityResult.ELIGIBLE)
        .containsEntry(PathwayProcess.Variables.ELIGIBILITY_REASONS.name(), "");
    assertThat(passedInCalled(pathway, EligibilityProcess.KEY))
        .contains(Elements.END_ELIGIBLE)
        .doesNotContain(Elements.TASK_VERIFY_ELIGIBILITY);
    assertThat(record(pathway).stage()).isEqualTo("OPERATOR_ASSIGNMENT");
  }

  @Test
  void shouldGiveTheFirstAppointmentToTheChosenOperator() {
    // given
    Started pathway = startPathway(Channel.LAB);
    complete(pathway, IntakeProcess.Elements.TASK_INTAKE_INTERVIEW, interview());

    // when
    complete(pathway, PathwayProcess.Elements.TASK_ASSIGN_OPERATOR,
        vars(PathwayProcess.Variables.OPERATOR_ORGANISATION.name(), "SOLCO"));

    // then: the hand-over runs in the operator's part of the project, where only that operator sees it
    assertThat(pathway.instance()).isWaitingAtExactly(PathwayProcess.Elements.CALL_HANDOVER);
    ProcessInstance handover = calledInstance(pathway, HandoverProcess.KEY);
    assertThat(handover.getTenantId()).isEqualTo(LORENTEGGIO + ".SOLCO");
    assertThat(handover).isWaitingAtExactly(HandoverProcess.Elements.TASK_FIRST_APPOINTMENT);
    assertThat(task(pathway, HandoverProcess.Elements.TASK_FIRST_APPOINTMENT))
        .hasCandidateGroup("SOLCO")
        .hasDueDate(endOf(TEN_WORKING_DAYS_LATER));
    assertThat(task(pathway, HandoverProcess.Elements.TASK_FIRST_APPOINTMENT).getTenantId())
        .isEqualTo(LORENTEGGIO + ".SOLCO");
    Pathway record = record(pathway);
    assertThat(record.operatorOrganisation()).isEqualTo("SOLCO");
    assertThat(record.stage()).isEqualTo("FIRST_APPOINTMENT");
    assertThat(record.consentAt()).as("consent recorded at the interview").isNotNull();
  }

  @Test
  void shouldOfferTheProjectsAccreditedOperatorsToChooseFrom() {
    // given an eligible person
    Started pathway = startPathway(Channel.LAB);
    complete(pathway, IntakeProcess.Elements.TASK_INTAKE_INTERVIEW, interview());

    // when the CPI opens the assignment
    Task assignment = task(pathway, PathwayProcess.Elements.TASK_ASSIGN_OPERATOR);

    // then its form lists the project's accredited operators, and no one else
    String options = taskService.getVariableLocal(assignment.getId(), PathwayProcess.Variables.OPERATOR_OPTIONS.name()).toString();
    assertThat(options).contains("\"value\":\"SOLCO\"", "\"value\":\"MESTIERI\"", "Sol.Co Milano")
        .doesNotContain("CONSORZIO_SIR", "MILOLAB", "AFOL_MET");
  }

  @Test
  void shouldRefuseAnOrganisationThatIsNotAnAccreditedOperatorOfTheProject() {
    // given
    Started pathway = startPathway(Channel.LAB);
    complete(pathway, IntakeProcess.Elements.TASK_INTAKE_INTERVIEW, interview());
    Task assignment = task(pathway, PathwayProcess.Elements.TASK_ASSIGN_OPERATOR);

    // when / then: the project's social lab, and another project's operator
    for (String organisation : List.of("MILOLAB", "CONSORZIO_SIR")) {
      assertThatThrownBy(() -> taskService.complete(assignment.getId(),
          vars(PathwayProcess.Variables.OPERATOR_ORGANISATION.name(), organisation)))
          .isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("not an accredited operator of project " + LORENTEGGIO);

      // nothing changed
      assertThat(pathway.instance()).isWaitingAtExactly(PathwayProcess.Elements.TASK_ASSIGN_OPERATOR);
      assertThat(task(pathway, PathwayProcess.Elements.TASK_ASSIGN_OPERATOR).getId()).isEqualTo(assignment.getId());
      assertThat(runtimeService.getVariables(pathway.instance().getId()))
          .doesNotContainKey(PathwayProcess.Variables.OPERATOR_ORGANISATION.name());
      Pathway record = record(pathway);
      assertThat(record.operatorOrganisation()).isNull();
      assertThat(record.stage()).isEqualTo("OPERATOR_ASSIGNMENT");
    }
  }

  @Test
  void shouldHandThePathwayOverWhenTheFirstAppointmentIsRecorded() {
    // given
    Started pathway = startedAtFirstAppointment();

    // when
    complete(pathway, HandoverProcess.Elements.TASK_FIRST_APPOINTMENT,
        vars(HandoverProcess.Variables.APPOINTMENT_DATE.name(), "2026-12-02"));

    // then
    assertThat(pathway.instance()).isWaitingAtExactly(PathwayProcess.Elements.CALL_ASSESSMENT)
        .hasPassed(PathwayProcess.Elements.CALL_HANDOVER);
    assertThat(passedInCalled(pathway, HandoverProcess.KEY))
        .contains(HandoverProcess.Elements.END_FIRST_APPOINTMENT_SET)
        .doesNotContain(HandoverProcess.Elements.TASK_APPOINTMENT_OVERDUE);
    Pathway record = record(pathway);
    assertThat(record.stage()).isEqualTo("SKILLS_ASSESSMENT");
    assertThat(record.status()).isEqualTo(Pathway.Status.ACTIVE.name());
    assertThat(record.outcome()).isNull();
    assertThat(record.operatorOrganisation()).isEqualTo("SOLCO");
  }

  @Test
  void shouldAskTheCpiToRemindTheOperatorWhenTheFirstAppointmentIsOverdue() {
    // given
    Started pathway = startedAtFirstAppointment();
    Job overdue = support.timer(pathway.id(), HandoverProcess.Elements.TIMER_FIRST_APPOINTMENT_OVERDUE);
    assertThat(overdue.getDuedate()).isEqualTo(endOf(TEN_WORKING_DAYS_LATER))
        .isEqualTo(task(pathway, HandoverProcess.Elements.TASK_FIRST_APPOINTMENT).getDueDate());

    // when
    support.fireTimer(pathway.id(), HandoverProcess.Elements.TIMER_FIRST_APPOINTMENT_OVERDUE);

    // then: the reminder comes in addition to the appointment
    ProcessInstance handover = calledInstance(pathway, HandoverProcess.KEY);
    assertThat(handover).isWaitingAtExactly(HandoverProcess.Elements.TASK_FIRST_APPOINTMENT,
        HandoverProcess.Elements.TASK_APPOINTMENT_OVERDUE);
    assertThat(task(pathway, HandoverProcess.Elements.TASK_APPOINTMENT_OVERDUE)).hasCandidateGroup(CPI);

    // when: the CPI has reminded the operator
    complete(pathway, HandoverProcess.Elements.TASK_APPOINTMENT_OVERDUE,
        vars(HandoverProcess.Variables.OVERDUE_ACTION.name(), "REMIND"));

    // then: only the reminder branch ends
    assertThat(handover).isNotEnded()
        .hasPassed(HandoverProcess.Elements.END_ESCALATION_HANDLED)
        .isWaitingAtExactly(HandoverProcess.Elements.TASK_FIRST_APPOINTMENT);

    // when
    complete(pathway, HandoverProcess.Elements.TASK_FIRST_APPOINTMENT,
        vars(HandoverProcess.Variables.APPOINTMENT_DATE.name(), "2026-12-14"));

    // then
    assertThat(pathway.instance()).isWaitingAtExactly(PathwayProcess.Elements.CALL_ASSESSMENT);
    assertThat(record(pathway).stage()).isEqualTo("SKILLS_ASSESSMENT");
  }

  @Test
  void shouldWithdrawTheReminderWhenTheFirstAppointmentIsRecorded() {
    // given
    Started pathway = startedAtFirstAppointment();
    support.fireTimer(pathway.id(), HandoverProcess.Elements.TIMER_FIRST_APPOINTMENT_OVERDUE);

    // when
    complete(pathway, HandoverProcess.Elements.TASK_FIRST_APPOINTMENT,
        vars(HandoverProcess.Variables.APPOINTMENT_DATE.name(), "2026-12-14"));

    // then
    assertThat(pathway.instance()).isWaitingAtExactly(PathwayProcess.Elements.CALL_ASSESSMENT);
    assertThat(passedInCalled(pathway, HandoverProcess.KEY))
        .contains(HandoverProcess.Elements.END_FIRST_APPOINTMENT_SET)
        .doesNotContain(HandoverProcess.Elements.END_ESCALATION_HANDLED);
    assertThat(support.openTasks(pathway.id())).extracting(Task::getTaskDefinitionKey)
        .containsExactly(AssessmentProcess.Elements.TASK_SKILLS_ASSESSMENT);
  }

  // ---- eligibility

  @Test
  void shouldCloseAnIneligiblePersonWithEveryReasonAndSuggestAMeasure() {
    // given
    Started pathway = startPathway(Channel.CPI_DESK);

    // when
    complete(pathway, IntakeProcess.Elements.TASK_INTAKE_INTERVIEW, interview(
        IntakeProcess.Variables.EMPLOYMENT_STATUS.name(), "EMPLOYED",
        IntakeProcess.Variables.RESIDENT_IN_ERP.name(), false));

    // then
    assertThat(pathway.instance()).isEnded()
        .hasPassed(PathwayProcess.Elements.CALL_ELIGIBILITY, PathwayProcess.Elements.END_INELIGIBLE)
        .hasNotPassed(PathwayProcess.Elements.TASK_ASSIGN_OPERATOR);
    assertThat(passedInCalled(pathway, EligibilityProcess.KEY))
        .contains(Elements.RULE_SUGGEST_REFERRAL, Elements.END_INELIGIBLE)
        .doesNotContain(Elements.TASK_VERIFY_ELIGIBILITY);
    Pathway record = assertClosed(pathway, EligibilityResult.INELIGIBLE);
    assertThat(record.reasonList()).containsExactlyInAnyOrder("NOT_RESIDENT", "EMPLOYED");
    // referral.dmn: not in another measure, 35 years old, no housing hardship, employed -> Dote Unica Lavoro
    assertThat(record.referral()).isEqualTo("DUL");
  }

  @Test
  void shouldAskTheCpiToVerifyANaspiRecipientWithinTenWorkingDays() {
    // given
    Started pathway = startPathway(Channel.LAB);

    // when
    complete(pathway, IntakeProcess.Elements.TASK_INTAKE_INTERVIEW,
        interview(IntakeProcess.Variables.NASPI_RECIPIENT.name(), true));

    // then
    assertThat(pathway.instance()).isWaitingAtExactly(PathwayProcess.Elements.CALL_ELIGIBILITY);
    ProcessInstance eligibility = calledInstance(pathway, EligibilityProcess.KEY);
    assertThat(eligibility).isWaitingAtExactly(Elements.TASK_VERIFY_ELIGIBILITY);
    assertThat(runtimeService.getVariable(eligibility.getId(), EligibilityProcess.Variables.VERIFICATION_ITEMS.name()))
        .isEqualTo("NASPI");
    assertThat(task(pathway, Elements.TASK_VERIFY_ELIGIBILITY))
        .hasCandidateGroup(CPI)
        .hasDueDate(endOf(TEN_WORKING_DAYS_LATER));
    assertThat(record(pathway).stage()).isEqualTo("VERIFICATION");
  }

  @Test
  void shouldShowTheCpiThePersonsOpenPathwayInAnotherProjectAndNothingPersonal() {
    // given: the same person (same fiscal code) has an open pathway in BOLLATE and is taken in charge in LORENTEGGIO
    TestPeople.Person person = TestPeople.adult();
    StartedPathway bollate = support.startPathway(BOLLATE, Channel.LAB, person);
    StartedPathway started = support.startPathway(LORENTEGGIO, Channel.LAB, person);
    Started pathway = new Started(started.pathwayId(), instance(started));

    // when: an interview that alone would make the person eligible
    complete(pathway, IntakeProcess.Elements.TASK_INTAKE_INTERVIEW, interview());

    // then: the LORENTEGGIO CPI verifies, and reads where the BOLLATE pathway stands
    ProcessInstance eligibility = calledInstance(pathway, EligibilityProcess.KEY);
    assertThat(eligibility).isWaitingAtExactly(Elements.TASK_VERIFY_ELIGIBILITY);
    assertThat(task(pathway, Elements.TASK_VERIFY_ELIGIBILITY)).hasCandidateGroup(CPI);
    Map<String, Object> variables = runtimeService.getVariables(eligibility.getId());
    assertThat(variables)
        .containsEntry(EligibilityProcess.Variables.VERIFICATION_ITEMS.name(), "OTHER_ENROLMENT")
        .containsEntry(EligibilityProcess.Variables.OTHER_ENROLMENTS.name(),
            "BOLLATE: " + support.record(bollate.pathwayId()).stage() + " (ACTIVE)");
    List<String> forbiddenValues = List.of(person.fiscalCode(), person.firstName(), person.lastName(),
        bollate.pathwayId().toString(), bollate.participantId().toString());
    assertNoneContains(variables.values(), forbiddenValues);
    assertNoneContains(support.historicVariables(eligibility.getId()).values(), forbiddenValues);
    // the BOLLATE pathway goes on as it was
    assertThat(support.record(bollate.pathwayId()).status()).isEqualTo("ACTIVE");
  }

  @Test
  void shouldAssignAnOperatorWhenTheVerificationConfirmsEligibility() {
    // given
    Started pathway = startedAtVerification();

    // when
    complete(pathway, Elements.TASK_VERIFY_ELIGIBILITY,
        vars(EligibilityProcess.Variables.VERIFICATION_OUTCOME.name(), EligibilityResult.ELIGIBLE));

    // then
    assertThat(pathway.instance()).isWaitingAtExactly(PathwayProcess.Elements.TASK_ASSIGN_OPERATOR);
    assertThat(runtimeService.getVariables(pathway.instance().getId()))
        .containsEntry(PathwayProcess.Variables.ELIGIBILITY_OUTCOME.name(), EligibilityResult.ELIGIBLE)
        .containsEntry(PathwayProcess.Variables.ELIGIBILITY_REASONS.name(), "");
    assertThat(record(pathway).stage()).isEqualTo("OPERATOR_ASSIGNMENT");
  }

  @Test
  void shouldCloseAsIneligibleForTheVerifiedItemWhenTheVerificationFails() {
    // given
    Started pathway = startedAtVerification();

    // when
    complete(pathway, Elements.TASK_VERIFY_ELIGIBILITY,
        vars(EligibilityProcess.Variables.VERIFICATION_OUTCOME.name(), EligibilityResult.INELIGIBLE));

    // then
    assertThat(pathway.instance()).isEnded().hasPassed(PathwayProcess.Elements.END_INELIGIBLE);
    Pathway record = assertClosed(pathway, EligibilityResult.INELIGIBLE);
    assertThat(record.reasonList()).containsExactly("NASPI");
    // referral.dmn: 35 years old, unemployed, no housing hardship -> GOL
    assertThat(record.referral()).isEqualTo("GOL");
  }

  @Test
  void shouldAlertTheManagerWhenTheVerificationIsOverdueAndKeepTheVerificationOpen() {
    // given
    Started pathway = startedAtVerification();
    assertThat(support.timer(pathway.id(), Elements.TIMER_VERIFICATION_OVERDUE).getDuedate())
        .isEqualTo(endOf(TEN_WORKING_DAYS_LATER));

    // when
    support.fireTimer(pathway.id(), Elements.TIMER_VERIFICATION_OVERDUE);

    // then
    ProcessInstance eligibility = calledInstance(pathway, EligibilityProcess.KEY);
    assertThat(eligibility).isWaitingAtExactly(Elements.TASK_VERIFY_ELIGIBILITY,
        Elements.TASK_VERIFICATION_OVERDUE_ALERT);
    assertThat(task(pathway, Elements.TASK_VERIFICATION_OVERDUE_ALERT)).hasCandidateGroup(MANAGER);

    // when: the manager acknowledges the alert
    complete(pathway, Elements.TASK_VERIFICATION_OVERDUE_ALERT,
        vars(EligibilityProcess.Variables.ALERT_ACKNOWLEDGED.name(), true));

    // then: the verification is still due
    assertThat(eligibility).hasPassed(Elements.END_ALERT_HANDLED)
        .isWaitingAtExactly(Elements.TASK_VERIFY_ELIGIBILITY);

    // when: the CPI verifies at last
    complete(pathway, Elements.TASK_VERIFY_ELIGIBILITY,
        vars(EligibilityProcess.Variables.VERIFICATION_OUTCOME.name(), EligibilityResult.ELIGIBLE));

    // then
    assertThat(pathway.instance()).isWaitingAtExactly(PathwayProcess.Elements.TASK_ASSIGN_OPERATOR);
  }

  @Test
  void shouldWaitForMissingDocumentsAndVerifyAgainWithANewDeadlineWhenTheyArrive() {
    // given
    Started pathway = startedAtVerification();

    // when
    complete(pathway, Elements.TASK_VERIFY_ELIGIBILITY,
        vars(EligibilityProcess.Variables.VERIFICATION_OUTCOME.name(), EligibilityResult.DOCUMENTS_MISSING));

    // then
    assertThat(calledInstance(pathway, EligibilityProcess.KEY)).isWaitingAtExactly(Elements.TASK_AWAIT_DOCUMENTS);
    assertThat(task(pathway, Elements.TASK_AWAIT_DOCUMENTS))
        .hasCandidateGroup(CPI)
        .hasDueDate(endOf(THIRTY_DAYS_LATER));
    assertThat(support.timer(pathway.id(), Elements.TIMER_DOCUMENTS_TIMEOUT).getDuedate())
        .isEqualTo(endOf(THIRTY_DAYS_LATER));
    assertThat(record(pathway).stage()).isEqualTo("DOCUMENTS");

    // when: the documents arrive on Monday 14 December
    setClock(LocalDateTime.of(2026, 12, 14, 9, 30));
    complete(pathway, Elements.TASK_AWAIT_DOCUMENTS,
        vars(EligibilityProcess.Variables.DOCUMENTS_RECEIVED_ON.name(), "2026-12-14"));

    // then: 10 working days from 14 December skip Christmas and Saint Stephen's day
    LocalDate newDeadline = LocalDate.of(2026, 12, 29);
    assertThat(calledInstance(pathway, EligibilityProcess.KEY)).isWaitingAtExactly(Elements.TASK_VERIFY_ELIGIBILITY);
    assertThat(task(pathway, Elements.TASK_VERIFY_ELIGIBILITY)).hasDueDate(endOf(newDeadline));
    assertThat(support.timer(pathway.id(), Elements.TIMER_VERIFICATION_OVERDUE).getDuedate())
        .isEqualTo(endOf(newDeadline));
    assertThat(managementService.createJobQuery().activityId(Elements.TIMER_DOCUMENTS_TIMEOUT)
        .processInstanceId(calledInstance(pathway, EligibilityProcess.KEY).getId()).count()).isZero();
    assertThat(record(pathway).stage()).isEqualTo("VERIFICATION");
  }

  @Test
  void shouldCloseAsIneligibleWhenTheMissingDocumentsNeverArrive() {
    // given
    Started pathway = startedAtVerification();
    complete(pathway, Elements.TASK_VERIFY_ELIGIBILITY,
        vars(EligibilityProcess.Variables.VERIFICATION_OUTCOME.name(), EligibilityResult.DOCUMENTS_MISSING));
    Job timeout = support.timer(pathway.id(), Elements.TIMER_DOCUMENTS_TIMEOUT);

    // when: 31 days later
    setClock(MONDAY_23_NOVEMBER_2026.plusDays(31));
    managementService.executeJob(timeout.getId());

    // then
    assertThat(pathway.instance()).isEnded().hasPassed(PathwayProcess.Elements.END_INELIGIBLE);
    assertThat(passedInCalled(pathway, EligibilityProcess.KEY))
        .contains(Elements.TIMER_DOCUMENTS_TIMEOUT, Elements.RULE_SUGGEST_REFERRAL, Elements.END_INELIGIBLE);
    Pathway record = assertClosed(pathway, EligibilityResult.INELIGIBLE);
    assertThat(record.reasonList()).containsExactly(EligibilityResult.DOCUMENTS_MISSING);
    assertThat(record.referral()).isEqualTo("GOL");
  }

  // ---- exits

  @Test
  void shouldCloseThePathwayWhereItStandsWhenThePersonWithdraws() {
    // given: waiting for the CPI's verification
    Started pathway = startedAtVerification();

    // when
    exits.withdraw(pathway.id(), "MOVED", LocalDate.of(2026, 11, 23), "lab.lorenteggio");

    // then: the event subprocess cancelled the eligibility stage and ended the pathway
    assertThat(pathway.instance()).isEnded()
        .hasPassed(PathwayProcess.Elements.START_WITHDRAWAL, PathwayProcess.Elements.END_WITHDRAWN);
    assertThat(historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(support.calledInstanceId(pathway.instance().getId(), EligibilityProcess.KEY))
        .singleResult().getEndTime()).isNotNull();
    assertThat(record(pathway).outcome()).isEqualTo("WITHDRAWN");
    assertThat(record(pathway).stage()).isEqualTo("VERIFICATION");
    assertOneClosure(pathway, "WITHDRAWN", "VERIFICATION");
  }

  @Test
  void shouldInterruptThePathwayWhereItStandsWhenTheProgrammeEnds() {
    // given: waiting for the operator's first appointment
    Started pathway = startedAtFirstAppointment();

    // when
    exits.interrupt(pathway.id(), null);

    // then
    assertThat(pathway.instance()).isEnded()
        .hasPassed(PathwayProcess.Elements.START_PROGRAMME_ENDED, PathwayProcess.Elements.END_INTERRUPTED);
    assertThat(record(pathway).outcome()).isEqualTo("INTERRUPTED");
    assertThat(record(pathway).stage()).isEqualTo("FIRST_APPOINTMENT");
    assertOneClosure(pathway, "INTERRUPTED", "FIRST_APPOINTMENT");
    assertThat(support.openTasks(pathway.id())).isEmpty();
  }

  // ---- deadlines

  static Stream<Arguments> tenWorkingDaysFromMonday23November() {
    return Stream.of(
        Arguments.of(LORENTEGGIO, LocalDate.of(2026, 12, 9)),  // 7 Dec: Sant'Ambrogio, Milano's patron day
        Arguments.of(BOLLATE, LocalDate.of(2026, 12, 7)));     // Bollate's patron day is 11 Nov
  }

  @ParameterizedTest
  @MethodSource("tenWorkingDaysFromMonday23November")
  void shouldCountTheVerificationDeadlineInTheProjectsWorkingDays(String projectCode, LocalDate expectedDay) {
    // given: Monday 23 November 2026, 10:00 in Rome, the clock standing still
    setClock(MONDAY_23_NOVEMBER_2026);
    StartedPathway started = support.startPathway(projectCode, Channel.LAB);
    Started pathway = new Started(started.pathwayId(), instance(started));

    // when
    complete(pathway, IntakeProcess.Elements.TASK_INTAKE_INTERVIEW,
        interview(IntakeProcess.Variables.NASPI_RECIPIENT.name(), true));

    // then
    Task verification = task(pathway, Elements.TASK_VERIFY_ELIGIBILITY);
    assertThat(verification.getTenantId()).isEqualTo(projectCode);
    assertThat(verification.getDueDate()).isEqualTo(endOf(expectedDay));
    assertThat(verification.getDueDate().toInstant())
        .isEqualTo(expectedDay.atTime(23, 59, 59).atZone(ProcessTestSupport.ROME).toInstant());
  }

  // ---- privacy

  @Test
  void shouldKeepThePersonOutOfTheEngine() {
    // given
    TestPeople.Person person = TestPeople.adult();
    StartedPathway started = support.startPathway(LORENTEGGIO, Channel.LAB, person);
    Started pathway = new Started(started.pathwayId(), instance(started));

    // when: a full interview, with a free-text note and special-category data
    Map<String, Object> answers = interview();
    answers.put("note", "Ha lavorato come magazziniere, cerca un impiego vicino a casa");
    answers.put("vulnerabilities", new ArrayList<>(List.of("MIGRANT", "DISABILITY")));
    complete(pathway, IntakeProcess.Elements.TASK_INTAKE_INTERVIEW, answers);

    // then: the sensitive answers went to the registry ...
    assertThat(intakeRecords.vulnerabilities(pathway.id())).containsExactly("DISABILITY", "MIGRANT");
    assertThat(intakeRecords.notes(pathway.id())).extracting(IntakeRecords.CaseNote::text)
        .containsExactly("Ha lavorato come magazziniere, cerca un impiego vicino a casa");
    // ... and neither they nor the person's identity are in the engine, at run time or in history
    List<String> forbiddenNames = List.of("note", "vulnerabilities", "fiscalCode", "firstName", "lastName");
    List<String> forbiddenValues = List.of(person.fiscalCode(), person.firstName(), person.lastName());
    String pathwayInstance = pathway.instance().getId();
    String intakeInstance = support.calledInstanceId(pathwayInstance, IntakeProcess.KEY);
    String eligibilityInstance = support.calledInstanceId(pathwayInstance, EligibilityProcess.KEY);

    Map<String, Object> runtime = runtimeService.getVariables(pathwayInstance);
    assertThat(runtime).doesNotContainKeys(forbiddenNames.toArray(String[]::new));
    assertNoneContains(runtime.values(), forbiddenValues);
    for (String instance : List.of(pathwayInstance, intakeInstance, eligibilityInstance)) {
      Map<String, Object> history = support.historicVariables(instance);
      assertThat(history).doesNotContainKeys(forbiddenNames.toArray(String[]::new));
      assertNoneContains(history.values(), forbiddenValues);
      List<HistoricDetail> details = historyService.createHistoricDetailQuery().processInstanceId(instance).list();
      assertThat(details).isNotEmpty();
      for (HistoricDetail detail : details) {
        if (detail instanceof HistoricVariableUpdate update) {
          assertThat(update.getVariableName()).isNotIn(forbiddenNames);
          assertNoneContains(List.of(String.valueOf(update.getValue())), forbiddenValues);
        }
      }
    }
  }

  // ---- helpers

  /** A pathway and its {@code pathway} process instance (kept to assert on it after it ended). */
  @Test
  void shouldLetTheCpiHandAnOverdueFirstAppointmentToAnotherOperator() {
    // given: SOLCO is late with the first appointment
    Started pathway = startedAtFirstAppointment();
    ProcessInstance solco = calledInstance(pathway, HandoverProcess.KEY);
    support.fireTimer(pathway.id(), HandoverProcess.Elements.TIMER_FIRST_APPOINTMENT_OVERDUE);
    Task overdue = task(pathway, HandoverProcess.Elements.TASK_APPOINTMENT_OVERDUE);
    assertThat(taskService.getVariableLocal(overdue.getId(), PathwayProcess.Variables.OPERATOR_OPTIONS.name())
        .toString()).contains("MESTIERI").contains("SOLCO");

    // when: a choice that is not another accredited operator, or a new operator with a reminder, is refused
    for (Map<String, Object> wrong : List.of(
        vars(HandoverProcess.Variables.OVERDUE_ACTION.name(), "REASSIGN",
            HandoverProcess.Variables.NEW_OPERATOR_ORGANISATION.name(), "SOLCO"),
        vars(HandoverProcess.Variables.OVERDUE_ACTION.name(), "REASSIGN",
            HandoverProcess.Variables.NEW_OPERATOR_ORGANISATION.name(), "COMUNE_MI"),
        vars(HandoverProcess.Variables.OVERDUE_ACTION.name(), "REASSIGN"),
        vars(HandoverProcess.Variables.OVERDUE_ACTION.name(), "REMIND",
            HandoverProcess.Variables.NEW_OPERATOR_ORGANISATION.name(), "MESTIERI"))) {
      assertThatThrownBy(() -> complete(pathway, HandoverProcess.Elements.TASK_APPOINTMENT_OVERDUE, wrong))
          .hasMessageContaining(HandoverProcess.Variables.NEW_OPERATOR_ORGANISATION.name());
    }

    // when: the CPI hands the pathway to MESTIERI, two days later
    setClock(LocalDateTime.of(2026, 12, 11, 9, 0));
    complete(pathway, HandoverProcess.Elements.TASK_APPOINTMENT_OVERDUE,
        vars(HandoverProcess.Variables.OVERDUE_ACTION.name(), "REASSIGN",
            HandoverProcess.Variables.NEW_OPERATOR_ORGANISATION.name(), "MESTIERI"));

    // then: SOLCO's hand-over ended, a new one waits in MESTIERI's part with a new deadline
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(solco.getId()).singleResult()
        .getEndTime()).isNotNull();
    assertThat(support.passedActivities(solco.getId())).contains(HandoverProcess.Elements.END_REASSIGNED);
    ProcessInstance mestieri = calledInstance(pathway, HandoverProcess.KEY);
    assertThat(mestieri.getTenantId()).isEqualTo("LORENTEGGIO.MESTIERI");
    Task appointment = task(pathway, HandoverProcess.Elements.TASK_FIRST_APPOINTMENT);
    assertThat(appointment).hasCandidateGroup("MESTIERI");
    assertThat(appointment.getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 12, 28))); // 10 working days
    assertThat(record(pathway).operatorOrganisation()).isEqualTo("MESTIERI");
    assertThat(record(pathway).stage()).isEqualTo("FIRST_APPOINTMENT");

    // when: MESTIERI records the appointment
    complete(pathway, HandoverProcess.Elements.TASK_FIRST_APPOINTMENT,
        vars(HandoverProcess.Variables.APPOINTMENT_DATE.name(), "2026-12-15"));

    // then: its skills assessment follows, in its part; the appointment's date is on the pathway
    assertThat(pathway.instance()).isWaitingAtExactly(PathwayProcess.Elements.CALL_ASSESSMENT);
    assertThat(task(pathway, AssessmentProcess.Elements.TASK_SKILLS_ASSESSMENT)).hasCandidateGroup("MESTIERI");
    assertThat(jdbc.sql("select first_appointment_date from pathway where id = ?").param(pathway.id())
        .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2026, 12, 15));
  }

  // ---- skills assessment and the route it chooses

  @Test
  void shouldAssessTheSkillsAndGoOnToThePlanWhenThePersonIsReadyForWork() {
    // given
    Started pathway = handedOver();
    Task task = task(pathway, AssessmentProcess.Elements.TASK_SKILLS_ASSESSMENT);
    assertThat(task).hasCandidateGroup("SOLCO");
    assertThat(task.getTenantId()).isEqualTo("LORENTEGGIO.SOLCO");
    assertThat(task.getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 12, 23))); // 20 working days
    assertThat(record(pathway).stage()).isEqualTo("SKILLS_ASSESSMENT");

    // when
    complete(pathway, AssessmentProcess.Elements.TASK_SKILLS_ASSESSMENT, assessment(true, false, false));

    // then: LABOUR, on to the plan in the operator's part; the facts on record, the note in the registry only
    assertThat(pathway.instance()).isWaitingAtExactly(PathwayProcess.Elements.CALL_PLAN);
    Task draft = task(pathway, PlanProcess.Elements.TASK_DRAFT_PLAN);
    assertThat(draft).hasCandidateGroup("SOLCO");
    assertThat(draft.getTenantId()).isEqualTo("LORENTEGGIO.SOLCO");
    assertThat(draft.getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 12, 16))); // 15 working days
    assertThat(record(pathway).stage()).isEqualTo("PLAN");
    assertThat(record(pathway).status()).isEqualTo("ACTIVE");
    List<AssessmentRecords.SkillsAssessment> facts = assessments.ofPathway(pathway.id());
    assertThat(facts).singleElement().satisfies(a -> {
      assertThat(a.route()).isEqualTo("LABOUR");
      assertThat(a.orientationHours()).isEqualTo(12);
      assertThat(a.eqfLevel()).isEqualTo(3);
      assertThat(a.availability()).isEqualTo("PART_TIME");
      assertThat(a.operatorOrganisation()).isEqualTo("SOLCO");
      assertThat(a.projectCode()).isEqualTo("LORENTEGGIO");
    });
    assertThat(support.historicVariables(pathway.instance().getId()))
        .containsEntry(AssessmentProcess.Variables.PATHWAY_ROUTE.name(), "LABOUR")
        .containsEntry(AssessmentProcess.Variables.EQF_LEVEL.name(), 3)
        .doesNotContainKey(IntakeProcess.Variables.NOTE.name());
  }

  @Test
  void shouldAccompanyThePersonToSelfEmploymentAndCloseAsPlacedWhenTheBusinessStarts() {
    // given
    Started pathway = handedOver();

    // when: the person wants to start a business
    complete(pathway, AssessmentProcess.Elements.TASK_SKILLS_ASSESSMENT, assessment(true, false, true));

    // then: the accompaniment, in the operator's part
    assertThat(pathway.instance()).isWaitingAtExactly(PathwayProcess.Elements.CALL_SELF_EMPLOYMENT);
    assertThat(record(pathway).stage()).isEqualTo("SELF_EMPLOYMENT");
    assertThat(assessments.ofPathway(pathway.id())).extracting(AssessmentRecords.SkillsAssessment::route)
        .containsExactly("SELF_EMPLOYMENT");
    Task start = task(pathway, SelfEmploymentProcess.Elements.TASK_START_ACCOMPANIMENT);
    assertThat(start).hasCandidateGroup("SOLCO");
    assertThat(start.getTenantId()).isEqualTo("LORENTEGGIO.SOLCO");

    // when: accompanied for its months, the business started
    accompanyToTheOutcome(pathway);
    complete(pathway, SelfEmploymentProcess.Elements.TASK_OUTCOME,
        vars(SelfEmploymentProcess.Variables.BUSINESS_STARTED.name(), true,
            SelfEmploymentProcess.Variables.BUSINESS_START_DATE.name(), "2027-06-01"));

    // then
    assertThat(pathway.instance()).isEnded().hasPassed(PathwayProcess.Elements.END_SELF_EMPLOYMENT_PLACED);
    assertClosed(pathway, "PLACED");
    assertThat(closures.of(pathway.id())).get().satisfies(c -> {
      assertThat(c.outcome()).isEqualTo("PLACED");
      assertThat(c.stageAtClosure()).isEqualTo("SELF_EMPLOYMENT");
    });
  }

  @Test
  void shouldCloseAsCompletedNotPlacedWhenTheBusinessDidNotStart() {
    Started pathway = handedOver();
    complete(pathway, AssessmentProcess.Elements.TASK_SKILLS_ASSESSMENT, assessment(true, false, true));
    accompanyToTheOutcome(pathway);

    complete(pathway, SelfEmploymentProcess.Elements.TASK_OUTCOME,
        vars(SelfEmploymentProcess.Variables.BUSINESS_STARTED.name(), false));

    assertThat(pathway.instance()).isEnded().hasPassed(PathwayProcess.Elements.END_SELF_EMPLOYMENT_NOT_PLACED);
    assertClosed(pathway, "COMPLETED_NOT_PLACED");
  }

  /** Starts the accompaniment and records every monthly check-in: the outcome task is next. */
  private void accompanyToTheOutcome(Started pathway) {
    complete(pathway, SelfEmploymentProcess.Elements.TASK_START_ACCOMPANIMENT,
        vars(SelfEmploymentProcess.Variables.BUSINESS_SECTOR.name(), "FOOD_SERVICE",
            SelfEmploymentProcess.Variables.PLANNED_START_DATE.name(), "2027-03-01"));
    for (int month = 1; month <= 12; month++) {
      support.fireTimer(pathway.id(), SelfEmploymentProcess.Elements.TIMER_CHECK_IN_DUE);
      complete(pathway, SelfEmploymentProcess.Elements.TASK_CHECK_IN,
          vars(SelfEmploymentProcess.Variables.CHECK_IN_PROGRESS.name(), "ON_TRACK"));
    }
    task(pathway, SelfEmploymentProcess.Elements.TASK_OUTCOME);
  }

  @Test
  void shouldSendThePersonToTheSocialServicesAndAssessAgainOnTheDayTheySet() {
    // given
    Started pathway = handedOver();

    // when: needs social support, not ready for work
    complete(pathway, AssessmentProcess.Elements.TASK_SKILLS_ASSESSMENT, assessment(false, true, false));

    // then: the Comune's social services get the task in their part of the project
    assertThat(pathway.instance()).isWaitingAtExactly(PathwayProcess.Elements.CALL_SOCIAL_REFERRAL);
    assertThat(record(pathway).stage()).isEqualTo("SOCIAL_INCLUSION");
    Task social = task(pathway, SocialReferralProcess.Elements.TASK_SOCIAL_REFERRAL);
    assertThat(social).hasCandidateGroup("COMUNE_MI");
    assertThat(social.getTenantId()).isEqualTo("LORENTEGGIO.COMUNE_MI");

    // when: they set the re-assessment for Monday 1 March 2027
    complete(pathway, SocialReferralProcess.Elements.TASK_SOCIAL_REFERRAL,
        vars(SocialReferralProcess.Variables.SOCIAL_REFERRAL_DECISION.name(), "REASSESS",
            SocialReferralProcess.Variables.REASSESSMENT_DATE.name(), "2027-03-01",
            IntakeProcess.Variables.NOTE.name(), "seguita dall'assistente sociale"));

    // then: the pathway waits for that day, shown on its record
    assertThat(pathway.instance()).isWaitingAtExactly(PathwayProcess.Elements.TIMER_REASSESSMENT);
    assertThat(support.timer(pathway.id(), PathwayProcess.Elements.TIMER_REASSESSMENT).getDuedate())
        .isEqualTo(rome(LocalDate.of(2027, 3, 1).atStartOfDay()));
    assertThat(jdbc.sql("select reassessment_date from pathway where id = ?").param(pathway.id())
        .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2027, 3, 1));

    // when: the day comes
    support.fireTimer(pathway.id(), PathwayProcess.Elements.TIMER_REASSESSMENT);

    // then: back to the operator; the orientation hours left are the budget's rest
    assertThat(pathway.instance()).isWaitingAtExactly(PathwayProcess.Elements.CALL_ASSESSMENT);
    assertThat(task(pathway, AssessmentProcess.Elements.TASK_SKILLS_ASSESSMENT)).hasCandidateGroup("SOLCO");
    assertThat(record(pathway).stage()).isEqualTo("SKILLS_ASSESSMENT");
    assertThatThrownBy(() -> complete(pathway, AssessmentProcess.Elements.TASK_SKILLS_ASSESSMENT,
        with(assessment(true, false, false), AssessmentProcess.Variables.ORIENTATION_HOURS.name(), 7)))
        .hasMessageContaining("orientationHours");
    complete(pathway, AssessmentProcess.Elements.TASK_SKILLS_ASSESSMENT,
        with(assessment(true, false, false), AssessmentProcess.Variables.ORIENTATION_HOURS.name(), 6));
    assertThat(pathway.instance()).isWaitingAtExactly(PathwayProcess.Elements.CALL_PLAN);
    assertThat(assessments.ofPathway(pathway.id())).extracting(AssessmentRecords.SkillsAssessment::route)
        .containsExactly("SOCIAL_INCLUSION", "LABOUR");
  }

  @Test
  void shouldRefuseAReassessmentDateTodayOrMoreThanAYearAhead() {
    Started pathway = handedOver();
    complete(pathway, AssessmentProcess.Elements.TASK_SKILLS_ASSESSMENT, assessment(false, true, false));

    for (String day : List.of("2026-11-23", "2027-11-24")) {
      assertThatThrownBy(() -> complete(pathway, SocialReferralProcess.Elements.TASK_SOCIAL_REFERRAL,
          vars(SocialReferralProcess.Variables.SOCIAL_REFERRAL_DECISION.name(), "REASSESS",
              SocialReferralProcess.Variables.REASSESSMENT_DATE.name(), day)))
          .hasMessageContaining("reassessmentDate");
    }
    assertThat(pathway.instance()).isWaitingAtExactly(PathwayProcess.Elements.CALL_SOCIAL_REFERRAL);
  }

  @Test
  void shouldAskTheSocialServicesForAnExplicitChoiceAndADateOnlyToReassess() {
    Started pathway = handedOver();
    complete(pathway, AssessmentProcess.Elements.TASK_SKILLS_ASSESSMENT, assessment(false, true, false));
    String decision = SocialReferralProcess.Variables.SOCIAL_REFERRAL_DECISION.name();
    String date = SocialReferralProcess.Variables.REASSESSMENT_DATE.name();

    assertThatThrownBy(() -> complete(pathway, SocialReferralProcess.Elements.TASK_SOCIAL_REFERRAL,
        vars(date, "2027-03-01"))).hasMessageContaining(decision);
    assertThatThrownBy(() -> complete(pathway, SocialReferralProcess.Elements.TASK_SOCIAL_REFERRAL,
        vars(decision, "REASSESS"))).hasMessageContaining(date);
    assertThatThrownBy(() -> complete(pathway, SocialReferralProcess.Elements.TASK_SOCIAL_REFERRAL,
        vars(decision, "KEEP", date, "2027-03-01"))).hasMessageContaining(date);
    assertThatThrownBy(() -> complete(pathway, SocialReferralProcess.Elements.TASK_SOCIAL_REFERRAL,
        vars(decision, "MAYBE"))).hasMessageContaining(decision);
    assertThat(pathway.instance()).isWaitingAtExactly(PathwayProcess.Elements.CALL_SOCIAL_REFERRAL);
  }

  @Test
  void shouldCloseThePathwayAsSocialReferralWhenTheSocialServicesKeepThePerson() {
    Started pathway = handedOver();
    complete(pathway, AssessmentProcess.Elements.TASK_SKILLS_ASSESSMENT, assessment(false, true, false));

    complete(pathway, SocialReferralProcess.Elements.TASK_SOCIAL_REFERRAL,
        vars(SocialReferralProcess.Variables.SOCIAL_REFERRAL_DECISION.name(), "KEEP",
            IntakeProcess.Variables.NOTE.name(), "seguita dal servizio sociale professionale"));

    assertThat(pathway.instance()).isEnded().hasPassed(PathwayProcess.Elements.END_SOCIAL_REFERRAL)
        .hasNotPassed(PathwayProcess.Elements.TIMER_REASSESSMENT);
    assertClosed(pathway, "SOCIAL_REFERRAL");
    assertThat(jdbc.sql("select reassessment_date from pathway where id = ?").param(pathway.id())
        .query(LocalDate.class).list()).containsOnlyNulls();
    assertThat(closures.of(pathway.id())).get().satisfies(c -> {
      assertThat(c.outcome()).isEqualTo("SOCIAL_REFERRAL");
      assertThat(c.stageAtClosure()).isEqualTo("SOCIAL_INCLUSION");
      assertThat(c.trainingHoursAttended()).isEqualByComparingTo("0");
      assertThat(c.indemnity()).isEqualByComparingTo("0");
    });
  }

  // ---- personalised plan (PIP)

  @Test
  void shouldSignAnApprovedPlanAndGoOnToTraining() {
    // given: the operator has written a draft
    Started pathway = atPlan();
    plans.saveDraft(pathway.id(), LORENTEGGIO, draft("400.00"), "operator.lorenteggio");

    // when: it sends the draft
    complete(pathway, PlanProcess.Elements.TASK_DRAFT_PLAN, vars(PlanProcess.Variables.PLAN_SUBMITTED.name(), true));

    // then: the project's CPI decides on version 1
    assertThat(task(pathway, PlanProcess.Elements.TASK_APPROVE_PLAN)).hasCandidateGroup(CPI);
    assertThat(planRecords.latest(pathway.id()).orElseThrow()).satisfies(v -> {
      assertThat(v.version()).isEqualTo(1);
      assertThat(v.status()).isEqualTo("SUBMITTED");
      assertThat(v.submittedAt()).isNotNull();
    });

    // when: the CPI approves it
    complete(pathway, PlanProcess.Elements.TASK_APPROVE_PLAN, vars(PlanProcess.Variables.PLAN_APPROVED.name(), true));

    // then: the operator records the signature within 30 calendar days
    Task signature = task(pathway, PlanProcess.Elements.TASK_RECORD_SIGNATURE);
    assertThat(signature).hasCandidateGroup("SOLCO");
    assertThat(signature.getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 12, 23)));
    assertThat(support.timer(pathway.id(), PlanProcess.Elements.TIMER_SIGNATURE_OVERDUE).getDuedate())
        .isEqualTo(signature.getDueDate());
    assertThat(planRecords.latest(pathway.id()).orElseThrow().approvedOn()).isEqualTo(LocalDate.of(2026, 11, 23));

    // a signature before the approval or in the future is refused
    for (String day : List.of("2026-11-22", "2026-11-24")) {
      assertThatThrownBy(() -> complete(pathway, PlanProcess.Elements.TASK_RECORD_SIGNATURE,
          vars(PlanProcess.Variables.SIGNED_ON.name(), day))).hasMessageContaining("signedOn");
    }

    // when: signed today
    complete(pathway, PlanProcess.Elements.TASK_RECORD_SIGNATURE,
        vars(PlanProcess.Variables.SIGNED_ON.name(), "2026-11-23"));

    // then: the version is signed, the pathway goes on to training and stays open
    assertThat(pathway.instance()).isWaitingAt(PathwayProcess.Elements.CALL_TRAINING);
    assertThat(record(pathway).stage()).isEqualTo("TRAINING");
    assertThat(record(pathway).status()).isEqualTo("ACTIVE");
    assertThat(planRecords.latest(pathway.id()).orElseThrow()).satisfies(v -> {
      assertThat(v.status()).isEqualTo("SIGNED");
      assertThat(v.signedOn()).isEqualTo(LocalDate.of(2026, 11, 23));
    });
    assertThat(support.historicVariables(pathway.instance().getId()))
        .containsEntry(PlanProcess.Variables.PLAN_OUTCOME.name(), "SIGNED");
  }

  @Test
  void shouldRefuseToSendAPlanThatWasNeverWritten() {
    Started pathway = atPlan();

    assertThatThrownBy(() -> complete(pathway, PlanProcess.Elements.TASK_DRAFT_PLAN,
        vars(PlanProcess.Variables.PLAN_SUBMITTED.name(), true))).hasMessageContaining("planSubmitted");

    task(pathway, PlanProcess.Elements.TASK_DRAFT_PLAN);
    assertThat(planRecords.versions(pathway.id())).isEmpty();
  }

  @Test
  void shouldSendARejectedPlanBackToTheOperatorWithTheReasonInTheCaseNotesOnly() {
    // given: version 1 sent
    Started pathway = atPlan();
    plans.saveDraft(pathway.id(), LORENTEGGIO, draft("400.00"), "operator.lorenteggio");
    complete(pathway, PlanProcess.Elements.TASK_DRAFT_PLAN, vars(PlanProcess.Variables.PLAN_SUBMITTED.name(), true));

    // a rejection needs its reason
    assertThatThrownBy(() -> complete(pathway, PlanProcess.Elements.TASK_APPROVE_PLAN,
        vars(PlanProcess.Variables.PLAN_APPROVED.name(), false))).hasMessageContaining("rejectionReason");

    // when: the CPI rejects it with a reason
    String reason = "tirocinio non coerente con la disponibilita' part time";
    complete(pathway, PlanProcess.Elements.TASK_APPROVE_PLAN, vars(PlanProcess.Variables.PLAN_APPROVED.name(), false,
        PlanProcess.Variables.REJECTION_REASON.name(), reason));

    // then: back to drafting; the reason in the case notes, not in the engine
    task(pathway, PlanProcess.Elements.TASK_DRAFT_PLAN);
    assertThat(planRecords.latest(pathway.id()).orElseThrow().status()).isEqualTo("REJECTED");
    assertThat(intakeRecords.notes(pathway.id())).anySatisfy(n -> {
      assertThat(n.taskKey()).isEqualTo(PlanProcess.Elements.TASK_APPROVE_PLAN);
      assertThat(n.field()).isEqualTo(PlanProcess.Variables.REJECTION_REASON.name());
      assertThat(n.text()).isEqualTo(reason);
    });
    String planInstance = support.calledInstanceId(pathway.instance().getId(), PlanProcess.KEY);
    assertThat(support.historicVariables(planInstance)).doesNotContainKey(PlanProcess.Variables.REJECTION_REASON.name());
    assertNoneContains(historyService.createHistoricDetailQuery().processInstanceId(planInstance).list().stream()
        .filter(HistoricVariableUpdate.class::isInstance).map(d -> ((HistoricVariableUpdate) d).getValue()).toList(),
        List.of(reason));

    // when: the operator writes again: version 2, sent and approved
    plans.saveDraft(pathway.id(), LORENTEGGIO, draft("300.00"), "operator.lorenteggio");
    complete(pathway, PlanProcess.Elements.TASK_DRAFT_PLAN, vars(PlanProcess.Variables.PLAN_SUBMITTED.name(), true));
    complete(pathway, PlanProcess.Elements.TASK_APPROVE_PLAN, vars(PlanProcess.Variables.PLAN_APPROVED.name(), true));

    // then
    assertThat(planRecords.versions(pathway.id())).extracting(v -> v.version() + ":" + v.status())
        .containsExactly("1:REJECTED", "2:APPROVED");
    task(pathway, PlanProcess.Elements.TASK_RECORD_SIGNATURE);
  }

  @Test
  void shouldRemindTheOperatorTwentyDaysAfterTheApprovalAndCloseThePathwayWhenUnsignedAfterThirty() {
    // given: approved on Monday 23 November 2026
    Started pathway = withApprovedPlan();
    assertThat(support.timer(pathway.id(), PlanProcess.Elements.TIMER_SIGNATURE_REMINDER).getDuedate())
        .isEqualTo(rome(LocalDate.of(2026, 12, 13).atStartOfDay()));

    // when: day 20 comes
    support.fireTimer(pathway.id(), PlanProcess.Elements.TIMER_SIGNATURE_REMINDER);

    // then: the operator is reminded, the signature is still awaited
    assertThat(task(pathway, PlanProcess.Elements.TASK_SIGNATURE_REMINDER)).hasCandidateGroup("SOLCO");
    task(pathway, PlanProcess.Elements.TASK_RECORD_SIGNATURE);
    complete(pathway, PlanProcess.Elements.TASK_SIGNATURE_REMINDER,
        vars(PlanProcess.Variables.SIGNATURE_REMINDED.name(), true));
    task(pathway, PlanProcess.Elements.TASK_RECORD_SIGNATURE);

    // when: day 30 ends without a signature
    support.fireTimer(pathway.id(), PlanProcess.Elements.TIMER_SIGNATURE_OVERDUE);

    // then: the pathway is closed as PLAN_NOT_SIGNED; the deadline is missed
    assertThat(pathway.instance()).isEnded().hasPassed(PathwayProcess.Elements.END_PLAN_NOT_SIGNED);
    assertClosed(pathway, "PLAN_NOT_SIGNED");
    assertThat(support.openTasks(pathway.id())).isEmpty();
    assertThat(planRecords.latest(pathway.id()).orElseThrow().status()).isEqualTo("APPROVED");
    assertThat(jdbc.sql("select state from deadline where pathway_id = ? and kind = 'PLAN_SIGNATURE'")
        .param(pathway.id()).query(String.class).single()).isEqualTo("MISSED");
  }

  @Test
  void shouldEndTheReminderWhenThePlanIsSigned() {
    Started pathway = withApprovedPlan();
    support.fireTimer(pathway.id(), PlanProcess.Elements.TIMER_SIGNATURE_REMINDER);

    complete(pathway, PlanProcess.Elements.TASK_RECORD_SIGNATURE,
        vars(PlanProcess.Variables.SIGNED_ON.name(), "2026-12-13"));

    assertThat(support.openTasks(pathway.id())).isEmpty();
    assertThat(record(pathway).stage()).isEqualTo("TRAINING");
    assertThat(jdbc.sql("select state from deadline where pathway_id = ? and kind = 'PLAN_SIGNATURE'")
        .param(pathway.id()).query(String.class).single()).isEqualTo("MET");
  }

  // ---- training

  @Test
  void shouldFollowTheCourseToItsEndAndGoOnToTheInternshipWhenItIsCompleted() {
    // given: the plan signed, its course MAG-01 (40 h, 11 January to 12 February 2027)
    Started pathway = withSignedPlan();
    assertThat(pathway.instance()).isWaitingAt(PathwayProcess.Elements.CALL_TRAINING);
    assertThat(calledInstance(pathway, TrainingProcess.KEY)).isWaitingAt(TrainingProcess.Elements.TIMER_COURSE_ENDED);
    assertThat(support.timer(pathway.id(), TrainingProcess.Elements.TIMER_COURSE_ENDED).getDuedate())
        .isEqualTo(rome(LocalDate.of(2027, 2, 13).atStartOfDay()));
    assertThat(record(pathway).stage()).isEqualTo("TRAINING");

    // when: 30 of its 40 hours are attended (75 %), one line corrected from 2 to 7.5 hours
    setClock(LocalDateTime.of(2027, 2, 12, 18, 0));
    attend(pathway, "7.5", 11, 12, 13);
    var mistaken = training.record(record(pathway), "MAG-01", LocalDate.of(2027, 1, 14), new java.math.BigDecimal("2"),
        "operator.lorenteggio").orElseThrow();
    training.correct(mistaken, new java.math.BigDecimal("7.5"), "registro cartaceo", "operator.lorenteggio");
    setClock(LocalDateTime.of(2027, 2, 13, 0, 0));
    support.fireTimer(pathway.id(), TrainingProcess.Elements.TIMER_COURSE_ENDED);

    // then: the course is completed with its certificate; the plan foresees an internship: its agreement is next
    assertThat(pathway.instance()).isWaitingAtExactly(PathwayProcess.Elements.CALL_INTERNSHIP);
    assertThat(calledInstance(pathway, InternshipProcess.KEY))
        .isWaitingAtExactly(InternshipProcess.Elements.TASK_INTERNSHIP_AGREEMENT);
    assertThat(passedInCalled(pathway, TrainingProcess.KEY)).contains(TrainingProcess.Elements.TASK_COURSE_RESULT,
        TrainingProcess.Elements.END_TRAINING_DONE).doesNotContain(TrainingProcess.Elements.TASK_COURSE_OUTCOME);
    assertThat(record(pathway).stage()).isEqualTo("INTERNSHIP");
    assertThat(record(pathway).status()).isEqualTo("ACTIVE");
    assertThat(training.results(pathway.id())).singleElement().satisfies(r -> {
      assertThat(r.attendedHours()).isEqualByComparingTo("30");
      assertThat(r.attendanceRate()).isEqualByComparingTo("75");
      assertThat(r.completed()).isTrue();
      assertThat(r.certificateIssuedOn()).isEqualTo(LocalDate.of(2027, 2, 13));
    });
    assertThat(support.historicVariables(pathway.instance().getId()))
        .containsEntry(TrainingProcess.Variables.TRAINING_OUTCOME.name(), "DONE")
        .containsEntry(TrainingProcess.Variables.NEXT_STAGE.name(), "INTERNSHIP");
  }

  @Test
  void shouldGoFromTheTrainingThroughTheInternshipToThePlacement() {
    // given: the course completed (30 of 40 hours), the plan foresees an internship
    Started pathway = withSignedPlan();
    setClock(LocalDateTime.of(2027, 2, 12, 18, 0));
    attend(pathway, "7.5", 11, 12, 13, 14);
    setClock(LocalDateTime.of(2027, 2, 13, 0, 0));
    support.fireTimer(pathway.id(), TrainingProcess.Elements.TIMER_COURSE_ENDED);
    assertThat(pathway.instance()).isWaitingAtExactly(PathwayProcess.Elements.CALL_INTERNSHIP);
    assertThat(record(pathway).stage()).isEqualTo("INTERNSHIP");

    // when: the agreement of 2 months from 1 March 2027 is written and confirmed, and its last day ends
    var terms = new org.erplab.pathways.pathway.domain.Internship.Terms("Magazzini Lombardi srl", "SOLCO",
        "Magazzini Lombardi srl", LocalDate.of(2027, 3, 1), 2, new java.math.BigDecimal("30"));
    assertThat(internship.check(record(pathway), internship.agreement(pathway.id()).orElseThrow(), terms)).isEmpty();
    internship.write(pathway.id(), terms, "operator.lorenteggio");
    complete(pathway, InternshipProcess.Elements.TASK_INTERNSHIP_AGREEMENT,
        vars(InternshipProcess.Variables.AGREEMENT_CONFIRMED.name(), true));
    assertThat(support.timer(pathway.id(), InternshipProcess.Elements.TIMER_INTERNSHIP_END).getDuedate())
        .isEqualTo(endOf(LocalDate.of(2027, 4, 30)));
    support.fireTimer(pathway.id(), InternshipProcess.Elements.TIMER_INTERNSHIP_END);

    // then: on to the placement, the pathway open in stage PLACEMENT
    assertThat(pathway.instance()).isWaitingAt(PathwayProcess.Elements.CALL_PLACEMENT).hasPassed(
        PathwayProcess.Elements.GATEWAY_NEXT_STAGE, PathwayProcess.Elements.CALL_INTERNSHIP,
        PathwayProcess.Elements.GATEWAY_JOIN_PLACEMENT);
    assertThat(record(pathway).stage()).isEqualTo("PLACEMENT");
    assertThat(record(pathway).status()).isEqualTo("ACTIVE");
    assertThat(support.historicVariables(pathway.instance().getId()))
        .containsEntry(InternshipProcess.Variables.INTERNSHIP_OUTCOME.name(), "COMPLETED");
  }

  @Test
  void shouldLetTheOperatorRetryACourseNotCompletedAndThenContinueWithoutItsCertificate() {
    // given: 20 of 40 hours attended (50 %)
    Started pathway = withSignedPlan();
    setClock(LocalDateTime.of(2027, 2, 12, 18, 0));
    attend(pathway, "5", 11, 12, 13, 14);
    setClock(LocalDateTime.of(2027, 2, 13, 0, 0));

    // when: the course ends
    support.fireTimer(pathway.id(), TrainingProcess.Elements.TIMER_COURSE_ENDED);

    // then: the operator decides how to go on
    assertThat(task(pathway, TrainingProcess.Elements.TASK_COURSE_OUTCOME)).hasCandidateGroup("SOLCO");
    assertThat(training.results(pathway.id())).singleElement()
        .satisfies(r -> assertThat(r.completed()).isFalse());

    // when: RETRY: the course goes on for its length again (33 days, to 17 March 2027)
    complete(pathway, TrainingProcess.Elements.TASK_COURSE_OUTCOME,
        vars(TrainingProcess.Variables.NEXT_STEP.name(), "RETRY"));

    // then
    assertThat(support.timer(pathway.id(), TrainingProcess.Elements.TIMER_COURSE_ENDED).getDuedate())
        .isEqualTo(rome(LocalDate.of(2027, 3, 18).atStartOfDay()));
    assertThat(training.course(pathway.id(), "MAG-01").orElseThrow().lastDay()).isEqualTo(LocalDate.of(2027, 3, 17));

    // when: 4 more hours (60 %), the course ends again and the operator goes on without the certificate
    setClock(LocalDateTime.of(2027, 3, 1, 18, 0));
    attend(pathway, "4", 15);
    setClock(LocalDateTime.of(2027, 3, 18, 0, 0));
    support.fireTimer(pathway.id(), TrainingProcess.Elements.TIMER_COURSE_ENDED);
    complete(pathway, TrainingProcess.Elements.TASK_COURSE_OUTCOME,
        vars(TrainingProcess.Variables.NEXT_STEP.name(), "CONTINUE"));

    // then
    assertThat(pathway.instance()).isWaitingAtExactly(PathwayProcess.Elements.CALL_INTERNSHIP);
    assertThat(record(pathway).stage()).isEqualTo("INTERNSHIP");
    assertThat(training.results(pathway.id())).extracting(r -> r.attempt() + ":" + r.attendanceRate().stripTrailingZeros()
        .toPlainString() + ":" + r.nextStep()).containsExactly("1:50:RETRY", "2:60:CONTINUE");
    assertThat(training.results(pathway.id())).allSatisfy(r -> assertThat(r.certificateIssuedOn()).isNull());
  }

  @Test
  void shouldCloseThePathwayWhenTheOperatorClosesItAfterACourseNotCompleted() {
    Started pathway = withSignedPlan();
    setClock(LocalDateTime.of(2027, 2, 13, 0, 0));
    support.fireTimer(pathway.id(), TrainingProcess.Elements.TIMER_COURSE_ENDED);
    assertThatThrownBy(() -> complete(pathway, TrainingProcess.Elements.TASK_COURSE_OUTCOME, vars()))
        .hasMessageContaining(TrainingProcess.Variables.NEXT_STEP.name());

    complete(pathway, TrainingProcess.Elements.TASK_COURSE_OUTCOME,
        vars(TrainingProcess.Variables.NEXT_STEP.name(), "CLOSE"));

    assertThat(pathway.instance()).isEnded().hasPassed(PathwayProcess.Elements.END_TRAINING_CLOSED);
    assertClosed(pathway, "COMPLETED_NOT_PLACED");
    assertThat(support.openTasks(pathway.id())).isEmpty();
  }

  @Test
  void shouldFileTheFinalHoursAndIndemnityOfAPathwayClosedDuringTraining() {
    // given: 20 of the course's 40 hours attended, one line corrected; the course ends below the threshold
    Started pathway = withSignedPlan();
    setClock(LocalDateTime.of(2027, 2, 12, 18, 0));
    attend(pathway, "5", 11, 12, 13);
    var mistaken = training.record(record(pathway), "MAG-01", LocalDate.of(2027, 1, 14), new java.math.BigDecimal("1"),
        "operator.lorenteggio").orElseThrow();
    training.correct(mistaken, new java.math.BigDecimal("5"), "registro cartaceo", "operator.lorenteggio");
    setClock(LocalDateTime.of(2027, 2, 13, 0, 0));
    support.fireTimer(pathway.id(), TrainingProcess.Elements.TIMER_COURSE_ENDED);
    var figures = training.summary(record(pathway)).indemnity();

    // when: the operator closes the pathway
    complete(pathway, TrainingProcess.Elements.TASK_COURSE_OUTCOME,
        vars(TrainingProcess.Variables.NEXT_STEP.name(), "CLOSE"));

    // then: the closure has the calculator's figures: 20 h x 5.00 = 100.00, no arrears share in Lorenteggio
    assertClosed(pathway, "COMPLETED_NOT_PLACED");
    assertThat(closures.of(pathway.id())).get().satisfies(c -> {
      assertThat(c.stageAtClosure()).isEqualTo("TRAINING");
      assertThat(c.trainingHoursPlanned()).isEqualByComparingTo("40");
      assertThat(c.trainingHoursAttended()).isEqualByComparingTo(figures.attendedHours()).isEqualByComparingTo("20");
      assertThat(c.indemnity()).isEqualByComparingTo(figures.payable()).isEqualByComparingTo("100.00");
      assertThat(c.indemnityArrearsShare()).isEqualByComparingTo(figures.arrearsShare()).isEqualByComparingTo("0");
    });
  }

  @Test
  void shouldFileTheIndemnityAndItsArrearsShareOfAPathwayWithdrawnDuringTraining() {
    // given: a third of the indemnity goes to the rent arrears in this project; 15 hours attended
    try (var share = ProjectParameters.set(context, LORENTEGGIO, "indemnityArrearsShare", "1/3")) {
      Started pathway = withSignedPlan();
      setClock(LocalDateTime.of(2027, 1, 20, 18, 0));
      attend(pathway, "5", 11, 12, 13);
      var figures = training.summary(record(pathway)).indemnity();

      // when
      exits.withdraw(pathway.id(), "MOVED", LocalDate.of(2027, 1, 20), "operator.lorenteggio");

      // then: 15 h x 5.00 = 75.00, of which 25.00 to the arrears
      assertOneClosure(pathway, "WITHDRAWN", "TRAINING");
      assertThat(closures.of(pathway.id())).get().satisfies(c -> {
        assertThat(c.trainingHoursAttended()).isEqualByComparingTo("15");
        assertThat(c.indemnity()).isEqualByComparingTo(figures.payable()).isEqualByComparingTo("75.00");
        assertThat(c.indemnityArrearsShare()).isEqualByComparingTo(figures.arrearsShare())
            .isEqualByComparingTo("25.00");
      });
    }
  }

  @Test
  void shouldCloseThePathwayPlacedAfterTheLastFollowUp() {
    // given: a plan without courses nor internship, signed: the placement runs in the operator's part
    Started pathway = atPlacement();
    ProcessInstance placement = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(pathway.id().toString()).processDefinitionKey(PlacementProcess.KEY).singleResult();
    assertThat(placement.getTenantId()).isEqualTo(LORENTEGGIO + ".SOLCO");

    // when: a permanent hire is recorded, confirmed by the CPI, and followed up at every month of followUpMonths
    complete(pathway, PlacementProcess.Elements.TASK_RECORD_PLACEMENT, vars("employerName", "Alfa Srl",
        "contractType", "PERMANENT", "startDate", "2026-12-01", "weeklyHours", 38));
    complete(pathway, PlacementProcess.Elements.TASK_VERIFY_PLACEMENT, vars("placementConfirmed", true));
    assertThat(record(pathway).stage()).isEqualTo("FOLLOW_UP");
    for (int i = 0; i < 3; i++) {
      support.fireTimer(pathway.id(), PlacementProcess.Elements.TIMER_FOLLOW_UP_DUE);
      complete(pathway, PlacementProcess.Elements.TASK_FOLLOW_UP, vars("stillEmployed", true));
    }

    // then: closed as PLACED
    assertThat(pathway.instance()).isEnded().hasPassed(PathwayProcess.Elements.CALL_PLACEMENT,
        PathwayProcess.Elements.GATEWAY_PLACEMENT_OUTCOME, PathwayProcess.Elements.END_PLACED);
    assertThat(record(pathway).status()).isEqualTo("CLOSED");
    assertThat(record(pathway).outcome()).isEqualTo("PLACED");    assertOneClosure(pathway, "PLACED", "FOLLOW_UP");
  }

  @Test
  void shouldCloseThePathwayNotPlacedWhenTheSearchDeadlinePasses() {
    Started pathway = atPlacement();

    support.fireTimer(pathway.id(), PlacementProcess.Elements.TIMER_SEARCH_OVERDUE);

    assertThat(pathway.instance()).isEnded().hasPassed(PathwayProcess.Elements.END_NOT_PLACED);
    assertThat(record(pathway).status()).isEqualTo("CLOSED");
    assertThat(record(pathway).outcome()).isEqualTo("COMPLETED_NOT_PLACED");    assertOneClosure(pathway, "COMPLETED_NOT_PLACED", "PLACEMENT");
  }

  @Test
  void shouldCancelThePlacementWhenThePersonWithdrawsDuringTheFollowUps() {
    Started pathway = atPlacement();
    complete(pathway, PlacementProcess.Elements.TASK_RECORD_PLACEMENT, vars("employerName", "Alfa Srl",
        "contractType", "PERMANENT", "startDate", "2026-12-01", "weeklyHours", 38));
    complete(pathway, PlacementProcess.Elements.TASK_VERIFY_PLACEMENT, vars("placementConfirmed", true));
    support.fireTimer(pathway.id(), PlacementProcess.Elements.TIMER_FOLLOW_UP_DUE);

    exits.withdraw(pathway.id(), "MOVED", LocalDate.of(2027, 3, 1), "operator.lorenteggio");

    assertThat(record(pathway).outcome()).isEqualTo("WITHDRAWN");
    assertThat(record(pathway).stage()).isEqualTo("FOLLOW_UP");
    assertOneClosure(pathway, "WITHDRAWN", "FOLLOW_UP");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(pathway.id().toString())
        .count()).isZero();
    assertThat(support.openTasks(pathway.id())).isEmpty();
  }

  private Started atPlacement() {
    Started pathway = atPlan();
    plans.saveDraft(pathway.id(), LORENTEGGIO, new Plans.Draft(
        List.of(new Plans.ServiceLine("COACHING", new java.math.BigDecimal("10"), new java.math.BigDecimal("400.00"))),
        List.of(), false, new java.math.BigDecimal("0.00")), "operator.lorenteggio");
    sign(pathway);
    assertThat(record(pathway).stage()).isEqualTo("PLACEMENT");
    return pathway;
  }

  @Test
  void shouldGoOnToThePlacementAtOnceWhenThePlanHasNoCoursesNorInternship() {
    Started pathway = atPlan();
    plans.saveDraft(pathway.id(), LORENTEGGIO, new Plans.Draft(
        List.of(new Plans.ServiceLine("COACHING", new java.math.BigDecimal("10"), new java.math.BigDecimal("400.00"))),
        List.of(), false, new java.math.BigDecimal("0.00")), "operator.lorenteggio");
    sign(pathway);

    assertThat(pathway.instance()).isWaitingAt(PathwayProcess.Elements.CALL_PLACEMENT).hasPassed(
        PathwayProcess.Elements.GATEWAY_NEXT_STAGE, PathwayProcess.Elements.GATEWAY_JOIN_PLACEMENT)
        .hasNotPassed(PathwayProcess.Elements.CALL_INTERNSHIP);
    assertThat(record(pathway).stage()).isEqualTo("PLACEMENT");
    assertThat(record(pathway).status()).isEqualTo("ACTIVE");
  }

  @Test
  void shouldCloseTheTrainingWhereItStandsWhenThePersonWithdraws() {
    Started pathway = withSignedPlan();

    exits.withdraw(pathway.id(), "MOVED", LocalDate.of(2026, 11, 23), "operator.lorenteggio");

    assertThat(pathway.instance()).isEnded().hasPassed(PathwayProcess.Elements.END_WITHDRAWN);
    assertThat(record(pathway).outcome()).isEqualTo("WITHDRAWN");
    assertThat(record(pathway).stage()).isEqualTo("TRAINING");
    assertThat(managementService.createJobQuery().processInstanceId(
        support.calledInstanceId(pathway.instance().getId(), TrainingProcess.KEY)).count()).isZero();
  }

  @Test
  void shouldAmendTheSignedPlanInItsOwnEventSubprocessWhileTheTrainingGoesOn() {
    Started pathway = withSignedPlan();

    amendments.request(pathway.id(), draft("500.00"), "operator.lorenteggio");

    assertThat(pathway.instance()).hasPassed(PathwayProcess.Elements.START_PLAN_AMENDMENT)
        .isWaitingAt(PathwayProcess.Elements.CALL_TRAINING, PathwayProcess.Elements.CALL_PLAN_AMENDMENT);
    complete(pathway, PlanAmendmentProcess.Elements.TASK_APPROVE_PLAN,
        vars(PlanProcess.Variables.PLAN_APPROVED.name(), true));
    complete(pathway, PlanAmendmentProcess.Elements.TASK_RECORD_SIGNATURE,
        vars(PlanProcess.Variables.SIGNED_ON.name(), "2026-11-23"));

    assertThat(pathway.instance()).hasPassed(PathwayProcess.Elements.END_PLAN_AMENDMENT)
        .isWaitingAtExactly(PathwayProcess.Elements.CALL_TRAINING);
    assertThat(planRecords.current(pathway.id()).orElseThrow().servicesTotal()).isEqualByComparingTo("500.00");
    assertThat(record(pathway).stage()).isEqualTo("TRAINING");
  }

  private Started withSignedPlan() {
    Started pathway = atPlan();
    plans.saveDraft(pathway.id(), LORENTEGGIO, draft("400.00"), "operator.lorenteggio");
    sign(pathway);
    return pathway;
  }

  private void sign(Started pathway) {
    complete(pathway, PlanProcess.Elements.TASK_DRAFT_PLAN, vars(PlanProcess.Variables.PLAN_SUBMITTED.name(), true));
    complete(pathway, PlanProcess.Elements.TASK_APPROVE_PLAN, vars(PlanProcess.Variables.PLAN_APPROVED.name(), true));
    complete(pathway, PlanProcess.Elements.TASK_RECORD_SIGNATURE,
        vars(PlanProcess.Variables.SIGNED_ON.name(), "2026-11-23"));
  }

  /** Records {@code hours} of MAG-01 on those days of January 2027, checked as the API checks them. */
  private void attend(Started pathway, String hours, int... januaryDays) {
    for (int day : januaryDays) {
      Pathway current = record(pathway);
      java.math.BigDecimal h = new java.math.BigDecimal(hours);
      assertThat(training.check(current, "MAG-01", LocalDate.of(2027, 1, day), h)).isEmpty();
      training.record(current, "MAG-01", LocalDate.of(2027, 1, day), h, "operator.lorenteggio").orElseThrow();
    }
  }

  private Started atPlan() {
    Started pathway = handedOver();
    complete(pathway, AssessmentProcess.Elements.TASK_SKILLS_ASSESSMENT, assessment(true, false, false));
    return pathway;
  }

  private Started withApprovedPlan() {
    Started pathway = atPlan();
    plans.saveDraft(pathway.id(), LORENTEGGIO, draft("400.00"), "operator.lorenteggio");
    complete(pathway, PlanProcess.Elements.TASK_DRAFT_PLAN, vars(PlanProcess.Variables.PLAN_SUBMITTED.name(), true));
    complete(pathway, PlanProcess.Elements.TASK_APPROVE_PLAN, vars(PlanProcess.Variables.PLAN_APPROVED.name(), true));
    return pathway;
  }

  /** A plan with one coaching service of that cost, one course, an internship. */
  private static Plans.Draft draft(String coachingCost) {
    return new Plans.Draft(
        List.of(new Plans.ServiceLine("COACHING", new java.math.BigDecimal("10"), new java.math.BigDecimal(coachingCost))),
        List.of(new Plans.CourseLine("MAG-01", "Logistica di magazzino", new java.math.BigDecimal("40"),
            LocalDate.of(2027, 1, 11), LocalDate.of(2027, 2, 12))),
        true, new java.math.BigDecimal("1500.00"));
  }

  private Started handedOver() {
    Started pathway = startedAtFirstAppointment();
    complete(pathway, HandoverProcess.Elements.TASK_FIRST_APPOINTMENT,
        vars(HandoverProcess.Variables.APPOINTMENT_DATE.name(), "2026-11-25"));
    return pathway;
  }

  /** The answers of Task_SkillsAssessment: 12 hours of orientation, EQF 3, part time. */
  private static Map<String, Object> assessment(boolean readyForWork, boolean needsSocialSupport,
      boolean selfEmploymentInterest) {
    return vars(AssessmentProcess.Variables.ORIENTATION_HOURS.name(), 12,
        AssessmentProcess.Variables.READY_FOR_WORK.name(), readyForWork,
        AssessmentProcess.Variables.NEEDS_SOCIAL_SUPPORT.name(), needsSocialSupport,
        AssessmentProcess.Variables.SELF_EMPLOYMENT_INTEREST.name(), selfEmploymentInterest,
        AssessmentProcess.Variables.EQF_LEVEL.name(), 3,
        AssessmentProcess.Variables.AVAILABILITY.name(), "PART_TIME",
        IntakeProcess.Variables.NOTE.name(), "buone competenze digitali");
  }

  record Started(UUID id, ProcessInstance instance) {}

  private Started startPathway(Channel channel) {
    StartedPathway started = support.startPathway(LORENTEGGIO, channel);
    return new Started(started.pathwayId(), instance(started));
  }

  private ProcessInstance instance(StartedPathway started) {
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processInstanceId(started.processInstanceId()).singleResult();
    assertThat(instance).as("pathway instance").isNotNull();
    return instance;
  }

  /** Eligible, interviewed, SOLCO assigned: waiting for the first appointment. */
  private Started startedAtFirstAppointment() {
    Started pathway = startPathway(Channel.LAB);
    complete(pathway, IntakeProcess.Elements.TASK_INTAKE_INTERVIEW, interview());
    complete(pathway, PathwayProcess.Elements.TASK_ASSIGN_OPERATOR,
        vars(PathwayProcess.Variables.OPERATOR_ORGANISATION.name(), "SOLCO"));
    return pathway;
  }

  /** A NASPI recipient: the CPI must verify (item NASPI). */
  private Started startedAtVerification() {
    Started pathway = startPathway(Channel.LAB);
    complete(pathway, IntakeProcess.Elements.TASK_INTAKE_INTERVIEW,
        interview(IntakeProcess.Variables.NASPI_RECIPIENT.name(), true));
    return pathway;
  }

  private Task task(Started pathway, String taskKey) {
    return support.task(pathway.id(), taskKey);
  }

  private void complete(Started pathway, String taskKey, Map<String, Object> values) {
    support.complete(pathway.id(), taskKey, values);
  }

  private ProcessInstance calledInstance(Started pathway, String processKey) {
    ProcessInstance called = runtimeService.createProcessInstanceQuery()
        .superProcessInstanceId(pathway.instance().getId())
        .processDefinitionKey(processKey)
        .singleResult();
    assertThat(called).as("running %s instance of pathway %s", processKey, pathway.id()).isNotNull();
    return called;
  }

  /** The activities the pathway's (possibly ended) instance of that called process went through. */
  private List<String> passedInCalled(Started pathway, String processKey) {
    return support.passedActivities(support.calledInstanceId(pathway.instance().getId(), processKey));
  }

  private Pathway record(Started pathway) {
    return support.record(pathway.id());
  }

  private Pathway assertClosed(Started pathway, String outcome) {
    Pathway record = record(pathway);
    assertThat(record.status()).isEqualTo(Pathway.Status.CLOSED.name());
    assertThat(record.stage()).isEqualTo("CLOSED");
    assertThat(record.outcome()).isEqualTo(outcome);
    assertThat(record.closedAt()).isNotNull();
    assertOneClosure(pathway, outcome, null);
    return record;
  }

  /** Exactly one closure row, with the record's outcome and moment (and that stage at closure, when given). */
  private void assertOneClosure(Started pathway, String outcome, String stageAtClosure) {
    assertThat(jdbc.sql("select count(*) from pathway_closure where pathway_id = ?").param(pathway.id())
        .query(Integer.class).single()).isEqualTo(1);
    var closure = closures.of(pathway.id()).orElseThrow();
    assertThat(closure.outcome()).isEqualTo(outcome);
    assertThat(closure.projectCode()).isEqualTo(LORENTEGGIO);
    assertThat(closure.closedAt().toInstant()).isEqualTo(record(pathway).closedAt().toInstant());
    assertThat(closure.stageAtClosure()).isNotEqualTo("CLOSED");
    if (stageAtClosure != null) {
      assertThat(closure.stageAtClosure()).isEqualTo(stageAtClosure);
    }
  }

  private static void assertNoneContains(Iterable<?> values, List<String> forbidden) {
    for (Object value : values) {
      String text = String.valueOf(value);
      for (String secret : forbidden) {
        assertThat(text).doesNotContain(secret);
      }
    }
  }
}
