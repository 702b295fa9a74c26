package org.erplab.pathways.pathway.domain;

import org.erplab.pathways.pathway.process.PlacementProcess;
import org.erplab.pathways.worklist.domain.TaskCompletionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Completion rules of the placement's tasks that a form cannot express, checked by the engine at every door. */
@Configuration
class PlacementTaskRules {

  /** Task_RecordPlacement: the start at most placementStartMaxDaysAhead ahead, the planned end where it belongs. */
  @Bean
  TaskCompletionRule recordPlacementRule(Placements placements) {
    return PathwayTaskRules.rule(PlacementProcess.Elements.TASK_RECORD_PLACEMENT,
        (task, values) -> placements.check(task.projectCode(), values));
  }

  /** Task_VerifyPlacement: a hire not confirmed needs its reason (filed in the case notes). */
  @Bean
  TaskCompletionRule verifyPlacementRule() {
    return PathwayTaskRules.reasonWhenNo(PlacementProcess.Elements.TASK_VERIFY_PLACEMENT,
        PlacementProcess.Variables.PLACEMENT_CONFIRMED.name(), PlacementProcess.Variables.REJECTION_REASON.name(),
        "is required when the hire is not confirmed");
  }
}
