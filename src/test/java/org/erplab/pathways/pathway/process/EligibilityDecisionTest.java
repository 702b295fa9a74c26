package org.erplab.pathways.pathway.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.erplab.pathways.pathway.process.IntakeProcess.Variables;
import org.junit.jupiter.api.Test;

/**
 * One test per rule of {@code processes/eligibility/eligibility.dmn} (hit policy COLLECT: one row per reason that
 * applies, outputs {@code outcome} and {@code reason}; no row means eligible).
 */
class EligibilityDecisionTest {

  private static final String OUTCOME = "outcome";
  private static final String REASON = "reason";

  private static final DecisionTable DECISION = DecisionTable.of("eligibility", "eligibility.dmn",
      EligibilityProcess.DECISION_ELIGIBILITY);

  @Test
  void shouldFindNoReasonForAnEligiblePerson() {
    assertThat(evaluate(eligiblePerson())).isEmpty();
  }

  @Test
  void shouldAcceptAPersonWhoHasJustTurned18() {
    Map<String, Object> person = eligiblePerson();
    person.put(PathwayProcess.Variables.AGE_AT_INTAKE.name(), 18);

    assertThat(evaluate(person)).isEmpty();
  }

  @Test
  void shouldRejectAMinor() {
    Map<String, Object> person = eligiblePerson();
    person.put(PathwayProcess.Variables.AGE_AT_INTAKE.name(), 17);

    assertThat(reasons(person)).containsExactly(tuple("INELIGIBLE", "UNDER_18"));
  }

  @Test
  void shouldRejectAPersonNotResidentInPublicHousing() {
    Map<String, Object> person = eligiblePerson();
    person.put(Variables.RESIDENT_IN_ERP.name(), false);

    assertThat(reasons(person)).containsExactly(tuple("INELIGIBLE", "NOT_RESIDENT"));
  }

  @Test
  void shouldRejectAnEmployedPerson() {
    Map<String, Object> person = eligiblePerson();
    person.put(Variables.EMPLOYMENT_STATUS.name(), "EMPLOYED");

    assertThat(reasons(person)).containsExactly(tuple("INELIGIBLE", "EMPLOYED"));
  }

  @Test
  void shouldRejectAPersonAlreadyInAnotherMeasure() {
    Map<String, Object> person = eligiblePerson();
    person.put(Variables.OTHER_MEASURE.name(), "GOL");

    assertThat(reasons(person)).containsExactly(tuple("INELIGIBLE", "OTHER_MEASURE"));
  }

  @Test
  void shouldRejectAPersonWithAnExpiredPermit() {
    Map<String, Object> person = eligiblePerson();
    person.put(Variables.PERMIT_STATUS.name(), "EXPIRED");

    assertThat(reasons(person)).containsExactly(tuple("INELIGIBLE", "NO_PERMIT"));
  }

  @Test
  void shouldAskToVerifyAnInactivePersonWithoutDid() {
    Map<String, Object> person = eligiblePerson();
    person.put(Variables.EMPLOYMENT_STATUS.name(), "INACTIVE");
    person.put(Variables.HAS_DID.name(), false);

    assertThat(reasons(person)).containsExactly(tuple("TO_VERIFY", "NO_DID"));
  }

  @Test
  void shouldAcceptAnInactivePersonWithDid() {
    Map<String, Object> person = eligiblePerson();
    person.put(Variables.EMPLOYMENT_STATUS.name(), "INACTIVE");
    person.put(Variables.HAS_DID.name(), true);

    assertThat(evaluate(person)).isEmpty();
  }

  @Test
  void shouldAskToVerifyANaspiRecipient() {
    Map<String, Object> person = eligiblePerson();
    person.put(Variables.NASPI_RECIPIENT.name(), true);

    assertThat(reasons(person)).containsExactly(tuple("TO_VERIFY", "NASPI"));
  }

  @Test
  void shouldAskToVerifyAnUnknownPermit() {
    Map<String, Object> person = eligiblePerson();
    person.put(Variables.PERMIT_STATUS.name(), "UNKNOWN");

    assertThat(reasons(person)).containsExactly(tuple("TO_VERIFY", "PERMIT_UNKNOWN"));
  }

  @Test
  void shouldAskToVerifyAPersonWithAnotherPathway() {
    Map<String, Object> person = eligiblePerson();
    person.put(EligibilityProcess.Variables.OTHER_ENROLMENT.name(), true);

    assertThat(reasons(person)).containsExactly(tuple("TO_VERIFY", "OTHER_ENROLMENT"));
  }

  @Test
  void shouldRejectAPersonInAnotherMeasureAndAskToVerifyTheirOtherPathway() {
    Map<String, Object> person = eligiblePerson();
    person.put(Variables.OTHER_MEASURE.name(), "DUL");
    person.put(EligibilityProcess.Variables.OTHER_ENROLMENT.name(), true);

    assertThat(reasons(person))
        .containsExactly(tuple("INELIGIBLE", "OTHER_MEASURE"), tuple("TO_VERIFY", "OTHER_ENROLMENT"));
  }

  @Test
  void shouldCollectEveryReasonThatApplies() {
    Map<String, Object> person = eligiblePerson();
    person.put(PathwayProcess.Variables.AGE_AT_INTAKE.name(), 16);
    person.put(Variables.RESIDENT_IN_ERP.name(), false);
    person.put(Variables.NASPI_RECIPIENT.name(), true);
    person.put(Variables.PERMIT_STATUS.name(), "UNKNOWN");

    assertThat(reasons(person))
        .containsExactlyInAnyOrder(
            tuple("INELIGIBLE", "UNDER_18"),
            tuple("INELIGIBLE", "NOT_RESIDENT"),
            tuple("TO_VERIFY", "NASPI"),
            tuple("TO_VERIFY", "PERMIT_UNKNOWN"));
  }

  @Test
  void shouldNotFireAnyRuleOnMissingData() {
    Map<String, Object> unknown = new HashMap<>();
    unknown.put(PathwayProcess.Variables.AGE_AT_INTAKE.name(), null);
    unknown.put(Variables.RESIDENT_IN_ERP.name(), null);
    unknown.put(Variables.EMPLOYMENT_STATUS.name(), null);
    unknown.put(Variables.HAS_DID.name(), null);
    unknown.put(Variables.NASPI_RECIPIENT.name(), null);
    unknown.put(Variables.OTHER_MEASURE.name(), null);
    unknown.put(Variables.PERMIT_STATUS.name(), null);
    unknown.put(EligibilityProcess.Variables.OTHER_ENROLMENT.name(), null);

    assertThat(evaluate(unknown)).isEmpty();
  }

  @Test
  void shouldNotFailWhenVariablesAreAbsent() {
    assertThat(evaluate(new HashMap<>())).isEmpty();
  }

  /**
   * Adult, resident, unemployed with DID, no NASPI, no other measure, Italian citizen, no other pathway: no rule
   * applies.
   */
  private static Map<String, Object> eligiblePerson() {
    Map<String, Object> person = new HashMap<>();
    person.put(PathwayProcess.Variables.AGE_AT_INTAKE.name(), 35);
    person.put(Variables.RESIDENT_IN_ERP.name(), true);
    person.put(Variables.EMPLOYMENT_STATUS.name(), "UNEMPLOYED");
    person.put(Variables.HAS_DID.name(), true);
    person.put(Variables.NASPI_RECIPIENT.name(), false);
    person.put(Variables.OTHER_MEASURE.name(), "NONE");
    person.put(Variables.PERMIT_STATUS.name(), "NOT_REQUIRED");
    person.put(EligibilityProcess.Variables.OTHER_ENROLMENT.name(), false);
    return person;
  }

  private static List<Map<String, Object>> evaluate(Map<String, Object> variables) {
    return DECISION.evaluate(variables).getResultList();
  }

  private static List<Tuple> reasons(Map<String, Object> variables) {
    return evaluate(variables).stream().map(row -> tuple(row.get(OUTCOME), row.get(REASON))).toList();
  }
}
