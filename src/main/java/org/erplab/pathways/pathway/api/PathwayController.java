package org.erplab.pathways.pathway.api;

import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.common.api.ApiTime;
import org.erplab.pathways.participant.api.ParticipantMapper;
import org.erplab.pathways.pathway.domain.Pathway;
import org.erplab.pathways.pathway.domain.PathwayService;
import org.erplab.pathways.project.domain.ProjectDirectory;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.EngineAccess;
import org.erplab.pathways.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
// JSON only: a caller that accepts nothing else gets 406 before anything happens
@RequestMapping(path = "/api/pathways", produces = MediaType.APPLICATION_JSON_VALUE)
class PathwayController {

  private final PathwayService service;
  private final PathwayAccess access;
  private final ParticipantMapper mapper;
  private final ProjectDirectory projects;
  private final EngineAccess engine;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;

  PathwayController(PathwayService service, PathwayAccess access,
      ParticipantMapper mapper, ProjectDirectory projects, EngineAccess engine,
      RuntimeService runtimeService, TaskService taskService, ManagementService managementService) {
    this.service = service;
    this.access = access;
    this.mapper = mapper;
    this.projects = projects;
    this.engine = engine;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
  }

  /** The lab or a CPI desk takes a person in charge. */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  PathwayService.StartedPathway start(@Valid @RequestBody StartPathwayRequest request,
      @AuthenticationPrincipal AppUser user) {
    if (!user.hasAnyRole(Roles.INTAKE)) {
      throw ApiException.forbidden("Only the lab and the CPI take people in charge");
    }
    if (projects.find(request.projectCode()).isEmpty()) {
      throw ApiException.badRequest("projectCode", "unknown project");
    }
    if (!user.seesWholeProject(request.projectCode())) {
      throw ApiException.forbidden("You do not serve project " + request.projectCode());
    }
    return service.start(mapper.toParticipant(request.person(), request.projectCode()), request.channel(), null);
  }

  @GetMapping("/{id}")
  @Transactional(readOnly = true)
  PathwayView get(@PathVariable UUID id, @AuthenticationPrincipal AppUser user) {
    Pathway pathway = access.readable(id, user);
    return engine.asSystem(() -> view(pathway));
  }

  private PathwayView view(Pathway p) {
    String businessKey = p.id().toString();
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
        .orderByTaskCreateTime().asc().list();
    List<PathwayView.Deadline> deadlines = new ArrayList<>();
    List<PathwayView.OpenTask> openTasks = new ArrayList<>();
    for (Task t : tasks) {
      openTasks.add(new PathwayView.OpenTask(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getAssignee(),
          ApiTime.of(t.getCreateTime()), ApiTime.of(t.getDueDate())));
      if (t.getDueDate() != null) {
        deadlines.add(new PathwayView.Deadline(t.getTaskDefinitionKey(), "TASK", ApiTime.of(t.getDueDate())));
      }
    }
    List<String> instanceIds = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .list().stream().map(ProcessInstance::getId).toList();
    List<Job> timers = new ArrayList<>();
    for (String instanceId : instanceIds) {
      timers.addAll(managementService.createJobQuery().processInstanceId(instanceId).timers().list());
    }
    if (!timers.isEmpty()) {
      Map<String, String> activityOf = new HashMap<>();
      timers.stream().map(Job::getJobDefinitionId).distinct().forEach(definitionId -> activityOf.put(definitionId,
          activityOf(managementService.createJobDefinitionQuery().jobDefinitionId(definitionId).singleResult())));
      for (Job timer : timers) {
        deadlines.add(new PathwayView.Deadline(activityOf.get(timer.getJobDefinitionId()), "TIMER",
            ApiTime.of(timer.getDuedate())));
      }
    }
    deadlines.sort(Comparator.comparing(PathwayView.Deadline::due));
    return new PathwayView(p.id(), p.projectCode(), p.participantId(), p.channel(), p.stage(), p.status(),
        p.outcome(), p.reasonList(), p.referral(), p.operatorOrganisation(), p.consentAt(), p.createdAt(), p.closedAt(),
        deadlines,
        openTasks);
  }

  private static String activityOf(JobDefinition definition) {
    return definition.getActivityId();
  }
}
