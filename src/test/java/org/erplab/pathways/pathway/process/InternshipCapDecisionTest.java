package org.erplab.pathways.pathway.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One test per rule of {@code processes/internship/internship-cap.dmn} (DGR 7763/2018; hit policy FIRST): the longest
 * an internship may last, extensions included, and the shortest.
 */
class InternshipCapDecisionTest {

  private static final DecisionTable DECISION = DecisionTable.of("internship", "internship-cap.dmn", "internship-cap");

  @Test
  void shouldAllowTwentyFourMonthsToADisabledTrainee() {
    assertThat(cap(true, false, 2)).containsEntry("maxMonths", 24).containsEntry("minMonths", 0);
    // disability comes first, even for a disadvantaged trainee with a high EQF level
    assertThat(cap(true, true, 6)).containsEntry("maxMonths", 24);
  }

  @Test
  void shouldAllowTwelveMonthsToADisadvantagedTraineeWithNoMinimum() {
    assertThat(cap(false, true, 2)).containsEntry("maxMonths", 12).containsEntry("minMonths", 0);
  }

  @Test
  void shouldAllowTwelveMonthsFromEqfLevelFour() {
    assertThat(cap(false, false, 4)).containsEntry("maxMonths", 12).containsEntry("minMonths", 2);
    assertThat(cap(false, false, 8)).containsEntry("maxMonths", 12);
  }

  @Test
  void shouldAllowSixMonthsOtherwise() {
    assertThat(cap(false, false, 3)).containsEntry("maxMonths", 6).containsEntry("minMonths", 2);
    assertThat(cap(false, false, 2)).containsEntry("maxMonths", 6);
  }

  private static Map<String, Object> cap(boolean disabled, boolean disadvantaged, int eqfLevel) {
    Map<String, Object> trainee = new HashMap<>();
    trainee.put("disabled", disabled);
    trainee.put("disadvantaged", disadvantaged);
    trainee.put("eqfLevel", eqfLevel);
    return DECISION.evaluate(trainee).getSingleResult().getEntryMap();
  }
}
