package org.erplab.pathways.pathway.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.LAB;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.LORENTEGGIO;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.MONDAY_23_NOVEMBER_2026;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.endOf;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.interview;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.setClock;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.vars;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.erplab.pathways.participant.domain.IntakeRecords;
import org.erplab.pathways.pathway.domain.Pathway.Channel;
import org.erplab.pathways.pathway.process.IntakeProcess.Elements;
import org.erplab.pathways.pathway.process.IntakeProcess.Variables;
import org.erplab.pathways.pathway.process.ProcessTestSupport.RegisteredPathway;
import org.erplab.pathways.support.ModelCoverage;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The {@code intake} process on its own, started as the pathway's call activity starts it (business key = pathway id,
 * the pathway's variables in), for a pathway record of the registry. Every flow of the model, and what it hands back
 * to the pathway: {@code intakeOutcome} and the interview facts. The clock stands on Monday 23 November 2026, 10:00
 * in Rome (LORENTEGGIO: 5 working days fall on 30 November, 10 working days on 9 December).
 */
@PathwaysSpringTest
@ModelCoverage(IntakeProcess.KEY)
class IntakeProcessTest {

  private static final int AGE = 35;

  @Autowired ApplicationContext context;
  @Autowired IntakeRecords intakeRecords;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;

  private ProcessTestSupport support;

  @BeforeEach
  void setUp() {
    support = ProcessTestSupport.onExampleDay(context);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @ParameterizedTest
  @EnumSource(names = {"LAB", "CPI_DESK"})
  void shouldInterviewAtOnceAPersonBroughtByTheLabOrTheCpiDesk(Channel channel) {
    // given / when
    Intake intake = startIntake(channel);

    // then
    assertThat(intake.instance()).isWaitingAtExactly(Elements.TASK_INTAKE_INTERVIEW)
        .hasPassed(Elements.GATEWAY_CHANNEL)
        .hasNotPassed(Elements.TASK_CALL_BACK);
    assertThat(intake.instance().getTenantId()).isEqualTo(LORENTEGGIO);
    assertThat(task(intake, Elements.TASK_INTAKE_INTERVIEW))
        .hasCandidateGroup(LAB)
        .hasDueDate(endOf(LocalDate.of(2026, 12, 9)));
  }

  @Test
  void shouldCompleteTheIntakeWhenThePersonConsentsAndHandBackTheFacts() {
    // given
    Intake intake = startIntake(Channel.LAB);

    // when
    complete(intake, Elements.TASK_INTAKE_INTERVIEW, interview(
        Variables.EMPLOYMENT_STATUS.name(), "FIRST_JOB_SEEKER",
        Variables.HOUSING_HARDSHIP.name(), true,
        Variables.PERMIT_STATUS.name(), "VALID"));

    // then
    assertThat(intake.instance()).isEnded().hasPassed(Elements.END_INTAKE_COMPLETED)
        .hasNotPassed(Elements.END_NO_CONSENT);
    assertThat(support.historicVariables(intake.instance().getId()))
        .containsEntry(PathwayProcess.Variables.INTAKE_OUTCOME.name(), "COMPLETED")
        .containsEntry(Variables.CONSENT_GIVEN.name(), true)
        .containsEntry(Variables.RESIDENT_IN_ERP.name(), true)
        .containsEntry(Variables.HOUSING_HARDSHIP.name(), true)
        .containsEntry(Variables.EMPLOYMENT_STATUS.name(), "FIRST_JOB_SEEKER")
        .containsEntry(Variables.HAS_DID.name(), true)
        .containsEntry(Variables.EDUCATION.name(), "UPPER_SECONDARY")
        .containsEntry(Variables.NASPI_RECIPIENT.name(), false)
        .containsEntry(Variables.OTHER_MEASURE.name(), "NONE")
        .containsEntry(Variables.PERMIT_STATUS.name(), "VALID")
        // the intake holds only what it needs: the age stays with the pathway, for the eligibility decision
        .doesNotContainKey(PathwayProcess.Variables.AGE_AT_INTAKE.name());
  }

  @Test
  void shouldEndWithoutConsentWhenThePersonRefuses() {
    // given
    Intake intake = startIntake(Channel.CPI_DESK);

    // when
    complete(intake, Elements.TASK_INTAKE_INTERVIEW, interview(Variables.CONSENT_GIVEN.name(), false));

    // then
    assertThat(intake.instance()).isEnded().hasPassed(Elements.END_NO_CONSENT)
        .hasNotPassed(Elements.END_INTAKE_COMPLETED);
    assertThat(support.historicVariables(intake.instance().getId()))
        .containsEntry(PathwayProcess.Variables.INTAKE_OUTCOME.name(), "NO_CONSENT");
  }

  @Test
  void shouldCallBackASelfRegisteredPersonWithinFiveWorkingDays() {
    // given / when
    Intake intake = startIntake(Channel.SELF_REGISTRATION);

    // then
    assertThat(intake.instance()).isWaitingAtExactly(Elements.TASK_CALL_BACK);
    assertThat(task(intake, Elements.TASK_CALL_BACK))
        .hasCandidateGroup(LAB)
        .hasDueDate(endOf(LocalDate.of(2026, 11, 30)));
  }

  @Test
  void shouldInterviewASelfRegisteredPersonOnceReached() {
    // given
    Intake intake = startIntake(Channel.SELF_REGISTRATION);

    // when
    complete(intake, Elements.TASK_CALL_BACK, vars(Variables.CONTACT_OUTCOME.name(), "REACHED"));

    // then
    assertThat(intake.instance()).isWaitingAtExactly(Elements.TASK_INTAKE_INTERVIEW)
        .hasPassed(Elements.SERVICE_RECORD_CONTACT_ATTEMPT, Elements.GATEWAY_REACHED);
    assertThat(runtimeService.getVariables(intake.instance().getId()))
        .containsEntry(Variables.CONTACT_ATTEMPTS.name(), 1)
        .containsEntry(Variables.CONTACT_ATTEMPTS_EXHAUSTED.name(), false);

    // when
    complete(intake, Elements.TASK_INTAKE_INTERVIEW, interview());

    // then
    assertThat(intake.instance()).isEnded().hasPassed(Elements.END_INTAKE_COMPLETED);
    assertThat(support.historicVariables(intake.instance().getId()))
        .containsEntry(PathwayProcess.Variables.INTAKE_OUTCOME.name(), "COMPLETED");
  }

  @Test
  void shouldCallBackAgainWithAFreshDeadlineUntilTheAttemptsAreExhausted() {
    // given
    Intake intake = startIntake(Channel.SELF_REGISTRATION);

    // when: first attempt fails on Wednesday 25 November
    setClock(MONDAY_23_NOVEMBER_2026.plusDays(2));
    complete(intake, Elements.TASK_CALL_BACK, vars(Variables.CONTACT_OUTCOME.name(), "NOT_REACHED"));

    // then: a new call back, due five working days after the failed one
    assertThat(intake.instance()).isWaitingAtExactly(Elements.TASK_CALL_BACK);
    assertThat(task(intake, Elements.TASK_CALL_BACK)).hasDueDate(endOf(LocalDate.of(2026, 12, 2)));
    assertThat(runtimeService.getVariables(intake.instance().getId()))
        .containsEntry(Variables.CONTACT_ATTEMPTS.name(), 1)
        .containsEntry(Variables.CONTACT_ATTEMPTS_EXHAUSTED.name(), false);

    // when: second attempt fails
    complete(intake, Elements.TASK_CALL_BACK, vars(Variables.CONTACT_OUTCOME.name(), "NOT_REACHED"));

    // then
    assertThat(intake.instance()).isWaitingAtExactly(Elements.TASK_CALL_BACK);
    assertThat(runtimeService.getVariable(intake.instance().getId(), Variables.CONTACT_ATTEMPTS.name())).isEqualTo(2);

    // when: third attempt fails (the programme's maximum, maxContactAttempts = 3)
    complete(intake, Elements.TASK_CALL_BACK, vars(Variables.CONTACT_OUTCOME.name(), "NOT_REACHED"));

    // then
    assertThat(intake.instance()).isEnded().hasPassed(Elements.END_UNREACHABLE)
        .hasNotPassed(Elements.TASK_INTAKE_INTERVIEW);
    assertThat(support.historicVariables(intake.instance().getId()))
        .containsEntry(PathwayProcess.Variables.INTAKE_OUTCOME.name(), "UNREACHABLE")
        .containsEntry(Variables.CONTACT_ATTEMPTS.name(), 3)
        .containsEntry(Variables.CONTACT_ATTEMPTS_EXHAUSTED.name(), true);
  }

  @Test
  void shouldInterviewAPersonReachedAtTheLastAttempt() {
    // given
    Intake intake = startIntake(Channel.SELF_REGISTRATION);
    complete(intake, Elements.TASK_CALL_BACK, vars(Variables.CONTACT_OUTCOME.name(), "NOT_REACHED"));
    complete(intake, Elements.TASK_CALL_BACK, vars(Variables.CONTACT_OUTCOME.name(), "NOT_REACHED"));

    // when
    complete(intake, Elements.TASK_CALL_BACK, vars(Variables.CONTACT_OUTCOME.name(), "REACHED"));

    // then: reached wins over the exhausted attempts
    assertThat(runtimeService.getVariables(intake.instance().getId()))
        .containsEntry(Variables.CONTACT_ATTEMPTS.name(), 3)
        .containsEntry(Variables.CONTACT_ATTEMPTS_EXHAUSTED.name(), true);
    assertThat(intake.instance()).isWaitingAtExactly(Elements.TASK_INTAKE_INTERVIEW)
        .hasNotPassed(Elements.END_UNREACHABLE);
  }

  @Test
  void shouldFileNotesAndVulnerabilitiesInTheRegistryNotInTheProcess() {
    // given
    Intake intake = startIntake(Channel.SELF_REGISTRATION);

    // when
    complete(intake, Elements.TASK_CALL_BACK,
        vars(Variables.CONTACT_OUTCOME.name(), "REACHED", "note", "Risponde solo dopo le 18"));
    assertThat(runtimeService.getVariables(intake.instance().getId()))
        .containsEntry(Variables.CONTACT_OUTCOME.name(), "REACHED")
        .doesNotContainKey("note");
    Map<String, Object> answers = interview();
    answers.put("note", "Cerca lavoro part-time");
    answers.put("vulnerabilities", new ArrayList<>(List.of("GENDER_VIOLENCE")));
    complete(intake, Elements.TASK_INTAKE_INTERVIEW, answers);

    // then
    assertThat(intakeRecords.notes(intake.pathway().pathwayId()))
        .extracting(IntakeRecords.CaseNote::taskKey, IntakeRecords.CaseNote::text)
        .containsExactly(
            tuple(Elements.TASK_CALL_BACK, "Risponde solo dopo le 18"),
            tuple(Elements.TASK_INTAKE_INTERVIEW, "Cerca lavoro part-time"));
    assertThat(intakeRecords.vulnerabilities(intake.pathway().pathwayId())).containsExactly("GENDER_VIOLENCE");
    assertThat(support.historicVariables(intake.instance().getId()))
        .containsEntry(PathwayProcess.Variables.INTAKE_OUTCOME.name(), "COMPLETED")
        .doesNotContainKeys("note", "vulnerabilities");
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(intake.instance().getId())
        .variableUpdates().list())
        .extracting(detail -> ((HistoricVariableUpdate) detail).getVariableName())
        .isNotEmpty()
        .doesNotContain("note", "vulnerabilities");
  }

  // ---- helpers

  private record Intake(RegisteredPathway pathway, ProcessInstance instance) {}

  private Intake startIntake(Channel channel) {
    RegisteredPathway pathway = support.registerPathway(LORENTEGGIO, channel);
    ProcessInstance instance = support.startDirectly(IntakeProcess.KEY, pathway, pathway.startVariables(AGE));
    return new Intake(pathway, instance);
  }

  private Task task(Intake intake, String taskKey) {
    return support.task(intake.pathway().pathwayId(), taskKey);
  }

  private void complete(Intake intake, String taskKey, Map<String, Object> values) {
    support.complete(intake.pathway().pathwayId(), taskKey, values);
  }
}
