package org.erplab.pathways.worklist.process;

import java.util.ArrayList;
import java.util.Collection;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.common.domain.BusinessKeys;
import org.erplab.pathways.pathway.process.ProcessCatalogue;
import org.erplab.pathways.project.domain.ProgrammeNotice;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.EngineAccess;
import org.erplab.pathways.security.Partitions;
import org.erplab.pathways.security.Roles;
import org.erplab.pathways.worklist.infrastructure.WorklistQueries;
import org.erplab.pathways.deadline.domain.Deadline;
import org.erplab.pathways.deadline.domain.DeadlineRecords;
import org.erplab.pathways.worklist.infrastructure.WorklistQueries.LockedTask;
import org.erplab.pathways.worklist.infrastructure.WorklistQueries.TaskRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The caller's tasks: listed by its groups (roles and organisation) in the projects and project parts it sees,
 * claimed, released and completed. Another project's task, or another organisation's, does not exist for the caller
 * (404); a task of its own part that its groups may not work is a 403 (administrators may work it, as at every door);
 * a task completed or claimed by someone else is a 409. The values of a completion are validated by the engine against
 * the task's form, as at every other door.
 */
@Service
public class Worklist {

  public static final int MAX_RESULTS = 200;

  private final ProcessEngine processEngine;
  private final TaskService taskService;
  private final HistoryService historyService;
  private final RepositoryService repositoryService;
  private final EngineAccess engine;
  private final WorklistQueries queries;
  private final DeadlineRecords deadlines;
  private final CandidateTaskKeys candidateKeys;
  private final ProgrammeNotice programmeNotice;
  private final Map<String, String> formKeys = new ConcurrentHashMap<>();
  private final Map<String, String> processKeys = new ConcurrentHashMap<>();

  public Worklist(ProcessEngine processEngine, TaskService taskService, HistoryService historyService,
      RepositoryService repositoryService, EngineAccess engine, WorklistQueries queries, DeadlineRecords deadlines,
      CandidateTaskKeys candidateKeys, ProgrammeNotice programmeNotice) {
    this.processEngine = processEngine;
    this.taskService = taskService;
    this.historyService = historyService;
    this.repositoryService = repositoryService;
    this.engine = engine;
    this.queries = queries;
    this.deadlines = deadlines;
    this.candidateKeys = candidateKeys;
    this.programmeNotice = programmeNotice;
  }

  @Transactional(readOnly = true)
  public List<OpenTask> myTasks(AppUser user, String project, Boolean overdue, String taskKey, UUID pathwayId,
      int firstResult, int maxResults) {
    Set<String> tenants = tenants(user, project);
    if (tenants.isEmpty()) {
      return List.of();
    }
    Date now = ClockUtil.getCurrentTime();
    List<TaskRow> rows = queries.page(tenants, user.id(), user.groups(),
        () -> candidateKeys.byTenant(tenants, user.groups()), overdue, taskKey, pathwayId, now, firstResult, maxResults);
    List<String> ids = rows.stream().map(TaskRow::id).toList();
    Map<String, List<String>> groups = queries.candidateGroups(ids);
    Map<String, Deadline> deadlineOf = new java.util.HashMap<>();
    deadlines.ofTasks(ids).forEach(d -> deadlineOf.merge(d.taskId(), d, (a, b) -> a.isOpen() ? a : b));
    List<OpenTask> result = new ArrayList<>();
    Map<String, Optional<LocalDate>> endsOn = new java.util.HashMap<>();
    for (TaskRow row : rows) {
      Deadline deadline = deadlineOf.get(row.id());
      boolean late = !row.suspended() && (deadline != null
          ? deadline.isOpen() ? deadline.dueAt().toInstant().isBefore(now.toInstant())
              : Deadline.State.MISSED.name().equals(deadline.state())
          : row.due() != null && row.due().isBefore(now.toInstant()));
      result.add(new OpenTask(row, groups.getOrDefault(row.id(), List.of()), late, deadline, formKey(row),
          endsOn.computeIfAbsent(Partitions.projectOf(row.tenantId()), programmeNotice::endingSoon).orElse(null)));
    }
    return result;
  }

  /**
   * The open task if it is one of the caller's, by the worklist's rule: in a project (or project part) the caller
   * sees, and assigned to the caller or with one of its groups as candidate. Empty otherwise (the caller's 404).
   */
  @Transactional(readOnly = true)
  public Optional<TaskRow> visibleTask(String taskId, AppUser user) {
    return queries.task(taskId)
        .filter(task -> user.tenants().contains(task.tenantId()))
        .filter(task -> user.id().equals(task.assignee()) || queries.candidateGroups(List.of(task.id()))
            .getOrDefault(task.id(), List.of()).stream().anyMatch(user.groups()::contains));
  }

  /** How many tasks of each kind the caller has (a flood of call-backs shows as one number, not as pages). */
  @Transactional(readOnly = true)
  public Map<String, Long> summary(AppUser user, String project) {
    return queries.countsByTaskKey(tenants(user, project), user.id(), user.groups());
  }

  private static Set<String> tenants(AppUser user, String project) {
    if (project == null) {
      return user.tenants();
    }
    if (!user.serves(project)) {
      throw ApiException.forbidden("You do not serve that project");
    }
    return user.tenants().stream().filter(t -> project.equals(Partitions.projectOf(t)))
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The Camunda Form of a task, from its model (cached per definition and task). */
  private String formKey(TaskRow row) {
    return formKeys.computeIfAbsent(row.processDefinitionId() + "#" + row.taskKey(), key -> engine.asSystem(() -> {
      UserTask task = repositoryService.getBpmnModelInstance(row.processDefinitionId()).getModelElementById(row.taskKey());
      return task == null ? null : task.getCamundaFormRef();
    }));
  }

  @Transactional
  public void claim(String taskId, AppUser user) {
    LockedTask task = workable(taskId, user);
    if (task.assignee() != null) {
      if (task.assignee().equals(user.id())) {
        return;
      }
      throw ApiException.conflict("The task is already claimed by someone else");
    }
    asChecked(() -> taskService.claim(taskId, user.id()));
  }

  @Transactional
  public void unclaim(String taskId, AppUser user) {
    LockedTask task = workable(taskId, user);
    if (task.assignee() == null) {
      return;
    }
    if (!task.assignee().equals(user.id())) {
      throw ApiException.conflict("The task is claimed by someone else");
    }
    asChecked(() -> taskService.setAssignee(taskId, null));
  }

  /**
   * Completes the task with the form's values; the engine validates them (400 naming every invalid field). Gives the
   * task's pathway (the business key of its process instance) and, if asked ({@code withNext}), the caller's open
   * tasks in it as the completion leaves them, read in the same transaction.
   */
  @Transactional
  public Completion complete(String taskId, Map<String, Object> input, AppUser user, boolean withNext) {
    LockedTask task = workable(taskId, user);
    if (task.assignee() != null && !task.assignee().equals(user.id())) {
      throw ApiException.conflict("The task is claimed by someone else");
    }
    VariableMap values = typed(task, input == null ? Map.of() : input);
    // one engine command for both: one flush, the task read once; history keeps who worked the task (the claim)
    asChecked(() -> {
      if (task.assignee() == null) {
        taskService.claim(taskId, user.id());
      }
      taskService.complete(taskId, values);
    });
    UUID pathway = BusinessKeys.pathwayId(task.pathwayId());
    return new Completion(pathway, withNext && pathway != null
        ? myTasks(user, null, null, null, pathway, 0, MAX_RESULTS) : List.of());
  }

  /** A completed task's pathway (null if none) and the caller's open tasks in it, if asked for. */
  public record Completion(UUID pathwayId, List<OpenTask> next) {}

  /**
   * Engine work on a task that {@link #workable} has allowed, in one engine command that skips Camunda's
   * authorization check: it would grant the caller's role TASK_WORK on any definition ({@code AuthorizationSetup}),
   * which {@code workable} has already narrowed to the task's candidate groups (ADR 0025). Everything else runs as the
   * caller: the tenant check, the door rules, the form validation, the user operation log.
   */
  private void asChecked(Runnable work) {
    CommandExecutor commands = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
    commands.execute(context -> {
      context.disableAuthorizationCheck();
      work.run();
      return null;
    });
  }

  /** Values of the variables the process declares sensitive are transient: the registry takes them, never the engine. */
  private VariableMap typed(LockedTask task, Map<String, Object> values) {
    String processKey = processKeys.computeIfAbsent(task.processDefinitionId(), id -> engine.asSystem(() ->
        repositoryService.getProcessDefinition(id).getKey()));
    Set<String> sensitive = ProcessCatalogue.sensitiveVariables(processKey).stream()
        .map(v -> v.name()).collect(Collectors.toSet());
    VariableMap variables = Variables.createVariables();
    values.forEach((name, value) -> {
      if (!sensitive.contains(name)) {
        variables.putValue(name, value);
      } else if (value instanceof Collection<?> list) {
        variables.putValueTyped(name, Variables.objectValue(new ArrayList<>(list), true).create());
      } else {
        variables.putValueTyped(name, Variables.untypedValue(value, true));
      }
    });
    return variables;
  }

  /**
   * The open task, locked until the end of the transaction, if the caller may work it; 404 / 403 / 409 otherwise. Read
   * with our own statement (the row as locked, with its candidate groups): the engine checks again when it works the
   * task.
   */
  private LockedTask workable(String taskId, AppUser user) {
    LockedTask task = queries.lockTask(taskId).orElse(null);
    return engine.asSystem(() -> {
      if (task == null) {
        HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        // a completed task is a conflict; one that ended otherwise (its stage cancelled, e.g. a pathway handed over
        // to another operator) no longer exists, as at the engine's doors
        if (done != null && TaskEntity.DELETE_REASON_COMPLETED.equals(done.getDeleteReason())
            && user.tenants().contains(done.getTenantId())) {
          throw ApiException.conflict("The task was already completed");
        }
        throw ApiException.notFound("No such task");
      }
      if (!user.tenants().contains(task.tenantId())) {
        throw ApiException.notFound("No such task");
      }
      boolean mine = user.id().equals(task.assignee());
      boolean candidate = task.candidateGroups().stream().anyMatch(user.groups()::contains);
      // administrators may work any task of the projects they serve (a repair), as at the engine's doors
      if (!mine && !candidate && !user.hasRole(Roles.ADMIN)) {
        throw ApiException.forbidden("Your groups may not work this task");
      }
      return task;
    });
  }

  /**
   * A task of the list with its deadline (from table {@code deadline}; null for a task without one) and its programme's
   * last day when that is near ({@link ProgrammeNotice}; null otherwise).
   */
  public record OpenTask(TaskRow task, List<String> candidateGroups, boolean overdue, Deadline deadline,
      String formKey, LocalDate programmeEndsOn) {}
}
