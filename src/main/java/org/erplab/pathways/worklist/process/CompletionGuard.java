package org.erplab.pathways.worklist.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.erplab.pathways.common.domain.BusinessKeys;
import org.erplab.pathways.common.domain.FieldError;
import org.erplab.pathways.common.process.InvalidFieldsException;
import org.erplab.pathways.security.Partitions;
import org.erplab.pathways.security.process.CommandFields;
import org.erplab.pathways.security.process.CompletedTaskConflict;
import org.erplab.pathways.worklist.domain.FormField;
import org.erplab.pathways.worklist.domain.FormValidation;
import org.erplab.pathways.worklist.domain.TaskCompletionRule;
import org.erplab.pathways.worklist.infrastructure.WorklistQueries;

/**
 * Validates every task completion inside the engine, before anything changes, whatever the door (our API, engine
 * REST {@code complete} and {@code submit-form}, Tasklist, the Java API): the values must fit the task's Camunda Form
 * ({@link FormValidation}) and the task's own rules ({@link TaskCompletionRule}). The caller's right to work the task
 * is checked first, so a refused caller learns nothing about the form. Invalid values: {@link InvalidFieldsException}
 * naming every field, and nothing is changed.
 *
 * <p>Completions of one task are serialised at every door: the task's row is locked first, as our API does, so an
 * engine REST completion racing an API one waits for it (instead of deadlocking on the rows both change) and then
 * finds the task completed: a 409. Values are read as sent, without deserialising them (a malformed Json or a
 * Java-serialized object is an invalid value, not a server error).
 */
final class CompletionGuard extends CommandInterceptor {

  static final String TASK_ID = "taskId";
  static final String COMPLETE_VARIABLES = "variables";
  static final String SUBMIT_VARIABLES = "properties";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TaskFormReader forms;
  private final List<TaskCompletionRule> rules;
  private final WorklistQueries queries;

  CompletionGuard(TaskFormReader forms, List<TaskCompletionRule> rules, WorklistQueries queries) {
    this.forms = forms;
    this.rules = rules;
    this.queries = queries;
  }

  static void requireCommandFields() {
    CommandFields.requireFields(CompleteTaskCmd.class, TASK_ID, COMPLETE_VARIABLES);
    CommandFields.requireFields(SubmitTaskFormCmd.class, TASK_ID, SUBMIT_VARIABLES);
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof CompleteTaskCmd) {
      check((String) CommandFields.read(command, TASK_ID), (Map<?, ?>) CommandFields.read(command, COMPLETE_VARIABLES));
    } else if (command instanceof SubmitTaskFormCmd) {
      check((String) CommandFields.read(command, TASK_ID), (Map<?, ?>) CommandFields.read(command, SUBMIT_VARIABLES));
    }
    return next.execute(command);
  }

  private void check(String taskId, Map<?, ?> submitted) {
    CommandContext context = Context.getCommandContext();
    if (taskId == null) {
      return; // the command itself answers
    }
    if (!queries.lock(taskId)) {
      // gone, perhaps while we waited for the lock: completed (409), or ended otherwise (the command answers 404)
      CompletedTaskConflict.refuseIfCompleted(context, taskId);
      return;
    }
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      return;
    }
    for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
      checker.checkTaskWork(task);
    }
    Map<String, Object> values = plain(submitted);
    List<FormField> fields = forms.fields(context, task);
    List<FieldError> errors = new ArrayList<>(FormValidation.validate(fields, values));
    if (errors.isEmpty()) {
      TaskCompletionRule.CompletedTask completed = new TaskCompletionRule.CompletedTask(task.getTaskDefinitionKey(),
          Partitions.projectOf(task.getTenantId()), pathwayId(task));
      for (TaskCompletionRule rule : rules) {
        if (rule.taskKey().equals(task.getTaskDefinitionKey())) {
          errors.addAll(rule.check(completed, values));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidFieldsException("Task " + task.getTaskDefinitionKey() + " cannot be completed", errors);
    }
  }

  private static UUID pathwayId(TaskEntity task) {
    ExecutionEntity execution = task.getExecution();
    return execution == null ? null : BusinessKeys.pathwayId(execution.getProcessBusinessKey());
  }

  /**
   * The submitted values as plain Java values: typed values unwrapped, JSON lists as lists. A variable map is read
   * typed value by typed value: reading its plain values would deserialise them (and fail on a malformed one).
   */
  static Map<String, Object> plain(Map<?, ?> submitted) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (submitted instanceof VariableMap variables) {
      for (String name : variables.keySet()) {
        TypedValue typed = variables.getValueTyped(name);
        values.put(name, plain((Object) typed));
      }
    } else if (submitted != null) {
      submitted.forEach((name, value) -> values.put(String.valueOf(name), plain(value)));
    }
    return values;
  }

  static Object plain(Object value) {
    if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      return fromJson(serializable.getValueSerialized());
    }
    if (value instanceof TypedValue typed) {
      return plain(typed.getValue());
    }
    if (value instanceof SpinJsonNode node) {
      return fromJson(node.toString());
    }
    if (value instanceof Collection<?> collection) {
      return collection.stream().map(CompletionGuard::plain).toList();
    }
    return value;
  }

  private static Object fromJson(String json) {
    if (json == null) {
      return null;
    }
    try {
      return JSON.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      return json; // not JSON: validated (and refused) as text
    }
  }
}
