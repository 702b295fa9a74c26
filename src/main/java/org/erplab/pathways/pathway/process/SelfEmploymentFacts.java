package org.erplab.pathways.pathway.process;

import java.time.LocalDate;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.pathway.domain.SelfEmployment;
import org.erplab.pathways.pathway.process.SelfEmploymentProcess.Variables;
import org.erplab.pathways.security.Partitions;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code self-employment} model in step with our tables: {@code start(task)} files the accompaniment,
 * {@code nextCheckIn(execution)} picks the month that comes next, {@code checkInAt} is its day, {@code checkIn(task)}
 * and {@code checkInMissed(execution)} file it, {@code outcome(task)} files the outcome and {@code started} /
 * {@code notStarted} at the ends set {@code selfEmploymentOutcome}.
 */
@Component("selfEmploymentFacts")
public class SelfEmploymentFacts {

  private final SelfEmployment selfEmployment;

  public SelfEmploymentFacts(SelfEmployment selfEmployment) {
    this.selfEmployment = selfEmployment;
  }

  /** Complete listener of Task_StartAccompaniment: the accompaniment starts today. */
  public void start(DelegateTask task) {
    selfEmployment.start(pathwayId(task), Partitions.projectOf(task.getTenantId()),
        PathwayProcess.Variables.OPERATOR_ORGANISATION.get(task), Variables.BUSINESS_SECTOR.get(task),
        LocalDate.parse(Variables.PLANNED_START_DATE.get(task)), currentUser(task));
  }

  /** Service task Task_NextCheckIn: {@code checkInNumber} is the next month's, or null when all are done. */
  public void nextCheckIn(DelegateExecution execution) {
    Variables.CHECK_IN_NUMBER.set(execution, selfEmployment.nextCheckIn(pathwayId(execution)).orElse(null));
  }

  /** Start of the check-in's day: {@code checkInNumber} months after the accompaniment's first day. */
  public Date checkInAt(DelegateExecution execution) {
    LocalDate day = selfEmployment.checkInDay(pathwayId(execution), Variables.CHECK_IN_NUMBER.get(execution));
    return Date.from(day.atStartOfDay(EngineClock.ZONE).toInstant());
  }

  /** Complete listener of Task_SelfEmploymentCheckIn. */
  public void checkIn(DelegateTask task) {
    selfEmployment.checkIn(pathwayId(task), Variables.CHECK_IN_NUMBER.get(task),
        Variables.CHECK_IN_PROGRESS.get(task), currentUser(task));
  }

  /** Taken when the check-in's deadline passed: filed as MISSED. */
  public void checkInMissed(DelegateExecution execution) {
    selfEmployment.checkIn(pathwayId(execution), Variables.CHECK_IN_NUMBER.get(execution), null, null);
  }

  /** Complete listener of Task_SelfEmploymentOutcome. */
  public void outcome(DelegateTask task) {
    boolean started = Boolean.TRUE.equals(Variables.BUSINESS_STARTED.get(task));
    String day = Variables.BUSINESS_START_DATE.get(task);
    selfEmployment.outcome(pathwayId(task), started, started ? LocalDate.parse(day) : null);
  }

  /** Start listener of EndEvent_BusinessStarted. */
  public void started(DelegateExecution execution) {
    Variables.SELF_EMPLOYMENT_OUTCOME.set(execution, SelfEmploymentProcess.Outcome.STARTED.name());
  }

  /** Start listener of EndEvent_BusinessNotStarted. */
  public void notStarted(DelegateExecution execution) {
    Variables.SELF_EMPLOYMENT_OUTCOME.set(execution, SelfEmploymentProcess.Outcome.NOT_STARTED.name());
  }

  private static UUID pathwayId(VariableScope scope) {
    return UUID.fromString(PathwayProcess.Variables.PATHWAY_ID.get(scope));
  }

  private static String currentUser(DelegateTask task) {
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return current == null ? task.getAssignee() : current.getUserId();
  }
}
