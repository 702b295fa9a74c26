package org.erplab.pathways.pathway.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.erplab.pathways.pathway.process.IntakeProcess.Variables;
import org.junit.jupiter.api.Test;

/**
 * One test per rule of {@code processes/eligibility/referral.dmn} (hit policy FIRST: the first matching row wins, the
 * last row catches everything else).
 */
class ReferralDecisionTest {


  private static final DecisionTable DECISION = DecisionTable.of("eligibility", "referral.dmn",
      EligibilityProcess.DECISION_REFERRAL);

  @Test
  void shouldSuggestNothingToAPersonAlreadyInAnotherMeasure() {
    assertThat(referral(person(22, "UNEMPLOYED", "GARANZIA_GIOVANI", true))).isEqualTo("NONE");
  }

  @Test
  void shouldSuggestGaranziaGiovaniToAYoungPersonNotInWork() {
    assertThat(referral(person(22, "UNEMPLOYED", "NONE", false))).isEqualTo("GARANZIA_GIOVANI");
  }

  @Test
  void shouldSuggestGaranziaGiovaniFrom15To29() {
    assertThat(referral(person(15, "INACTIVE", "NONE", false))).isEqualTo("GARANZIA_GIOVANI");
    assertThat(referral(person(29, "FIRST_JOB_SEEKER", "NONE", false))).isEqualTo("GARANZIA_GIOVANI");
    assertThat(referral(person(30, "FIRST_JOB_SEEKER", "NONE", false))).isEqualTo("GOL");
  }

  @Test
  void shouldSuggestSocialServicesToAMinorStudent() {
    assertThat(referral(person(16, "STUDENT", "NONE", false))).isEqualTo("SOCIAL_SERVICES");
  }

  @Test
  void shouldSuggestSocialServicesInHousingHardship() {
    assertThat(referral(person(45, "UNEMPLOYED", "NONE", true))).isEqualTo("SOCIAL_SERVICES");
  }

  @Test
  void shouldSuggestDulToAnEmployedPerson() {
    assertThat(referral(person(45, "EMPLOYED", "NONE", false))).isEqualTo("DUL");
  }

  @Test
  void shouldSuggestGolToAnUnemployedAdult() {
    assertThat(referral(person(45, "UNEMPLOYED", "NONE", false))).isEqualTo("GOL");
    assertThat(referral(person(45, "FIRST_JOB_SEEKER", "NONE", false))).isEqualTo("GOL");
  }

  @Test
  void shouldSuggestSocialServicesOtherwise() {
    assertThat(referral(person(70, "RETIRED", "NONE", false))).isEqualTo("SOCIAL_SERVICES");
  }

  @Test
  void shouldApplyTheFirstMatchingRuleWhenSeveralApply() {
    // young NEET in housing hardship: Garanzia Giovani comes before social services
    assertThat(referral(person(20, "INACTIVE", "NONE", true))).isEqualTo("GARANZIA_GIOVANI");
    // employed in housing hardship: social services come before DUL
    assertThat(referral(person(45, "EMPLOYED", "NONE", true))).isEqualTo("SOCIAL_SERVICES");
  }

  @Test
  void shouldSuggestSocialServicesWhenDataAreMissing() {
    assertThat(referral(new HashMap<>())).isEqualTo("SOCIAL_SERVICES");
  }

  private static Map<String, Object> person(
      int age, String employmentStatus, String otherMeasure, boolean housingHardship) {
    Map<String, Object> person = new HashMap<>();
    person.put(PathwayProcess.Variables.AGE_AT_INTAKE.name(), age);
    person.put(Variables.EMPLOYMENT_STATUS.name(), employmentStatus);
    person.put(Variables.OTHER_MEASURE.name(), otherMeasure);
    person.put(Variables.HOUSING_HARDSHIP.name(), housingHardship);
    return person;
  }

  private static Object referral(Map<String, Object> variables) {
    return DECISION.evaluate(variables).getSingleEntry();
  }
}
