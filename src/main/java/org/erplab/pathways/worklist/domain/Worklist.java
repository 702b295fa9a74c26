package org.erplab.pathways.worklist.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.privacy.process.SensitiveVariables;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.EngineAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The caller's tasks: listed by its groups (roles and organisation) and projects, claimed, released and completed with
 * the values of the task's form. Another project's task does not exist for the caller (404); a task of its project
 * that its groups may not work is a 403; a task completed or claimed by someone else is a 409.
 */
@Service
public class Worklist {

  public static final int MAX_RESULTS = 200;

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final TaskForms forms;
  private final List<TaskCompletionRule> rules;
  private final SensitiveVariables sensitive;
  private final EngineAccess engine;
  private final JdbcClient jdbc;

  public Worklist(TaskService taskService, RuntimeService runtimeService, HistoryService historyService,
      TaskForms forms, List<TaskCompletionRule> rules, SensitiveVariables sensitive, EngineAccess engine,
      JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.forms = forms;
    this.rules = rules;
    this.sensitive = sensitive;
    this.engine = engine;
  }

  public List<OpenTask> myTasks(AppUser user, String project, Boolean overdue, int firstResult, int maxResults) {
    if (project != null && !user.serves(project)) {
      throw ApiException.forbidden("You do not serve project " + project);
    }
    if (user.projects().isEmpty()) {
      return List.of();
    }
    Date now = ClockUtil.getCurrentTime();
    TaskQuery query = taskService.createTaskQuery()
        .tenantIdIn(project != null ? new String[] {project} : user.projects().toArray(String[]::new))
        .or().taskCandidateGroupIn(user.groups()).taskAssignee(user.id()).endOr()
        .initializeFormKeys();
    if (Boolean.TRUE.equals(overdue)) {
      query.dueBefore(now);
    } else if (Boolean.FALSE.equals(overdue)) {
      query.or().dueAfter(now).withoutDueDate().endOr();
    }
    List<Task> tasks = query.orderByDueDate().asc().orderByTaskCreateTime().asc()
        .listPage(Math.max(0, firstResult), Math.min(Math.max(1, maxResults), MAX_RESULTS));
    return engine.asSystem(() -> describe(tasks, now));
  }

  private List<OpenTask> describe(List<Task> tasks, Date now) {
    Map<String, String> businessKeys = tasks.isEmpty() ? Map.of()
        : runtimeService.createProcessInstanceQuery()
            .processInstanceIds(tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()))
            .list().stream()
            .filter(p -> p.getBusinessKey() != null)
            .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
    Map<String, List<String>> groups = candidateGroups(tasks.stream().map(Task::getId).toList());
    List<OpenTask> result = new ArrayList<>();
    for (Task task : tasks) {
      result.add(new OpenTask(task, businessKeys.get(task.getProcessInstanceId()),
          groups.getOrDefault(task.getId(), List.of()), task.getDueDate() != null && task.getDueDate().before(now),
          formKey(task)));
    }
    return result;
  }

  /** Candidate groups of a page of tasks in one indexed query (the engine API would need one query per task). */
  private Map<String, List<String>> candidateGroups(List<String> taskIds) {
    if (taskIds.isEmpty()) {
      return Map.of();
    }
    return jdbc.sql("""
            select TASK_ID_, GROUP_ID_ from ACT_RU_IDENTITYLINK
            where TYPE_ = 'candidate' and GROUP_ID_ is not null and TASK_ID_ in (:ids) order by GROUP_ID_""")
        .param("ids", taskIds)
        .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
        .list().stream()
        .collect(Collectors.groupingBy(Map.Entry::getKey,
            Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
  }

  private List<String> candidateGroups(String taskId) {
    return taskService.getIdentityLinksForTask(taskId).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .sorted()
        .toList();
  }

  private static String formKey(Task task) {
    if (task.getCamundaFormRef() != null) {
      return task.getCamundaFormRef().getKey();
    }
    return task.getFormKey();
  }

  @Transactional
  public void claim(String taskId, AppUser user) {
    lock(taskId);
    Task task = workable(taskId, user);
    if (task.getAssignee() != null) {
      if (task.getAssignee().equals(user.id())) {
        return;
      }
      throw ApiException.conflict("The task is already claimed by someone else");
    }
    taskService.claim(taskId, user.id());
  }

  @Transactional
  public void unclaim(String taskId, AppUser user) {
    lock(taskId);
    Task task = workable(taskId, user);
    if (task.getAssignee() == null) {
      return;
    }
    if (!task.getAssignee().equals(user.id())) {
      throw ApiException.conflict("The task is claimed by someone else");
    }
    taskService.setAssignee(taskId, null);
  }

  @Transactional
  public void complete(String taskId, Map<String, Object> input, AppUser user) {
    lock(taskId);
    Task task = workable(taskId, user);
    if (task.getAssignee() != null && !task.getAssignee().equals(user.id())) {
      throw ApiException.conflict("The task is claimed by someone else");
    }
    Map<String, Object> values = FormValidation.validate(engine.asSystem(() -> forms.fields(taskId)), input);
    List<ApiException.FieldError> errors = rules.stream()
        .filter(r -> r.taskKey().equals(task.getTaskDefinitionKey()))
        .flatMap(r -> r.check(task.getTenantId(), values).stream())
        .toList();
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(errors);
    }
    if (task.getAssignee() == null) {
      taskService.claim(taskId, user.id());
    }
    taskService.complete(taskId, typed(values));
  }

  /** Sensitive values are transient: the registry listener reads them, the engine never stores them. */
  private VariableMap typed(Map<String, Object> values) {
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
   * Locks the task's row until the end of the transaction, so that two people claiming or completing one task are
   * served one after the other: the second then finds it completed or claimed (409) instead of failing half-way.
   */
  private void lock(String taskId) {
    jdbc.sql("select ID_ from ACT_RU_TASK where ID_ = ? for update").param(taskId).query(String.class).optional();
  }

  /** The open task, if the caller may work it; 404 / 403 / 409 otherwise. */
  private Task workable(String taskId, AppUser user) {
    return engine.asSystem(() -> {
      Task task = taskService.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
      if (task == null) {
        HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        if (done != null && user.serves(done.getTenantId())) {
          throw ApiException.conflict("The task was already completed");
        }
        throw ApiException.notFound("No task " + taskId);
      }
      if (!user.serves(task.getTenantId())) {
        throw ApiException.notFound("No task " + taskId);
      }
      boolean mine = user.id().equals(task.getAssignee());
      boolean candidate = candidateGroups(taskId).stream().anyMatch(user.groups()::contains);
      if (!mine && !candidate) {
        throw ApiException.forbidden("Your groups may not work this task");
      }
      return task;
    });
  }

  public record OpenTask(Task task, String pathwayId, List<String> candidateGroups, boolean overdue, String formKey) {}
}
