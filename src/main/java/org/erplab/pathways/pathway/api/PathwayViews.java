package org.erplab.pathways.pathway.api;

import java.util.List;
import java.util.UUID;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.common.api.ApiTime;
import org.erplab.pathways.deadline.domain.DeadlineRecords;
import org.erplab.pathways.pathway.domain.AssessmentRecords;
import org.erplab.pathways.pathway.domain.Pathway;
import org.erplab.pathways.pathway.domain.PathwayClosures;
import org.erplab.pathways.pathway.domain.PathwayRecords;
import org.erplab.pathways.pathway.domain.SelfEmployment;
import org.erplab.pathways.pathway.domain.Placements;
import org.erplab.pathways.pathway.domain.SuspensionRecords;
import org.erplab.pathways.pathway.domain.Training;
import org.erplab.pathways.pathway.infrastructure.PlanRecords;
import org.erplab.pathways.pathway.process.PathwayInstances;
import org.erplab.pathways.security.AppUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds {@link PathwayView}: the record, its deadlines, suspensions, assessments and plan from our tables (one indexed
 * query each), its training (two: the current version's courses, the attendance register, from which the indemnity is
 * computed) and its open tasks from the engine (one query). Callers check access first.
 */
@Component
class PathwayViews {

  private final PathwayRecords pathways;
  private final DeadlineRecords deadlines;
  private final SuspensionRecords suspensions;
  private final PathwayInstances instances;
  private final AssessmentRecords assessments;
  private final PlanRecords plans;
  private final Training training;
  private final Placements placements;
  private final InternshipViews internshipViews;
  private final PathwayClosures closures;
  private final SelfEmployment selfEmployment;

  PathwayViews(PathwayRecords pathways, DeadlineRecords deadlines, SuspensionRecords suspensions,
      PathwayInstances instances, AssessmentRecords assessments, PlanRecords plans, Training training,
      Placements placements, PathwayClosures closures, SelfEmployment selfEmployment,
      InternshipViews internshipViews) {
    this.internshipViews = internshipViews;
    this.placements = placements;
    this.closures = closures;
    this.selfEmployment = selfEmployment;
    this.assessments = assessments;
    this.plans = plans;
    this.training = training;
    this.pathways = pathways;
    this.deadlines = deadlines;
    this.suspensions = suspensions;
    this.instances = instances;
  }

  @Transactional(readOnly = true)
  PathwayView of(UUID id) {
    return of(pathways.find(id).orElseThrow(() -> ApiException.notFound("No such pathway")));
  }

  /** The pathway as its reader sees it: access checked and view read in one transaction, the row read once. */
  @Transactional(readOnly = true)
  PathwayView readable(UUID id, AppUser user, PathwayAccess access) {
    return of(access.readable(id, user));
  }

  private PathwayView of(Pathway p) {
    UUID id = p.id();
    List<PathwayView.Deadline> due = deadlines.ofPathway(id).stream()
        .map(d -> new PathwayView.Deadline(d.id(), d.kind(), d.activityId(), d.timerActivityId(), d.taskId(), d.basis(),
            d.lengthValue(), d.parameter(), d.startsOn(), d.dueAt(), d.originalDueAt(), d.state(),
            d.shiftedWorkingDays(), d.shiftedCalendarDays(), d.closedAt()))
        .toList();
    List<PathwayView.Suspension> suspended = suspensions.ofPathway(id).stream()
        .map(s -> new PathwayView.Suspension(s.id(), s.reason(), s.expectedResumption(), s.projectOperationId(),
            s.suspendedAt(), s.suspendedBy(), s.resumedAt(), s.resumedBy(), s.shiftedWorkingDays(),
            s.shiftedCalendarDays()))
        .toList();
    PathwayRecords.Dates dates = pathways.dates(id);
    List<PathwayView.Assessment> assessed = assessments.ofPathway(id).stream()
        .map(a -> new PathwayView.Assessment(a.assessedAt(), a.operatorOrganisation(), a.orientationHours(),
            a.readyForWork(), a.needsSocialSupport(), a.selfEmploymentInterest(), a.eqfLevel(), a.availability(),
            a.route()))
        .toList();
    PlanRecords.Version current = plans.current(id).orElse(null);
    PathwayView.PlanSummary plan = current == null ? null : new PathwayView.PlanSummary(current.version(),
        current.status(), current.servicesTotal(), current.indemnityCap(), current.approvedOn(), current.signedOn(),
        current.amends());
    PathwayView.TrainingSummary trained = null;
    if (current != null && "SIGNED".equals(current.status())) {
      Training.Summary summary = training.summary(p, current.indemnityCap());
      trained = new PathwayView.TrainingSummary(summary.courses(), summary.plannedHours(), summary.attendedHours(),
          summary.indemnity());
    }
    List<PathwayView.OpenTask> tasks = instances.openTasks(id).stream()
        .sorted(java.util.Comparator.comparing(org.camunda.bpm.engine.task.Task::getCreateTime))
        .map(t -> new PathwayView.OpenTask(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getAssignee(),
            ApiTime.of(t.getCreateTime()), ApiTime.of(t.getDueDate()), t.isSuspended()))
        .toList();
    return new PathwayView(p.id(), p.projectCode(), p.participantId(), p.channel(), p.stage(), p.status(),
        p.outcome(), p.reasonList(), p.referral(), p.operatorOrganisation(), p.consentAt(), p.createdAt(),
        p.closedAt(), dates.withdrawalDate(), dates.firstAppointmentDate(), dates.reassessmentDate(), assessed, plan,
        trained, internshipViews.of(id).orElse(null), due, suspended, tasks, placement(id), closure(id),
        selfEmployment(id));
  }

  /** The pathway's hires and follow-ups (two indexed queries). */
  PlacementView placement(UUID id) {
    return PlacementView.of(placements.hires(id), placements.followUps(id));
  }

  private PathwayView.Closure closure(UUID id) {
    return closures.of(id).map(c -> new PathwayView.Closure(c.outcome(), c.stageAtClosure(), c.closedAt(),
        c.trainingHoursPlanned(), c.trainingHoursAttended(), c.indemnity(), c.indemnityArrearsShare())).orElse(null);
  }

  private PathwayView.SelfEmployment selfEmployment(UUID id) {
    return selfEmployment.of(id).map(a -> new PathwayView.SelfEmployment(a.businessSector(), a.plannedStart(),
        a.startedOn(), a.months(), a.endsOn(), selfEmployment.checkIns(id).stream()
            .map(c -> new PathwayView.SelfEmployment.CheckIn(c.monthNumber(), c.scheduledOn(), c.status(), c.progress()))
            .toList(), a.businessStarted(), a.businessStartDate())).orElse(null);
  }
}
