package org.erplab.pathways.pathway.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.BOLLATE;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.CPI;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.LORENTEGGIO;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.MANAGER;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.MONDAY_23_NOVEMBER_2026;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.endOf;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.interview;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.setClock;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.vars;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.erplab.pathways.participant.domain.IntakeRecords;
import org.erplab.pathways.pathway.domain.Pathway.Channel;
import org.erplab.pathways.pathway.domain.PathwayRecords;
import org.erplab.pathways.pathway.infrastructure.EnrolmentMatchRecords;
import org.erplab.pathways.pathway.infrastructure.EnrolmentMatchRecords.EnrolmentMatch;
import org.erplab.pathways.pathway.process.EligibilityProcess.Elements;
import org.erplab.pathways.pathway.process.EligibilityProcess.Variables;
import org.erplab.pathways.pathway.process.ProcessTestSupport.RegisteredPathway;
import org.erplab.pathways.support.ModelCoverage;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.TestPeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The {@code eligibility} process on its own, started as the pathway's call activity starts it (business key =
 * pathway id, the pathway's variables and the interview facts in), for a pathway record of the registry. Every flow of
 * the model, and what it hands back to the pathway: {@code eligibilityOutcome}, {@code eligibilityReasons},
 * {@code verificationItems} and {@code referral}. The clock stands on Monday 23 November 2026, 10:00 in Rome
 * (LORENTEGGIO: 10 working days fall on 9 December, 30 days on 23 December).
 */
@PathwaysSpringTest
@ModelCoverage(EligibilityProcess.KEY)
class EligibilityProcessTest {

  private static final int AGE = 35;
  private static final LocalDate TEN_WORKING_DAYS_LATER = LocalDate.of(2026, 12, 9);
  private static final LocalDate THIRTY_DAYS_LATER = LocalDate.of(2026, 12, 23);

  @Autowired ApplicationContext context;
  @Autowired IntakeRecords intakeRecords;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired FormService formService;
  @Autowired PathwayRecords pathwayRecords;
  @Autowired EnrolmentMatchRecords enrolmentMatches;

  private ProcessTestSupport support;

  @BeforeEach
  void setUp() {
    support = ProcessTestSupport.onExampleDay(context);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // ---- screening

  @Test
  void shouldFindAPersonEligibleWithoutVerification() {
    // given / when
    Eligibility eligibility = startEligibility(AGE, interview());

    // then
    assertThat(eligibility.instance()).isEnded()
        .hasPassed(Elements.RULE_EVALUATE_ELIGIBILITY, Elements.END_ELIGIBLE)
        .hasNotPassed(Elements.TASK_VERIFY_ELIGIBILITY, Elements.RULE_SUGGEST_REFERRAL);
    assertThat(handedBack(eligibility))
        .containsEntry(Variables.SCREENING_OUTCOME.name(), EligibilityResult.ELIGIBLE)
        .containsEntry(PathwayProcess.Variables.ELIGIBILITY_OUTCOME.name(), EligibilityResult.ELIGIBLE)
        .containsEntry(PathwayProcess.Variables.ELIGIBILITY_REASONS.name(), "")
        .containsEntry(Variables.VERIFICATION_ITEMS.name(), "")
        .containsEntry(Variables.OTHER_ENROLMENT.name(), false)
        .containsEntry(Variables.OTHER_ENROLMENTS.name(), "")
        .doesNotContainKeys(Variables.REFERRAL.name(), Variables.ELIGIBILITY_CHECKS.name());
    assertThat(enrolmentMatches.ofPathway(eligibility.pathwayId())).isEmpty();
  }

  @Test
  void shouldFindAPersonIneligibleForEveryReasonAtOnceWithoutVerifyingTheUncertainFacts() {
    // given / when: a minor, not resident, in another measure, with an expired permit, and a NASPI recipient
    Eligibility eligibility = startEligibility(17, interview(
        IntakeProcess.Variables.RESIDENT_IN_ERP.name(), false,
        IntakeProcess.Variables.OTHER_MEASURE.name(), "GOL",
        IntakeProcess.Variables.PERMIT_STATUS.name(), "EXPIRED",
        IntakeProcess.Variables.NASPI_RECIPIENT.name(), true));

    // then
    assertThat(eligibility.instance()).isEnded()
        .hasPassed(Elements.GATEWAY_JOIN_INELIGIBLE, Elements.RULE_SUGGEST_REFERRAL, Elements.END_INELIGIBLE)
        .hasNotPassed(Elements.TASK_VERIFY_ELIGIBILITY, Elements.END_ELIGIBLE);
    assertThat(handedBack(eligibility))
        .containsEntry(Variables.SCREENING_OUTCOME.name(), EligibilityResult.INELIGIBLE)
        .containsEntry(PathwayProcess.Variables.ELIGIBILITY_OUTCOME.name(), EligibilityResult.INELIGIBLE)
        .containsEntry(PathwayProcess.Variables.ELIGIBILITY_REASONS.name(), "UNDER_18,NOT_RESIDENT,OTHER_MEASURE,NO_PERMIT")
        .containsEntry(Variables.VERIFICATION_ITEMS.name(), "NASPI")
        // referral.dmn, first rule: already in another measure -> nothing new to suggest
        .containsEntry(Variables.REFERRAL.name(), "NONE")
        .doesNotContainKey(Variables.ELIGIBILITY_CHECKS.name());
  }

  @ParameterizedTest(name = "{0} years old, {1}, housing hardship {2} -> {3}")
  @CsvSource({
      "22, UNEMPLOYED, false, GARANZIA_GIOVANI",
      "16, STUDENT,    false, SOCIAL_SERVICES",
      "45, INACTIVE,   true,  SOCIAL_SERVICES",
      "45, EMPLOYED,   false, DUL",
      "45, UNEMPLOYED, false, GOL",
      "70, RETIRED,    false, SOCIAL_SERVICES"})
  void shouldSuggestTheMeasureThatFitsAnIneligiblePerson(int age, String employmentStatus, boolean housingHardship,
      String referral) {
    // given / when: not resident in public housing
    Eligibility eligibility = startEligibility(age, interview(
        IntakeProcess.Variables.RESIDENT_IN_ERP.name(), false,
        IntakeProcess.Variables.EMPLOYMENT_STATUS.name(), employmentStatus,
        IntakeProcess.Variables.HOUSING_HARDSHIP.name(), housingHardship));

    // then
    assertThat(eligibility.instance()).isEnded().hasPassed(Elements.END_INELIGIBLE);
    assertThat(handedBack(eligibility))
        .containsEntry(PathwayProcess.Variables.ELIGIBILITY_OUTCOME.name(), EligibilityResult.INELIGIBLE)
        .containsEntry(Variables.REFERRAL.name(), referral);
    assertThat(((String) handedBack(eligibility).get(PathwayProcess.Variables.ELIGIBILITY_REASONS.name())).split(","))
        .contains("NOT_RESIDENT");
  }

  // ---- verification

  @Test
  void shouldAskTheCpiToVerifyEveryUncertainFactWithinTenWorkingDays() {
    // given / when
    Eligibility eligibility = startedAtVerification();

    // then
    assertThat(eligibility.instance()).isWaitingAtExactly(Elements.TASK_VERIFY_ELIGIBILITY);
    assertThat(runtimeService.getVariables(eligibility.instance().getId()))
        .containsEntry(Variables.SCREENING_OUTCOME.name(), EligibilityResult.TO_VERIFY)
        .containsEntry(Variables.VERIFICATION_ITEMS.name(), "NO_DID,NASPI,PERMIT_UNKNOWN")
        .containsEntry(PathwayProcess.Variables.ELIGIBILITY_REASONS.name(), "")
        .doesNotContainKeys(PathwayProcess.Variables.ELIGIBILITY_OUTCOME.name(), Variables.ELIGIBILITY_CHECKS.name());
    assertThat(task(eligibility, Elements.TASK_VERIFY_ELIGIBILITY))
        .hasCandidateGroup(CPI)
        .hasDueDate(endOf(TEN_WORKING_DAYS_LATER));
    assertThat(support.timer(eligibility.pathwayId(), Elements.TIMER_VERIFICATION_OVERDUE).getDuedate())
        .isEqualTo(endOf(TEN_WORKING_DAYS_LATER));
    assertThat(support.record(eligibility.pathwayId()).stage()).isEqualTo("VERIFICATION");
  }

  @Test
  void shouldFindAPersonEligibleWhenTheCpiConfirmsTheFacts() {
    // given
    Eligibility eligibility = startedAtVerification();

    // when
    complete(eligibility, Elements.TASK_VERIFY_ELIGIBILITY,
        vars(Variables.VERIFICATION_OUTCOME.name(), EligibilityResult.ELIGIBLE));

    // then
    assertThat(eligibility.instance()).isEnded().hasPassed(Elements.END_ELIGIBLE)
        .hasNotPassed(Elements.RULE_SUGGEST_REFERRAL);
    assertThat(handedBack(eligibility))
        .containsEntry(PathwayProcess.Variables.ELIGIBILITY_OUTCOME.name(), EligibilityResult.ELIGIBLE)
        .containsEntry(PathwayProcess.Variables.ELIGIBILITY_REASONS.name(), "")
        .doesNotContainKey(Variables.REFERRAL.name());
    assertThat(managementService.createJobQuery().processInstanceId(eligibility.instance().getId()).count()).isZero();
  }

  @Test
  void shouldFindAPersonIneligibleForTheVerifiedItemsWhenTheCpiDoesNotConfirmThem() {
    // given
    Eligibility eligibility = startedAtVerification();

    // when
    complete(eligibility, Elements.TASK_VERIFY_ELIGIBILITY, vars(
        Variables.VERIFICATION_OUTCOME.name(), EligibilityResult.INELIGIBLE,
        "verificationNote", "DID non rilasciata, permesso in rinnovo"));

    // then
    assertThat(eligibility.instance()).isEnded()
        .hasPassed(Elements.GATEWAY_JOIN_INELIGIBLE, Elements.RULE_SUGGEST_REFERRAL, Elements.END_INELIGIBLE);
    assertThat(handedBack(eligibility))
        .containsEntry(PathwayProcess.Variables.ELIGIBILITY_OUTCOME.name(), EligibilityResult.INELIGIBLE)
        .containsEntry(PathwayProcess.Variables.ELIGIBILITY_REASONS.name(), "NO_DID,NASPI,PERMIT_UNKNOWN")
        // referral.dmn: 35 years old, inactive, no housing hardship -> social services
        .containsEntry(Variables.REFERRAL.name(), "SOCIAL_SERVICES")
        .doesNotContainKey("verificationNote");
    assertThat(intakeRecords.notes(eligibility.pathwayId())).extracting(IntakeRecords.CaseNote::text)
        .containsExactly("DID non rilasciata, permesso in rinnovo");
  }

  @Test
  void shouldAlertTheManagerWhenTheVerificationIsOverdueWithoutInterruptingIt() {
    // given
    Eligibility eligibility = startedAtVerification();

    // when
    support.fireTimer(eligibility.pathwayId(), Elements.TIMER_VERIFICATION_OVERDUE);

    // then
    assertThat(eligibility.instance()).isWaitingAtExactly(Elements.TASK_VERIFY_ELIGIBILITY,
        Elements.TASK_VERIFICATION_OVERDUE_ALERT);
    assertThat(task(eligibility, Elements.TASK_VERIFICATION_OVERDUE_ALERT)).hasCandidateGroup(MANAGER);

    // when
    complete(eligibility, Elements.TASK_VERIFICATION_OVERDUE_ALERT, vars(Variables.ALERT_ACKNOWLEDGED.name(), true));

    // then
    assertThat(eligibility.instance()).hasPassed(Elements.END_ALERT_HANDLED)
        .isWaitingAtExactly(Elements.TASK_VERIFY_ELIGIBILITY);
  }

  @Test
  void shouldWithdrawAnOpenAlertWhenTheVerificationEnds() {
    // given
    Eligibility eligibility = startedAtVerification();
    support.fireTimer(eligibility.pathwayId(), Elements.TIMER_VERIFICATION_OVERDUE);

    // when
    complete(eligibility, Elements.TASK_VERIFY_ELIGIBILITY,
        vars(Variables.VERIFICATION_OUTCOME.name(), EligibilityResult.ELIGIBLE));

    // then
    assertThat(eligibility.instance()).isEnded().hasPassed(Elements.END_ELIGIBLE)
        .hasNotPassed(Elements.END_ALERT_HANDLED);
    assertThat(support.openTasks(eligibility.pathwayId())).isEmpty();
  }

  // ---- other pathways of the same person (double enrolment)

  @Test
  void shouldAskTheCpiToVerifyAnOpenPathwayOfThePersonInAnotherProjectShowingOnlyItsProjectAndStage() {
    // given: the same person is at the skills assessment in BOLLATE
    TestPeople.Person person = TestPeople.adult();
    RegisteredPathway bollate = support.registerPathway(BOLLATE, Channel.LAB, person);
    pathwayRecords.updateStage(bollate.pathwayId(), "ASSESSMENT");

    // when: an interview in LORENTEGGIO that alone would make the person eligible
    Eligibility eligibility = startEligibility(person, AGE, interview());

    // then
    assertThat(eligibility.instance()).isWaitingAtExactly(Elements.TASK_VERIFY_ELIGIBILITY)
        .hasPassed(Elements.SERVICE_FIND_OTHER_ENROLMENTS);
    Map<String, Object> variables = runtimeService.getVariables(eligibility.instance().getId());
    assertThat(variables)
        .containsEntry(Variables.SCREENING_OUTCOME.name(), EligibilityResult.TO_VERIFY)
        .containsEntry(Variables.VERIFICATION_ITEMS.name(), "OTHER_ENROLMENT")
        .containsEntry(Variables.OTHER_ENROLMENT.name(), true)
        .containsEntry(Variables.OTHER_ENROLMENTS.name(), "BOLLATE: ASSESSMENT (ACTIVE)");
    // what the CPI's form reads
    Task verification = task(eligibility, Elements.TASK_VERIFY_ELIGIBILITY);
    assertThat(verification).hasCandidateGroup(CPI);
    assertThat(formService.getTaskFormVariables(verification.getId()).get(Variables.OTHER_ENROLMENTS.name()))
        .isEqualTo("BOLLATE: ASSESSMENT (ACTIVE)");
    // nothing of the other project's records, nor of the person, in the engine
    assertThat(variables.values()).map(String::valueOf).noneMatch(value -> value.contains(person.fiscalCode())
        || value.contains(person.lastName()) || value.contains(bollate.pathwayId().toString())
        || value.contains(bollate.participantId().toString()));
    // the match, as a fact of the programme
    assertThat(enrolmentMatches.ofPathway(eligibility.pathwayId()))
        .extracting(EnrolmentMatch::projectCode, EnrolmentMatch::otherProjectCode, EnrolmentMatch::otherStage,
            EnrolmentMatch::otherStatus, EnrolmentMatch::otherClosedMonth)
        .containsExactly(tuple(LORENTEGGIO, BOLLATE, "ASSESSMENT", "ACTIVE", null));
  }

  @Test
  void shouldIgnoreAPathwayOfThePersonClosedThirteenMonthsAgo() {
    // given / when: the person's pathway in BOLLATE closed on 23 October 2025, beyond the 12 months looked back
    Eligibility eligibility = startedAfterAPathwayClosed(BOLLATE, 13);

    // then
    assertThat(eligibility.instance()).isEnded().hasPassed(Elements.END_ELIGIBLE)
        .hasNotPassed(Elements.TASK_VERIFY_ELIGIBILITY);
    assertThat(handedBack(eligibility))
        .containsEntry(Variables.OTHER_ENROLMENT.name(), false)
        .containsEntry(Variables.OTHER_ENROLMENTS.name(), "");
    assertThat(enrolmentMatches.ofPathway(eligibility.pathwayId())).isEmpty();
  }

  @Test
  void shouldAskTheCpiToVerifyAPathwayOfThePersonClosedTwoMonthsAgoInTheSameProject() {
    // given / when: the person's earlier pathway in LORENTEGGIO closed on 23 September 2026
    Eligibility eligibility = startedAfterAPathwayClosed(LORENTEGGIO, 2);

    // then
    assertThat(eligibility.instance()).isWaitingAtExactly(Elements.TASK_VERIFY_ELIGIBILITY);
    assertThat(runtimeService.getVariables(eligibility.instance().getId()))
        .containsEntry(Variables.VERIFICATION_ITEMS.name(), "OTHER_ENROLMENT")
        .containsEntry(Variables.OTHER_ENROLMENTS.name(), "LORENTEGGIO: CLOSED 2026-09");
    assertThat(enrolmentMatches.ofPathway(eligibility.pathwayId()))
        .extracting(EnrolmentMatch::otherProjectCode, EnrolmentMatch::otherStatus, EnrolmentMatch::otherClosedMonth)
        .containsExactly(tuple(LORENTEGGIO, "CLOSED", "2026-09"));
  }

  // ---- missing documents

  @Test
  void shouldWaitThirtyDaysForMissingDocuments() {
    // given
    Eligibility eligibility = startedAtVerification();

    // when
    complete(eligibility, Elements.TASK_VERIFY_ELIGIBILITY,
        vars(Variables.VERIFICATION_OUTCOME.name(), EligibilityResult.DOCUMENTS_MISSING));

    // then
    assertThat(eligibility.instance()).isWaitingAtExactly(Elements.TASK_AWAIT_DOCUMENTS);
    assertThat(task(eligibility, Elements.TASK_AWAIT_DOCUMENTS))
        .hasCandidateGroup(CPI)
        .hasDueDate(endOf(THIRTY_DAYS_LATER));
    assertThat(support.timer(eligibility.pathwayId(), Elements.TIMER_DOCUMENTS_TIMEOUT).getDuedate())
        .isEqualTo(endOf(THIRTY_DAYS_LATER));
    assertThat(support.record(eligibility.pathwayId()).stage()).isEqualTo("DOCUMENTS");
  }

  @Test
  void shouldVerifyAgainWithANewDeadlineWhenTheDocumentsArrive() {
    // given
    Eligibility eligibility = startedAtVerification();
    complete(eligibility, Elements.TASK_VERIFY_ELIGIBILITY,
        vars(Variables.VERIFICATION_OUTCOME.name(), EligibilityResult.DOCUMENTS_MISSING));

    // when: the documents arrive on Monday 14 December
    setClock(LocalDateTime.of(2026, 12, 14, 11, 0));
    complete(eligibility, Elements.TASK_AWAIT_DOCUMENTS, vars(Variables.DOCUMENTS_RECEIVED_ON.name(), "2026-12-14"));

    // then: 10 working days from then, skipping 25 and 26 December
    assertThat(eligibility.instance()).isWaitingAtExactly(Elements.TASK_VERIFY_ELIGIBILITY);
    assertThat(task(eligibility, Elements.TASK_VERIFY_ELIGIBILITY)).hasDueDate(endOf(LocalDate.of(2026, 12, 29)));
    assertThat(support.record(eligibility.pathwayId()).stage()).isEqualTo("VERIFICATION");

    // when
    complete(eligibility, Elements.TASK_VERIFY_ELIGIBILITY,
        vars(Variables.VERIFICATION_OUTCOME.name(), EligibilityResult.ELIGIBLE));

    // then
    assertThat(eligibility.instance()).isEnded().hasPassed(Elements.END_ELIGIBLE);
    assertThat(handedBack(eligibility))
        .containsEntry(PathwayProcess.Variables.ELIGIBILITY_OUTCOME.name(), EligibilityResult.ELIGIBLE)
        .containsEntry(Variables.DOCUMENTS_RECEIVED_ON.name(), "2026-12-14");
  }

  @Test
  void shouldFindAPersonIneligibleWhenTheDocumentsNeverArrive() {
    // given
    Eligibility eligibility = startedAtVerification();
    complete(eligibility, Elements.TASK_VERIFY_ELIGIBILITY,
        vars(Variables.VERIFICATION_OUTCOME.name(), EligibilityResult.DOCUMENTS_MISSING));

    // when: 31 days later
    setClock(MONDAY_23_NOVEMBER_2026.plusDays(31));
    managementService.executeJob(support.timer(eligibility.pathwayId(), Elements.TIMER_DOCUMENTS_TIMEOUT).getId());

    // then
    assertThat(eligibility.instance()).isEnded()
        .hasPassed(Elements.TIMER_DOCUMENTS_TIMEOUT, Elements.RULE_SUGGEST_REFERRAL, Elements.END_INELIGIBLE);
    assertThat(support.openTasks(eligibility.pathwayId())).isEmpty();
    assertThat(handedBack(eligibility))
        .containsEntry(PathwayProcess.Variables.ELIGIBILITY_OUTCOME.name(), EligibilityResult.INELIGIBLE)
        .containsEntry(PathwayProcess.Variables.ELIGIBILITY_REASONS.name(), EligibilityResult.DOCUMENTS_MISSING)
        .containsEntry(Variables.VERIFICATION_ITEMS.name(), "NO_DID,NASPI,PERMIT_UNKNOWN")
        .containsEntry(Variables.REFERRAL.name(), "SOCIAL_SERVICES");
  }

  // ---- helpers

  private record Eligibility(RegisteredPathway pathway, ProcessInstance instance) {
    UUID pathwayId() {
      return pathway.pathwayId();
    }
  }

  /** Starts {@code eligibility} with the pathway's variables and the interview facts, after a completed intake. */
  private Eligibility startEligibility(int ageAtIntake, Map<String, Object> facts) {
    return startEligibility(TestPeople.adult(), ageAtIntake, facts);
  }

  /** {@link #startEligibility(int, Map)} for a pathway of that person in LORENTEGGIO. */
  private Eligibility startEligibility(TestPeople.Person person, int ageAtIntake, Map<String, Object> facts) {
    RegisteredPathway pathway = support.registerPathway(LORENTEGGIO, Channel.LAB, person);
    Map<String, Object> variables = pathway.startVariables(ageAtIntake);
    variables.putAll(facts);
    variables.put(PathwayProcess.Variables.INTAKE_OUTCOME.name(), "COMPLETED");
    ProcessInstance instance = support.startDirectly(EligibilityProcess.KEY, pathway, variables);
    assertThat(instance.getTenantId()).isEqualTo(LORENTEGGIO);
    return new Eligibility(pathway, instance);
  }

  /**
   * An eligible interview in LORENTEGGIO of a person whose pathway in {@code project} was closed (withdrawn) that many
   * months before the example day.
   */
  private Eligibility startedAfterAPathwayClosed(String project, int monthsAgo) {
    TestPeople.Person person = TestPeople.adult();
    RegisteredPathway closed = support.registerPathway(project, Channel.LAB, person);
    support.closeRecord(closed.pathwayId(), "WITHDRAWN", MONDAY_23_NOVEMBER_2026.minusMonths(monthsAgo));
    return startEligibility(person, AGE, interview());
  }

  /** Inactive without DID, NASPI recipient, permit status unknown: three items for the CPI. */
  private Eligibility startedAtVerification() {
    return startEligibility(AGE, interview(
        IntakeProcess.Variables.EMPLOYMENT_STATUS.name(), "INACTIVE",
        IntakeProcess.Variables.HAS_DID.name(), false,
        IntakeProcess.Variables.NASPI_RECIPIENT.name(), true,
        IntakeProcess.Variables.PERMIT_STATUS.name(), "UNKNOWN"));
  }

  /** The variables of the ended instance: what the call activity maps back into the pathway. */
  private Map<String, Object> handedBack(Eligibility eligibility) {
    return support.historicVariables(eligibility.instance().getId());
  }

  private Task task(Eligibility eligibility, String taskKey) {
    return support.task(eligibility.pathwayId(), taskKey);
  }

  private void complete(Eligibility eligibility, String taskKey, Map<String, Object> values) {
    support.complete(eligibility.pathwayId(), taskKey, values);
  }
}
