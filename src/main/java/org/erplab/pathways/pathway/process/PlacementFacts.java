package org.erplab.pathways.pathway.process;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.common.process.SensitiveValueFiling;
import org.erplab.pathways.pathway.domain.PathwayRecords;
import org.erplab.pathways.pathway.domain.Placements;
import org.erplab.pathways.pathway.infrastructure.PlacementRecords.FollowUp;
import org.erplab.pathways.pathway.infrastructure.PlacementRecords.Hire;
import org.erplab.pathways.security.Partitions;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code placement} model in step with tables {@code placement} and {@code follow_up}: the hire is filed
 * when Task_RecordPlacement is completed (as a {@link SensitiveValueFiling}: the employer's name comes out of the
 * engine straight into our table), {@code confirmed} / {@code notConfirmed} file the CPI's verification, {@code
 * decided} the decision's result (a hire that counts gets its follow-ups, the pathway goes to stage FOLLOW_UP),
 * {@code nextFollowUp} / {@code followUpAt} / {@code answered} / {@code missed} walk the follow-ups, {@code placed} /
 * {@code notPlaced} at the ends set {@code placementOutcome}.
 */
@Component("placementFacts")
public class PlacementFacts implements SensitiveValueFiling {

  private final Placements placements;
  private final PathwayRecords pathways;

  public PlacementFacts(Placements placements, PathwayRecords pathways) {
    this.placements = placements;
    this.pathways = pathways;
  }

  /** Completion of Task_RecordPlacement: the hire, employer included, goes to table placement. */
  @Override
  public Set<String> file(DelegateTask task, Map<String, Object> values, String user) {
    String employer = PlacementProcess.Variables.EMPLOYER_NAME.name();
    if (!PlacementProcess.Elements.TASK_RECORD_PLACEMENT.equals(task.getTaskDefinitionKey())
        || !(values.get(employer) instanceof String name)) {
      return Set.of();
    }
    String end = PlacementProcess.Variables.PLANNED_END_DATE.get(task);
    placements.record(UUID.fromString(PathwayProcess.Variables.PATHWAY_ID.get(task)),
        Partitions.projectOf(task.getTenantId()), name, PlacementProcess.Variables.CONTRACT_TYPE.get(task),
        LocalDate.parse(PlacementProcess.Variables.START_DATE.get(task)),
        end == null || end.isBlank() ? null : LocalDate.parse(end),
        PlacementProcess.Variables.WEEKLY_HOURS.get(task), user);
    return Set.of(employer);
  }

  /** Taken when the CPI confirms the hire: verification filed, the decision gets the planned duration. */
  public void confirmed(DelegateExecution execution) {
    Hire hire = placements.verify(PathwayLifecycle.pathwayId(execution), true, PlanFacts.currentUser(execution));
    PlacementProcess.Variables.PLANNED_DURATION_DAYS.set(execution, hire.plannedDurationDays());
  }

  /** Taken when the CPI does not confirm the hire: the operator records another (the reason is in the case notes). */
  public void notConfirmed(DelegateExecution execution) {
    placements.verify(PathwayLifecycle.pathwayId(execution), false, PlanFacts.currentUser(execution));
  }

  /** End listener of the decision: its result filed; a hire that counts starts the follow-up. */
  public void decided(DelegateExecution execution) {
    boolean counts = Boolean.TRUE.equals(PlacementProcess.Variables.PLACEMENT_COUNTS.get(execution));
    UUID pathwayId = PathwayLifecycle.pathwayId(execution);
    placements.decide(pathwayId, Partitions.projectOf(execution.getTenantId()), counts);
    if (counts) {
      pathways.updateStage(pathwayId, PlacementProcess.STAGE_FOLLOW_UP);
    }
  }

  /** Service task Task_NextFollowUp: {@code followUpMonth} is the next pending follow-up's month, or null. */
  public void nextFollowUp(DelegateExecution execution) {
    PlacementProcess.Variables.FOLLOW_UP_MONTH.set(execution,
        placements.nextFollowUp(PathwayLifecycle.pathwayId(execution)).map(FollowUp::dueMonth).orElse(null));
  }

  /** Start of the day of the next follow-up, in Rome. */
  public Date followUpAt(DelegateExecution execution) {
    FollowUp next = placements.nextFollowUp(PathwayLifecycle.pathwayId(execution))
        .orElseThrow(() -> new IllegalStateException("No follow-up pending"));
    return Date.from(next.dueOn().atStartOfDay(EngineClock.ZONE).toInstant());
  }

  /** Taken after Task_FollowUp: the answer filed. */
  public void answered(DelegateExecution execution) {
    placements.answerFollowUp(PathwayLifecycle.pathwayId(execution), followUpMonth(execution),
        Boolean.TRUE.equals(PlacementProcess.Variables.STILL_EMPLOYED.get(execution)), PlanFacts.currentUser(execution));
  }

  /** Taken when the follow-up's deadline passed unanswered: filed as missed, the next one comes. */
  public void missed(DelegateExecution execution) {
    placements.missFollowUp(PathwayLifecycle.pathwayId(execution), followUpMonth(execution));
  }

  /** Start listener of EndEvent_Placed. */
  public void placed(DelegateExecution execution) {
    PlacementProcess.Variables.PLACEMENT_OUTCOME.set(execution, PlacementProcess.Outcome.PLACED.name());
  }

  /** Start listener of EndEvent_NotPlaced: the search deadline passed without a hire that counts. */
  public void notPlaced(DelegateExecution execution) {
    PlacementProcess.Variables.PLACEMENT_OUTCOME.set(execution, PlacementProcess.Outcome.COMPLETED_NOT_PLACED.name());
  }

  private static int followUpMonth(DelegateExecution execution) {
    return PlacementProcess.Variables.FOLLOW_UP_MONTH.get(execution);
  }
}
