package org.erplab.pathways.worklist.api;

import java.util.List;
import org.erplab.pathways.common.api.ApiTime;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.worklist.domain.Worklist;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
class TaskController {

  private final Worklist worklist;

  TaskController(Worklist worklist) {
    this.worklist = worklist;
  }

  /** My open tasks: those of my groups in my projects, and those assigned to me; overdue first by due date. */
  @GetMapping
  List<TaskItem> myTasks(@RequestParam(required = false) String project,
      @RequestParam(required = false) Boolean overdue,
      @RequestParam(defaultValue = "0") int firstResult,
      @RequestParam(defaultValue = "50") int maxResults,
      @AuthenticationPrincipal AppUser user) {
    return worklist.myTasks(user, project, overdue, firstResult, maxResults).stream()
        .map(t -> new TaskItem(t.task().getId(), t.task().getName(), t.task().getTaskDefinitionKey(), t.pathwayId(),
            t.task().getTenantId(), t.candidateGroups(), t.task().getAssignee(), ApiTime.of(t.task().getCreateTime()),
            ApiTime.of(t.task().getDueDate()), t.overdue(), t.formKey()))
        .toList();
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

  @PostMapping("/{id}/complete")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void complete(@PathVariable String id, @RequestBody(required = false) CompleteTaskRequest request,
      @AuthenticationPrincipal AppUser user) {
    worklist.complete(id, request == null ? null : request.variables(), user);
  }
}
