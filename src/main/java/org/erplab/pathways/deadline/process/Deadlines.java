package org.erplab.pathways.deadline.process;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.erplab.pathways.calendar.domain.ProjectCalendars;
import org.erplab.pathways.calendar.domain.WorkingDayCalendar;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.common.infrastructure.PathwayEvents;
import org.erplab.pathways.deadline.domain.Deadline;
import org.erplab.pathways.deadline.domain.DeadlineKind;
import org.erplab.pathways.deadline.domain.DeadlineRecords;
import org.erplab.pathways.project.domain.ProgrammeParameters;
import org.erplab.pathways.security.Partitions;
import org.springframework.stereotype.Component;

/**
 * The one service that creates a pathway's deadlines and keeps the engine's copies of them. A model names a deadline
 * on the guarded user task and on its boundary timer with the same expression:
 * {@code camunda:dueDate="${deadlines.due(execution, 'VERIFICATION')}"}. The first evaluation (the boundary timer,
 * which the engine creates when the task's scope starts, or the task itself when it has no timer) writes the record
 * (table {@code deadline}): kind, basis, length and the programme parameter it came from, the day it counts from and
 * the due date; every later evaluation for the same element of the same execution returns that record's due date.
 * So the task's due date and the timer's due date are one value, written in the same transaction.
 *
 * <p>Lengths are programme parameters of the pathway's project ({@link DeadlineKind}); days are counted on the
 * project's calendar ({@link ProjectCalendars}) from the day of the event (not counted), in Europe/Rome, to the end of
 * the last day. "Now" is the engine clock.
 *
 * <p>Built-in listeners ({@link DeadlinePlugin}) close the record: met when the task is completed by its due date,
 * missed when the boundary timer fires or the task is completed late, cancelled when the task ends otherwise. Every
 * change is written to the pathway's event log ({@link PathwayEvents}).
 */
@Component("deadlines")
public class Deadlines {

  static final String CREATED = "DEADLINE_CREATED";
  static final String MET = "DEADLINE_MET";
  static final String MISSED = "DEADLINE_MISSED";
  static final String CANCELLED = "DEADLINE_CANCELLED";

  private final ProjectCalendars calendars;
  private final ProgrammeParameters parameters;
  private final DeadlineRecords records;
  private final PathwayEvents events;
  private final Map<String, Optional<String>> timers = new ConcurrentHashMap<>();

  public Deadlines(ProjectCalendars calendars, ProgrammeParameters parameters, DeadlineRecords records,
      PathwayEvents events) {
    this.calendars = calendars;
    this.parameters = parameters;
    this.records = records;
    this.events = events;
  }

  /** The due date of the deadline of {@code kind} guarding the current element: created once, then read. */
  public Date due(DelegateExecution execution, String kind) {
    DeadlineKind declared = DeadlineKind.valueOf(kind);
    String activityId = execution.getCurrentActivityId();
    return records.findOpen(execution.getId(), activityId, declared.name())
        .map(d -> Date.from(d.dueAt().toInstant()))
        .orElseGet(() -> create(execution, declared, activityId));
  }

  /**
   * The due date of a deadline whose first day and length are the stage's own (the internship's agreed start and
   * months), due at the end of {@code lastDay}: created once, then read, like {@link #due}.
   */
  public Date dueOn(DelegateExecution execution, String kind, LocalDate startsOn, int length, LocalDate lastDay) {
    DeadlineKind declared = DeadlineKind.valueOf(kind);
    String activityId = execution.getCurrentActivityId();
    return records.findOpen(execution.getId(), activityId, declared.name())
        .map(d -> Date.from(d.dueAt().toInstant()))
        .orElseGet(() -> create(execution, declared, activityId, startsOn, length, lastDay));
  }

  /** Models deployed before deadlines were records name the parameter: the same deadline, by its parameter. */
  public Date workingDays(DelegateExecution execution, String parameter) {
    return due(execution, DeadlineKind.ofParameter(parameter).orElseThrow().name());
  }

  /** See {@link #workingDays}. */
  public Date calendarDays(DelegateExecution execution, String parameter) {
    return workingDays(execution, parameter);
  }

  private Date create(DelegateExecution execution, DeadlineKind kind, String activityId) {
    String project = Partitions.projectOf(execution.getTenantId());
    int length = parameters.intValue(project, kind.parameter());
    Date now = ClockUtil.getCurrentTime();
    LocalDate today = calendars.today(now);
    WorkingDayCalendar calendar = calendars.calendar(project);
    LocalDate dueDay = switch (kind.basis()) {
      case WORKING_DAYS -> calendar.addWorkingDays(today, length);
      case CALENDAR_DAYS -> calendar.addCalendarDays(today, length);
      case MONTHS -> calendar.addMonths(today, length);
    };
    return create(execution, kind, activityId, today, length, dueDay);
  }

  private Date create(DelegateExecution execution, DeadlineKind kind, String activityId, LocalDate today, int length,
      LocalDate dueDay) {
    String project = Partitions.projectOf(execution.getTenantId());
    Date due = calendars.endOf(dueDay);
    OffsetDateTime dueAt = OffsetDateTime.ofInstant(due.toInstant(), EngineClock.ZONE);
    UUID pathwayId = UUID.fromString(execution.getProcessBusinessKey());
    Deadline deadline = new Deadline(UUID.randomUUID(), pathwayId, project, kind.name(),
        execution.getProcessInstanceId(), execution.getId(), activityId, timerOf(execution, activityId), null,
        kind.basis().name(), length, kind.parameter(), today, dueAt, dueAt, Deadline.State.OPEN.name(), 0, 0,
        EngineClock.now(), null);
    records.insert(deadline);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("kind", kind.name());
    details.put("activityId", activityId);
    details.put("timerActivityId", deadline.timerActivityId());
    details.put("basis", kind.basis().name());
    details.put("length", length);
    details.put("parameter", kind.parameter());
    details.put("startsOn", today);
    details.put("due", dueAt);
    events.record(pathwayId, CREATED, null, deadline.id(), details);
    return due;
  }

  /**
   * The boundary timer attached to the guarded element, if the model has one: found once per deployed definition
   * (immutable) and element, instead of walking the model's boundary events at every deadline.
   */
  private String timerOf(DelegateExecution execution, String activityId) {
    return timers.computeIfAbsent(execution.getProcessDefinitionId() + "#" + activityId, key ->
        execution.getBpmnModelInstance().getModelElementsByType(BoundaryEvent.class).stream()
            .filter(b -> b.getAttachedTo() != null && activityId.equals(b.getAttachedTo().getId()))
            .filter(b -> b.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance))
            .map(BoundaryEvent::getId)
            .findFirst()).orElse(null);
  }

  /** Task created: the record learns its task. */
  void taskCreated(DelegateTask task) {
    records.attachTask(task.getExecutionId(), task.getTaskDefinitionKey(), task.getId());
  }

  /** Task completed: met if by its due date, else missed (when no timer said so before). */
  void taskCompleted(DelegateTask task) {
    OffsetDateTime now = EngineClock.now();
    for (Deadline d : records.ofTask(task.getId())) {
      boolean late = now.isAfter(d.dueAt());
      if (records.close(d.id(), late ? Deadline.State.MISSED : Deadline.State.MET, now)) {
        events.record(d.pathwayId(), late ? MISSED : MET, task.getAssignee(), d.id(),
            details(d, late ? "COMPLETED_LATE" : "COMPLETED"));
      }
    }
  }

  /**
   * Task ended without completion (its stage cancelled by an interrupting timer or event, the pathway withdrawn or
   * interrupted): cancelled, or missed if its due date had passed (an interrupting timer deletes the task first).
   */
  void taskDeleted(DelegateTask task) {
    OffsetDateTime now = EngineClock.now();
    for (Deadline d : records.ofTask(task.getId())) {
      boolean late = !now.isBefore(d.dueAt());
      if (records.close(d.id(), late ? Deadline.State.MISSED : Deadline.State.CANCELLED, now)) {
        events.record(d.pathwayId(), late ? MISSED : CANCELLED, null, d.id(), details(d, task.getDeleteReason()));
      }
    }
  }

  /**
   * A scope guarded by a deadline (an embedded subprocess with a deadline's boundary timer, not a user task) ended:
   * missed when its due date has passed (its timer fired), cancelled when something else ended it (the pathway withdrawn
   * or interrupted), met otherwise. A term ({@link DeadlineKind#isTerm()}) is the other way round: met when reached,
   * cancelled when its scope ended before it (an early termination).
   */
  void scopeEnded(DelegateExecution execution, String activityId) {
    OffsetDateTime now = EngineClock.now();
    boolean canceled = execution instanceof org.camunda.bpm.engine.impl.pvm.runtime.PvmExecutionImpl pvm
        && pvm.isCanceled();
    for (Deadline d : records.openOf(execution.getId(), activityId)) {
      boolean late = !now.isBefore(d.dueAt());
      // a term (the internship's end) reached is met; a scope that ends before its term ended early: cancelled
      boolean term = DeadlineKind.valueOf(d.kind()).isTerm();
      Deadline.State state = late ? (term ? Deadline.State.MET : Deadline.State.MISSED)
          : canceled || term ? Deadline.State.CANCELLED : Deadline.State.MET;
      if (records.close(d.id(), state, now)) {
        events.record(d.pathwayId(), state == Deadline.State.MET ? MET : state == Deadline.State.MISSED ? MISSED
            : CANCELLED, null, d.id(), details(d, late ? "TIMER" : canceled ? "CANCELLED"
            : term ? "ENDED_EARLY" : "COMPLETED"));
      }
    }
  }

  /** A boundary timer fired: the deadline of the element it is attached to is missed. */
  void timerFired(DelegateExecution execution, String attachedTo) {
    OffsetDateTime now = EngineClock.now();
    List<Deadline> open = records.openOfPathway(UUID.fromString(execution.getProcessBusinessKey()));
    for (Deadline d : open) {
      boolean term = DeadlineKind.valueOf(d.kind()).isTerm();
      if (d.processInstanceId().equals(execution.getProcessInstanceId()) && attachedTo.equals(d.activityId())
          && execution.getCurrentActivityId().equals(d.timerActivityId())
          && records.close(d.id(), term ? Deadline.State.MET : Deadline.State.MISSED, now)) {
        events.record(d.pathwayId(), term ? MET : MISSED, null, d.id(), details(d, "TIMER"));
      }
    }
  }

  private static Map<String, Object> details(Deadline d, String cause) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("kind", d.kind());
    details.put("activityId", d.activityId());
    details.put("taskId", d.taskId());
    details.put("due", d.dueAt());
    details.put("cause", cause);
    return details;
  }
}
