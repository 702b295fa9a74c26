package org.erplab.pathways.pathway.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.erplab.pathways.calendar.domain.ProjectCalendars;
import org.erplab.pathways.calendar.domain.WorkingDayCalendar;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.common.infrastructure.PathwayEvents;
import org.erplab.pathways.deadline.domain.Deadline;
import org.erplab.pathways.deadline.domain.DeadlineKind;
import org.erplab.pathways.deadline.domain.DeadlineRecords;
import org.erplab.pathways.pathway.domain.SuspensionRecords.ReasonList;
import org.erplab.pathways.pathway.process.PathwayInstances;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suspension and resumption of a pathway (ADR 0012). While any suspension is open the pathway is {@code SUSPENDED}
 * and its process instances are suspended: no task can be claimed or completed at any door, no timer fires. When the
 * last open suspension ends, every open deadline moves by what the suspended period covered: working days of the
 * project's calendar from the day the period began up to the day before resumption, for deadlines counted in working
 * days; calendar days for the others (then to the next working day). Due dates of tasks and timers move with their
 * records, in the same transaction. A pathway has at most one suspension of its own at a time, beside its share of a
 * project-wide pause; the two may overlap, and the period runs from the first start to the last end.
 */
@Service
public class PathwayClocks {

  static final String SUSPENDED = "PATHWAY_SUSPENDED";
  static final String RESUMED = "PATHWAY_RESUMED";
  static final String SHIFTED = "DEADLINE_SHIFTED";

  private final PathwayRecords pathways;
  private final SuspensionRecords suspensions;
  private final DeadlineRecords deadlines;
  private final PathwayInstances instances;
  private final ProjectCalendars calendars;
  private final PathwayEvents events;

  public PathwayClocks(PathwayRecords pathways, SuspensionRecords suspensions, DeadlineRecords deadlines,
      PathwayInstances instances, ProjectCalendars calendars, PathwayEvents events) {
    this.pathways = pathways;
    this.suspensions = suspensions;
    this.deadlines = deadlines;
    this.instances = instances;
    this.calendars = calendars;
    this.events = events;
  }

  /**
   * Suspends the pathway: its own suspension ({@code projectOperationId} null) or its share of a project's pause
   * (idempotent for the same operation).
   *
   * @throws ApiException 400 for an unknown reason or an expected resumption in the past; 404 for an unknown pathway;
   *     409 when the pathway is closed or already suspended on its own
   */
  @Transactional
  public Suspension suspend(UUID pathwayId, String reason, LocalDate expectedResumption, String user,
      UUID projectOperationId) {
    Pathway pathway = pathways.lock(pathwayId).orElseThrow(() -> ApiException.notFound("No such pathway"));
    if (!suspensions.reasonExists(ReasonList.SUSPENSION, reason)) {
      throw ApiException.badRequest("reason", "unknown suspension reason (GET /api/reasons/SUSPENSION lists them)");
    }
    OffsetDateTime now = EngineClock.now();
    if (expectedResumption != null && expectedResumption.isBefore(now.toLocalDate())) {
      throw ApiException.badRequest("expectedResumption", "must not be in the past");
    }
    requireOpen(pathway);
    List<Suspension> open = suspensions.open(pathwayId);
    for (Suspension s : open) {
      if (projectOperationId == null && s.projectOperationId() == null) {
        throw ApiException.conflict("The pathway is already suspended since " + s.suspendedAt().toLocalDate()
            + " (" + s.reason() + "): resume it first");
      }
      if (projectOperationId != null && projectOperationId.equals(s.projectOperationId())) {
        return s;
      }
    }
    Suspension suspension = new Suspension(UUID.randomUUID(), pathwayId, projectOperationId, reason, expectedResumption,
        now, user, null, null, null, null, null);
    suspensions.insert(suspension);
    if (open.isEmpty()) {
      pathways.markSuspended(pathwayId, now);
      instances.suspend(pathwayId);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("suspensionId", suspension.id());
    details.put("reason", reason);
    details.put("expectedResumption", expectedResumption);
    details.put("projectOperationId", projectOperationId);
    events.record(pathwayId, SUSPENDED, user, null, details);
    return suspension;
  }

  /**
   * Ends the pathway's own suspension ({@code projectOperationId} null) or its share of a project's pause; when no
   * other suspension stays open, resumes the pathway and shifts its open deadlines.
   *
   * @throws ApiException 404 for an unknown pathway; 409 when the pathway is closed or has no such open suspension
   */
  @Transactional
  public Suspension resume(UUID pathwayId, String note, String user, UUID projectOperationId) {
    Pathway pathway = pathways.lock(pathwayId).orElseThrow(() -> ApiException.notFound("No such pathway"));
    requireOpen(pathway);
    List<Suspension> open = suspensions.open(pathwayId);
    Suspension ending = open.stream()
        .filter(s -> projectOperationId == null ? s.projectOperationId() == null
            : projectOperationId.equals(s.projectOperationId()))
        .findFirst()
        .orElseThrow(() -> ApiException.conflict(open.isEmpty() ? "The pathway is not suspended"
            : "The pathway is suspended only by its project's pause: it resumes when the project resumes"));
    OffsetDateTime now = EngineClock.now();
    suspensions.end(ending.id(), now, user, note);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("suspensionId", ending.id());
    details.put("projectOperationId", projectOperationId);
    if (open.size() == 1) {
      OffsetDateTime since = pathways.suspendedSince(pathwayId).orElse(ending.suspendedAt());
      instances.activate(pathwayId);
      Shift shift = shift(pathway, since, now, user, ending.id());
      suspensions.recordShift(ending.id(), shift.workingDays(), shift.calendarDays());
      pathways.markResumed(pathwayId);
      details.put("suspendedSince", since);
      details.put("shiftedWorkingDays", shift.workingDays());
      details.put("shiftedCalendarDays", shift.calendarDays());
    } else {
      details.put("stillSuspended", true);
    }
    events.record(pathwayId, RESUMED, user, null, details);
    return suspensions.ofPathway(pathwayId).stream().filter(s -> s.id().equals(ending.id())).findFirst().orElseThrow();
  }

  /** Ends every open suspension without shifting anything: the pathway is closing. */
  void endAllForExit(UUID pathwayId, String user, String cause) {
    OffsetDateTime now = EngineClock.now();
    for (Suspension s : suspensions.open(pathwayId)) {
      suspensions.end(s.id(), now, user, cause);
    }
  }

  private Shift shift(Pathway pathway, OffsetDateTime since, OffsetDateTime now, String user, UUID suspensionId) {
    WorkingDayCalendar calendar = calendars.calendar(pathway.projectCode());
    LocalDate first = since.atZoneSameInstant(EngineClock.ZONE).toLocalDate();
    LocalDate today = now.atZoneSameInstant(EngineClock.ZONE).toLocalDate();
    int workingDays = calendar.workingDaysBetween(first.minusDays(1), today.minusDays(1));
    int calendarDays = (int) Math.max(0, ChronoUnit.DAYS.between(first, today));
    for (Deadline d : deadlines.openOfPathway(pathway.id())) {
      LocalDate dueDay = d.dueAt().atZoneSameInstant(EngineClock.ZONE).toLocalDate();
      boolean working = DeadlineKind.Basis.WORKING_DAYS.name().equals(d.basis());
      int days = working ? workingDays : calendarDays;
      if (days == 0) {
        continue;
      }
      LocalDate newDay = working ? calendar.addWorkingDays(dueDay, days)
          : calendar.nextWorkingDayOnOrAfter(dueDay.plusDays(days));
      Date from = Date.from(d.dueAt().toInstant());
      Date to = calendars.endOf(newDay);
      OffsetDateTime newDue = OffsetDateTime.ofInstant(to.toInstant(), EngineClock.ZONE);
      deadlines.shift(d.id(), newDue, working ? workingDays : 0, working ? 0 : calendarDays);
      if (d.taskId() != null) {
        instances.moveTaskDue(d.taskId(), to);
      }
      if (d.timerActivityId() != null) {
        instances.moveTimers(d.executionId(), from, to);
      }
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("kind", d.kind());
      details.put("activityId", d.activityId());
      details.put("from", d.dueAt());
      details.put("to", newDue);
      details.put("basis", d.basis());
      details.put("days", days);
      details.put("suspensionId", suspensionId);
      events.record(pathway.id(), SHIFTED, user, d.id(), details);
    }
    return new Shift(workingDays, calendarDays);
  }

  static void requireOpen(Pathway pathway) {
    if (Pathway.Status.CLOSED.name().equals(pathway.status())) {
      throw ApiException.conflict("The pathway is closed (" + pathway.outcome() + ")");
    }
  }

  private record Shift(int workingDays, int calendarDays) {}
}
