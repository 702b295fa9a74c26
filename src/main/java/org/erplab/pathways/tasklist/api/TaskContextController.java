package org.erplab.pathways.tasklist.api;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.common.api.ApiTime;
import org.erplab.pathways.common.domain.BusinessKeys;
import org.erplab.pathways.deadline.domain.DeadlineRecords;
import org.erplab.pathways.participant.domain.IntakeRecords;
import org.erplab.pathways.participant.domain.Participant;
import org.erplab.pathways.participant.domain.ParticipantRegistry;
import org.erplab.pathways.pathway.api.PathwayAccess;
import org.erplab.pathways.pathway.domain.Internship;
import org.erplab.pathways.pathway.domain.Pathway;
import org.erplab.pathways.pathway.domain.PathwayRecords;
import org.erplab.pathways.pathway.domain.Training;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.Roles;
import org.erplab.pathways.tasklist.api.TaskContextView.CaseNoteItem;
import org.erplab.pathways.tasklist.api.TaskContextView.CourseHours;
import org.erplab.pathways.tasklist.api.TaskContextView.DeadlineItem;
import org.erplab.pathways.tasklist.api.TaskContextView.Hours;
import org.erplab.pathways.tasklist.api.TaskContextView.InternshipMonth;
import org.erplab.pathways.tasklist.api.TaskContextView.Person;
import org.erplab.pathways.worklist.infrastructure.WorklistQueries.TaskRow;
import org.erplab.pathways.worklist.process.Worklist;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a Tasklist user needs beside a task's form (the Tasklist plugin "Persona" reads it): the pathway's project,
 * stage, open deadlines and hours so far (courses of the signed plan, internship months), and, for the roles that read personal files, the person's name and contacts and the
 * pathway's recent case notes. The engine knows none of these: they come from our tables, read when the plugin asks.
 * A task the caller would not find in its worklist does not exist (404). A read of the personal part is logged in the
 * participant's access log with channel {@value #CHANNEL}, as any read of the personal file. With
 * {@code personal=false} (the task cards of Tasklist's list, which show project and stage) the personal part is neither
 * read nor logged.
 */
@RestController
@RequestMapping(path = "/api/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
class TaskContextController {

  static final String CHANNEL = "TASKLIST";
  /** The newest case notes shown beside the form. */
  static final int RECENT_NOTES = 5;

  private final Worklist worklist;
  private final PathwayRecords pathways;
  private final PathwayAccess access;
  private final ParticipantRegistry registry;
  private final IntakeRecords records;
  private final DeadlineRecords deadlines;
  private final Training training;
  private final Internship internship;

  TaskContextController(Worklist worklist, PathwayRecords pathways, PathwayAccess access,
      ParticipantRegistry registry, IntakeRecords records, DeadlineRecords deadlines, Training training,
      Internship internship) {
    this.worklist = worklist;
    this.pathways = pathways;
    this.access = access;
    this.registry = registry;
    this.records = records;
    this.deadlines = deadlines;
    this.training = training;
    this.internship = internship;
  }

  @GetMapping("/{id}/context")
  @Transactional
  TaskContextView context(@PathVariable String id, @RequestParam(defaultValue = "true") boolean personal,
      @AuthenticationPrincipal AppUser user) {
    TaskRow task = worklist.visibleTask(id, user).orElseThrow(() -> ApiException.notFound("No such task"));
    Pathway pathway = pathwayOf(task).orElseThrow(() -> ApiException.notFound("No such task"));
    List<DeadlineItem> open = deadlines.openOfPathway(pathway.id()).stream()
        .map(d -> new DeadlineItem(d.kind(), d.activityId(), ApiTime.of(d.dueAt().toInstant()), d.state(),
            id.equals(d.taskId())))
        .sorted(Comparator.comparing(DeadlineItem::dueAt))
        .toList();
    Person person = null;
    List<CaseNoteItem> notes = null;
    // the rule of the personal file (GET /api/participants/{id}): a role that reads personal files, with a part in
    // one of the person's pathways; the task being the caller's, its organisation has a part in this one
    if (personal && user.hasAnyRole(Roles.PERSONAL_DATA_READERS) && access.hasPartIn(user, pathway)) {
      Participant participant = registry.find(pathway.participantId()).orElse(null);
      if (participant != null) {
        registry.logAccess(participant.id(), participant.projectCode(), user.id(), CHANNEL + " GET /api/tasks/" + id + "/context");
        person = new Person(participant.firstName(), participant.lastName(), participant.phone(),
            participant.email());
        List<IntakeRecords.CaseNote> all = records.notes(pathway.id());
        List<CaseNoteItem> newestFirst = new ArrayList<>();
        for (int i = all.size() - 1; i >= Math.max(0, all.size() - RECENT_NOTES); i--) {
          IntakeRecords.CaseNote n = all.get(i);
          newestFirst.add(new CaseNoteItem(n.taskKey(), n.field(), n.text(), n.author(), n.createdAt()));
        }
        notes = newestFirst;
      }
    }
    return new TaskContextView(task.id(), task.name(), task.taskKey(), pathway.id(), pathway.projectCode(),
        pathway.stage(), pathway.status(), pathway.operatorOrganisation(), ApiTime.of(task.due()), open,
        hours(pathway), person != null, person, notes);
  }

  private Hours hours(Pathway pathway) {
    List<CourseHours> courses = training.summary(pathway).courses().stream()
        .map(c -> new CourseHours(c.code(), c.title(), c.startDate(), c.lastDay(), c.plannedHours(),
            c.attendedHours(), c.attendanceRate()))
        .toList();
    List<InternshipMonth> months = internship.attendance(pathway.id()).stream()
        .map(a -> new InternshipMonth(YearMonth.from(a.attendanceMonth()).toString(), a.plannedHours(),
            a.attendedHours(), a.attendanceRate()))
        .toList();
    return new Hours(courses, months);
  }

  private Optional<Pathway> pathwayOf(TaskRow task) {
    UUID pathwayId = BusinessKeys.pathwayId(task.pathwayId());
    return pathwayId == null ? Optional.empty() : pathways.find(pathwayId);
  }
}
