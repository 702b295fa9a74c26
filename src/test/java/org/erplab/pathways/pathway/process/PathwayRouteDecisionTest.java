package org.erplab.pathways.pathway.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.erplab.pathways.pathway.process.AssessmentProcess.Route;
import org.erplab.pathways.pathway.process.AssessmentProcess.Variables;
import org.junit.jupiter.api.Test;

/**
 * One test per rule of {@code processes/assessment/pathway-route.dmn} (hit policy FIRST: the first matching row wins,
 * the last row sends everyone else to the personalised plan).
 */
class PathwayRouteDecisionTest {


  private static final DecisionTable DECISION = DecisionTable.of("assessment", "pathway-route.dmn",
      AssessmentProcess.DECISION_PATHWAY_ROUTE);

  @Test
  void shouldSendToSocialInclusionWhoNeedsSocialSupportAndIsNotReadyForWork() {
    assertThat(route(false, true, false)).isEqualTo(Route.SOCIAL_INCLUSION.name());
    // social support comes first, even with an interest in self-employment
    assertThat(route(false, true, true)).isEqualTo(Route.SOCIAL_INCLUSION.name());
  }

  @Test
  void shouldSendToSelfEmploymentWhoWantsToStartABusiness() {
    assertThat(route(true, false, true)).isEqualTo(Route.SELF_EMPLOYMENT.name());
    assertThat(route(false, false, true)).isEqualTo(Route.SELF_EMPLOYMENT.name());
    // ready for work with some social support: still its own business
    assertThat(route(true, true, true)).isEqualTo(Route.SELF_EMPLOYMENT.name());
  }

  @Test
  void shouldSendEveryoneElseToThePersonalisedPlan() {
    assertThat(route(true, false, false)).isEqualTo(Route.LABOUR.name());
    assertThat(route(true, true, false)).isEqualTo(Route.LABOUR.name());
    // not ready yet, no social need: the plan's training builds readiness
    assertThat(route(false, false, false)).isEqualTo(Route.LABOUR.name());
  }

  private static Object route(boolean readyForWork, boolean needsSocialSupport, boolean selfEmploymentInterest) {
    Map<String, Object> answers = new HashMap<>();
    answers.put(Variables.READY_FOR_WORK.name(), readyForWork);
    answers.put(Variables.NEEDS_SOCIAL_SUPPORT.name(), needsSocialSupport);
    answers.put(Variables.SELF_EMPLOYMENT_INTEREST.name(), selfEmploymentInterest);
    return DECISION.evaluate(answers).getSingleEntry();
  }
}
