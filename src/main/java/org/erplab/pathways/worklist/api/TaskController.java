package org.erplab.pathways.worklist.api;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.ArrayList;
import java.util.Locale;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.common.api.ApiTime;
import org.erplab.pathways.common.domain.FieldError;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.Partitions;
import org.erplab.pathways.worklist.process.Worklist;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
// JSON only: a caller that accepts nothing else gets 406 before anything happens
@RequestMapping(path = "/api/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
class TaskController {

  private final Worklist worklist;

  TaskController(Worklist worklist) {
    this.worklist = worklist;
  }

  /**
   * My open tasks: those of my groups in the projects (or project parts) I see, and those I claimed. Ordered by
   * priority (the lab's own work before public call-backs), then due date, then creation. Narrowed by project, by
   * lateness, by kind of task ({@code taskKey}) and to one pathway ({@code pathwayId}).
   */
  @GetMapping
  List<TaskItem> myTasks(@RequestParam(required = false) String project,
      @RequestParam(required = false) Boolean overdue,
      @RequestParam(required = false) String taskKey,
      @RequestParam(required = false) String pathwayId,
      @RequestParam(defaultValue = "0") int firstResult,
      @RequestParam(defaultValue = "50") int maxResults,
      @AuthenticationPrincipal AppUser user) {
    List<FieldError> errors = new ArrayList<>();
    if (firstResult < 0) {
      errors.add(new FieldError("firstResult", "must be 0 or more"));
    }
    if (maxResults < 1 || maxResults > Worklist.MAX_RESULTS) {
      errors.add(new FieldError("maxResults", "must be between 1 and " + Worklist.MAX_RESULTS));
    }
    UUID pathway = null;
    if (pathwayId != null) {
      try {
        pathway = UUID.fromString(pathwayId);
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("pathwayId", "must be a pathway id (UUID)"));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(errors);
    }
    return items(worklist.myTasks(user, project, overdue, taskKey, pathway, firstResult, maxResults));
  }

  private List<TaskItem> items(List<Worklist.OpenTask> tasks) {
    return tasks.stream()
        .map(t -> new TaskItem(t.task().id(), t.task().name(), t.task().taskKey(), t.task().pathwayId(),
            Partitions.projectOf(t.task().tenantId()), t.candidateGroups(),
            t.task().assignee(), ApiTime.of(t.task().created()), ApiTime.of(t.task().due()), t.overdue(),
            t.task().suspended(), t.deadline() == null ? null : new TaskItem.DeadlineItem(t.deadline().kind(),
                t.deadline().dueAt(), t.deadline().state(), t.deadline().shiftedWorkingDays(),
                t.deadline().shiftedCalendarDays()),
            t.task().priority(), t.formKey(),
            t.programmeEndsOn()))
        .toList();
  }

  /** How many open tasks of each kind I have, by task key: the size of a flood of call-backs at a glance. */
  @GetMapping("/summary")
  Map<String, Long> summary(@RequestParam(required = false) String project, @AuthenticationPrincipal AppUser user) {
    return worklist.summary(user, project);
  }

  @PostMapping("/{id}/claim")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void claim(@PathVariable String id, @AuthenticationPrincipal AppUser user) {
    worklist.claim(id, user);
  }

  @PostMapping("/{id}/unclaim")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void unclaim(@PathVariable String id, @AuthenticationPrincipal AppUser user) {
    worklist.unclaim(id, user);
  }

  /**
   * Completes the task with its form's values. 204; or, asked with {@code Prefer: return=representation} (RFC 7240),
   * 200 with the caller's open tasks in the same pathway as the completion leaves them (read in its transaction): the
   * next step, if it is the caller's, without a second request.
   */
  @PostMapping("/{id}/complete")
  @ApiResponse(responseCode = "204", description = "Completed")
  @ApiResponse(responseCode = "200", description = "Completed, asked with Prefer: return=representation: the caller's "
      + "open tasks in the pathway")
  ResponseEntity<CompletedTask> complete(@PathVariable String id,
      @RequestBody(required = false) CompleteTaskRequest request,
      @RequestHeader(name = PREFER, required = false) String prefer,
      @AuthenticationPrincipal AppUser user) {
    boolean representation = prefer != null && prefer.toLowerCase(Locale.ROOT).contains(RETURN_REPRESENTATION);
    Worklist.Completion completion = worklist.complete(id, request == null ? null : request.variables(), user,
        representation);
    if (!representation) {
      return ResponseEntity.noContent().build();
    }
    return ResponseEntity.ok().header(PREFERENCE_APPLIED, RETURN_REPRESENTATION).body(new CompletedTask(id,
        completion.pathwayId() == null ? null : completion.pathwayId().toString(), items(completion.next())));
  }

  static final String PREFER = "Prefer";
  static final String RETURN_REPRESENTATION = "return=representation";
  static final String PREFERENCE_APPLIED = "Preference-Applied";

  /** A completed task, its pathway and the caller's open tasks in it after the completion. */
  record CompletedTask(String id, String pathwayId, List<TaskItem> nextTasks) {}
}
