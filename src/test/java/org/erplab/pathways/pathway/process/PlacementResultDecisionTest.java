package org.erplab.pathways.pathway.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One test per rule of {@code processes/placement/placement-result.dmn} (GOL and DUL rules; hit policy FIRST): whether
 * a hire counts as the pathway's result.
 */
class PlacementResultDecisionTest {

  private static final DecisionTable DECISION =
      DecisionTable.of("placement", "placement-result.dmn", "placement-result");

  @Test
  void shouldCountAPermanentContract() {
    assertThat(counts("PERMANENT", null)).isTrue();
  }

  @Test
  void shouldCountAnApprenticeship() {
    assertThat(counts("APPRENTICESHIP", 365)).isTrue();
  }

  @Test
  void shouldCountAFixedTermContractOfAtLeast180Days() {
    assertThat(counts("FIXED_TERM", 180)).isTrue();
    assertThat(counts("FIXED_TERM", 179)).isFalse();
  }

  @Test
  void shouldNotCountAnyOtherHire() {
    assertThat(counts("TEMPORARY_AGENCY", 365)).isFalse();
    assertThat(counts("SELF_EMPLOYMENT", null)).isFalse();
    assertThat(counts("OTHER", 400)).isFalse();
    assertThat(counts("FIXED_TERM", null)).isFalse();
  }

  private static Boolean counts(String contractType, Integer plannedDurationDays) {
    Map<String, Object> hire = new HashMap<>();
    hire.put("contractType", contractType);
    hire.put("plannedDurationDays", plannedDurationDays);
    return (Boolean) DECISION.evaluate(hire).getSingleEntry();
  }
}
