package org.erplab.pathways.audit.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Input;
import org.erplab.pathways.common.api.ApiTime;
import org.erplab.pathways.common.infrastructure.PathwayEvents;
import java.util.Set;
import org.erplab.pathways.pathway.process.ProcessCatalogue;
import org.erplab.pathways.security.EngineAccess;
import org.springframework.stereotype.Service;

/**
 * A pathway's audit trail, read from Camunda history (level FULL) and our own event log ({@code pathway_event}: deadlines,
 * suspensions, exits): every process instance carrying the pathway id as
 * business key (the pathway and the intake / eligibility instances it called), their activities, tasks with who
 * claimed and completed them, decisions with inputs, outputs and matched rules, variable changes and user operations.
 *
 * <p>The trail is ordered by time, then by the order in which the engine created the records (ids of the default
 * time-based UUID generator, or numeric ids), so that events of the same millisecond read in causal order: an end
 * comes after everything that happened inside the element (a call activity's end after the called instance's end).
 *
 * <p>Reads history without the caller's engine authorizations: callers decide access first (project staff and
 * auditors of the pathway's project). Variables declared sensitive by the process descriptors never reach
 * history, and are left out here too; values are shown for primitive types only. Queries are per process instance and
 * per kind, never per element.
 */
@Service
public class AuditTrail {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
  private static final Set<String> PRIMITIVE_TYPES = Set.of("string", "boolean", "integer", "long", "short", "double");
  private static final String TASK = "Task";
  private static final String PROCESS_INSTANCE = "ProcessInstance";
  private static final String ASSIGNEE = "assignee";

  private final HistoryService historyService;
  private final RepositoryService repositoryService;
  private final Set<String> sensitive = ProcessCatalogue.sensitiveNames();
  private final EngineAccess engine;
  private final PathwayEvents pathwayEvents;

  public AuditTrail(HistoryService historyService, RepositoryService repositoryService,
      EngineAccess engine, PathwayEvents pathwayEvents) {
    this.pathwayEvents = pathwayEvents;
    this.historyService = historyService;
    this.repositoryService = repositoryService;
    this.engine = engine;
  }

  /** The ordered trail of the pathway; empty when the engine has no history for it. Check access before calling. */
  public List<AuditEntry> of(UUID pathwayId) {
    return engine.asSystem(() -> new Reading(pathwayId.toString()).read());
  }

  /** The state of one read: the history records, and the entries built from them. */
  private final class Reading {

    private final String businessKey;
    private final List<Item> items = new ArrayList<>();
    private final Map<String, List<Item>> itemsByOwner = new HashMap<>();
    private final Map<String, List<Item>> itemsByTask = new HashMap<>();
    private final Map<String, HistoricProcessInstance> instances = new LinkedHashMap<>();
    private final Map<String, HistoricActivityInstance> activities = new HashMap<>();
    /** Called process instance id to the call activity instance that started it. */
    private final Map<String, HistoricActivityInstance> callers = new HashMap<>();
    private final Map<String, HistoricTaskInstance> tasks = new HashMap<>();
    private final Map<String, String> userByOperation = new HashMap<>();
    private final Map<String, Operation> completions = new HashMap<>();
    private final Map<String, Operation> creations = new HashMap<>();
    private final Map<String, Map<String, String>> inputNames = new HashMap<>();
    private final Map<String, Integer> revisions = new HashMap<>();

    Reading(String businessKey) {
      this.businessKey = businessKey;
    }

    List<AuditEntry> read() {
      historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
          .orderByProcessInstanceStartTime().asc().list()
          .forEach(pi -> instances.put(pi.getId(), pi));
      if (instances.isEmpty()) {
        return List.of();
      }
      List<Operation> operations = new ArrayList<>();
      for (HistoricProcessInstance pi : instances.values()) {
        List<HistoricActivityInstance> acts = historyService.createHistoricActivityInstanceQuery()
            .processInstanceId(pi.getId()).orderPartiallyByOccurrence().asc().list();
        acts.forEach(a -> {
          activities.put(a.getId(), a);
          if (a.getCalledProcessInstanceId() != null) {
            callers.put(a.getCalledProcessInstanceId(), a);
          }
        });
        historyService.createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
            .orderByHistoricActivityInstanceStartTime().asc().list()
            .forEach(t -> tasks.put(t.getId(), t));
        operations.addAll(Operation.group(historyService.createUserOperationLogQuery().processInstanceId(pi.getId())
            .orderByTimestamp().asc().list()));
      }
      operations.forEach(op -> userByOperation.put(op.id(), op.user()));
      List<Operation> others = classify(operations);

      instances.values().forEach(this::process);
      activities.values().stream()
          .sorted(Comparator.comparing(HistoricActivityInstance::getStartTime).thenComparing(a -> creationKey(a.getId())))
          .forEach(this::activity);
      tasks.values().stream()
          .sorted(Comparator.comparing(HistoricTaskInstance::getStartTime).thenComparing(t -> creationKey(t.getId())))
          .forEach(this::task);
      others.forEach(this::operation);
      for (HistoricProcessInstance pi : instances.values()) {
        historyService.createHistoricDecisionInstanceQuery().processInstanceId(pi.getId())
            .includeInputs().includeOutputs().disableBinaryFetching().disableCustomObjectDeserialization()
            .orderByEvaluationTime().asc().list()
            .forEach(this::decision);
      }
      historyService.createHistoricDetailQuery().processInstanceIdIn(instances.keySet().toArray(String[]::new))
          .variableUpdates().disableBinaryFetching().disableCustomObjectDeserialization()
          .orderPartiallyByOccurrence().asc().list()
          .forEach(this::variable);

      pathwayEvents.of(UUID.fromString(businessKey)).forEach(this::pathwayEvent);

      return items.stream()
          .sorted(Comparator.comparing((Item i) -> i.at).thenComparing(Item::seq).thenComparingInt(i -> i.index))
          .map(Item::entry)
          .toList();
    }

    /** Claims and completions become task entries, instance creations the start entry; the rest stays operations. */
    private List<Operation> classify(List<Operation> operations) {
      List<Operation> others = new ArrayList<>();
      for (Operation op : operations) {
        if (TASK.equals(op.entityType()) && op.taskId() != null
            && UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(op.type())) {
          completions.putIfAbsent(op.taskId(), op);
        } else if (PROCESS_INSTANCE.equals(op.entityType()) && op.processInstanceId() != null
            && UserOperationLogEntry.OPERATION_TYPE_CREATE.equals(op.type())) {
          creations.putIfAbsent(op.processInstanceId(), op);
        } else {
          others.add(op);
        }
      }
      return others;
    }

    private void process(HistoricProcessInstance pi) {
      HistoricActivityInstance caller = callers.get(pi.getId());
      String owner = caller == null ? null : caller.getId();
      Operation creation = creations.get(pi.getId());
      Map<String, Object> started = details();
      started.put("processDefinitionId", pi.getProcessDefinitionId());
      started.put("version", pi.getProcessDefinitionVersion());
      started.put("projectCode", pi.getTenantId());
      started.put("superProcessInstanceId", pi.getSuperProcessInstanceId());
      Item start = add(pi.getStartTime(), created(pi.getId()), AuditEntryType.PROCESS_STARTED, pi, pi.getProcessDefinitionKey(),
          pi.getProcessDefinitionName(), pi.getStartUserId() != null ? pi.getStartUserId()
              : creation != null ? creation.user() : null, started, owner);
      if (pi.getEndTime() != null) {
        Map<String, Object> ended = details();
        ended.put("state", pi.getState());
        ended.put("endActivityId", pi.getEndActivityId());
        ended.put("deleteReason", pi.getDeleteReason());
        ended.put("durationMs", pi.getDurationInMillis());
        add(pi.getEndTime(), () -> after(start.seq(), inside(pi.getId())), AuditEntryType.PROCESS_ENDED, pi,
            pi.getProcessDefinitionKey(), pi.getProcessDefinitionName(), null, ended, owner);
      }
    }

    private void activity(HistoricActivityInstance a) {
      HistoricProcessInstance pi = instances.get(a.getProcessInstanceId());
      String owner = a.getParentActivityInstanceId();
      Map<String, Object> started = details();
      started.put("activityType", a.getActivityType());
      started.put("activityInstanceId", a.getId());
      started.put("taskId", a.getTaskId());
      started.put("calledProcessInstanceId", a.getCalledProcessInstanceId());
      Item start = add(a.getStartTime(), created(a.getId()), AuditEntryType.ACTIVITY_STARTED, pi, a.getActivityId(),
          a.getActivityName(), null, started, owner);
      if (a.getEndTime() != null) {
        Map<String, Object> ended = details();
        ended.put("activityType", a.getActivityType());
        ended.put("activityInstanceId", a.getId());
        ended.put("canceled", a.isCanceled());
        ended.put("durationMs", a.getDurationInMillis());
        add(a.getEndTime(), () -> after(start.seq(), inside(a.getId())), AuditEntryType.ACTIVITY_ENDED, pi,
            a.getActivityId(), a.getActivityName(), null, ended, owner);
      }
    }

    private void task(HistoricTaskInstance t) {
      HistoricProcessInstance pi = instances.get(t.getProcessInstanceId());
      String owner = t.getActivityInstanceId();
      Map<String, Object> created = details();
      created.put("taskId", t.getId());
      created.put("due", ApiTime.of(t.getDueDate()));
      created.put("followUp", ApiTime.of(t.getFollowUpDate()));
      Item creation = add(t.getStartTime(), created(t.getId()), AuditEntryType.TASK_CREATED, pi,
          t.getTaskDefinitionKey(), t.getName(), null, created, owner);
      itemsByTask.computeIfAbsent(t.getId(), k -> new ArrayList<>()).add(creation);
      if (t.getEndTime() == null) {
        return;
      }
      Operation completion = completions.get(t.getId());
      boolean completed = "completed".equals(t.getDeleteReason());
      Map<String, Object> ended = details();
      ended.put("taskId", t.getId());
      ended.put(ASSIGNEE, t.getAssignee());
      if (completed) {
        ended.put("due", ApiTime.of(t.getDueDate()));
        ended.put("overdue", t.getDueDate() != null && t.getEndTime().after(t.getDueDate()));
        ended.put("durationMs", t.getDurationInMillis());
      } else {
        ended.put("reason", t.getDeleteReason());
      }
      Supplier<Seq> seq = completion != null ? () -> after(completion.seq(), null)
          : () -> after(creation.seq(), maxSeq(itemsByTask.get(t.getId())));
      add(t.getEndTime(), seq, completed ? AuditEntryType.TASK_COMPLETED : AuditEntryType.TASK_CANCELLED, pi,
          t.getTaskDefinitionKey(), t.getName(), completion != null ? completion.user() : t.getAssignee(), ended, owner);
    }

    private void operation(Operation op) {
      HistoricProcessInstance pi = instances.get(op.processInstanceId());
      HistoricTaskInstance task = op.taskId() == null ? null : tasks.get(op.taskId());
      String owner = task != null ? task.getActivityInstanceId() : op.processInstanceId();
      String elementId = task != null ? task.getTaskDefinitionKey() : null;
      String elementName = task != null ? task.getName() : null;
      UserOperationLogEntry assignment = op.property(ASSIGNEE);
      Item item;
      if (task != null && assignment != null && (UserOperationLogEntry.OPERATION_TYPE_CLAIM.equals(op.type())
          || UserOperationLogEntry.OPERATION_TYPE_ASSIGN.equals(op.type()))) {
        Map<String, Object> d = details();
        d.put("taskId", op.taskId());
        d.put("operation", op.type());
        d.put(ASSIGNEE, assignment.getNewValue());
        d.put("previousAssignee", assignment.getOrgValue());
        item = add(op.timestamp(), op::seq,
            assignment.getNewValue() != null ? AuditEntryType.TASK_CLAIMED : AuditEntryType.TASK_UNCLAIMED, pi,
            elementId, elementName, op.user(), d, owner);
      } else {
        Map<String, Object> d = details();
        d.put("operationType", op.type());
        d.put("entityType", op.entityType());
        d.put("category", op.category());
        d.put("taskId", op.taskId());
        d.put("jobId", op.jobId());
        List<Map<String, Object>> changes = new ArrayList<>();
        for (UserOperationLogEntry e : op.entries()) {
          if (e.getProperty() != null && !sensitive.contains(e.getProperty())) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("property", e.getProperty());
            change.put("orgValue", e.getOrgValue());
            change.put("newValue", e.getNewValue());
            changes.add(change);
          }
        }
        d.put("changes", changes);
        item = add(op.timestamp(), op::seq, AuditEntryType.OPERATION, pi, elementId, elementName, op.user(), d, owner);
      }
      if (op.taskId() != null) {
        itemsByTask.computeIfAbsent(op.taskId(), k -> new ArrayList<>()).add(item);
      }
    }

    private void decision(HistoricDecisionInstance d) {
      HistoricProcessInstance pi = instances.get(d.getProcessInstanceId());
      HistoricActivityInstance activity = activities.get(d.getActivityInstanceId());
      Map<String, String> names = inputNames(d.getDecisionDefinitionId());
      Map<String, Object> inputs = new LinkedHashMap<>();
      Map<String, Object> labels = new LinkedHashMap<>();
      for (HistoricDecisionInputInstance input : d.getInputs()) {
        String name = names.getOrDefault(input.getClauseId(),
            input.getClauseName() != null ? input.getClauseName() : input.getClauseId());
        if (!sensitive.contains(name)) {
          inputs.put(name, render(input.getTypeName(), input.getErrorMessage(), input::getValue));
          labels.putIfAbsent(name, input.getClauseName());
        }
      }
      Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
      List<String> matchedRules = new ArrayList<>();
      d.getOutputs().stream()
          .sorted(Comparator.comparing((HistoricDecisionOutputInstance o) -> o.getRuleOrder() == null ? 0 : o.getRuleOrder()))
          .forEach(output -> {
            Map<String, Object> row = rows.computeIfAbsent(output.getRuleOrder() + "/" + output.getRuleId(), k -> {
              if (output.getRuleId() != null && !matchedRules.contains(output.getRuleId())) {
                matchedRules.add(output.getRuleId());
              }
              Map<String, Object> r = new LinkedHashMap<>();
              r.put("ruleId", output.getRuleId());
              r.put("ruleOrder", output.getRuleOrder());
              r.put("values", new LinkedHashMap<String, Object>());
              return r;
            });
            String name = output.getVariableName() != null ? output.getVariableName()
                : output.getClauseName() != null ? output.getClauseName() : output.getClauseId();
            if (!sensitive.contains(name)) {
              @SuppressWarnings("unchecked")
              Map<String, Object> values = (Map<String, Object>) row.get("values");
              values.put(name, render(output.getTypeName(), output.getErrorMessage(), output::getValue));
              labels.putIfAbsent(name, output.getClauseName());
            }
          });
      Map<String, Object> details = details();
      details.put("decisionKey", d.getDecisionDefinitionKey());
      details.put("decisionName", d.getDecisionDefinitionName());
      details.put("decisionInstanceId", d.getId());
      details.put("rootDecisionInstanceId", d.getRootDecisionInstanceId());
      details.put("inputs", inputs);
      details.put("outputs", new ArrayList<>(rows.values()));
      details.put("matchedRules", matchedRules);
      details.put("collectResultValue", d.getCollectResultValue());
      details.put("labels", labels);
      add(d.getEvaluationTime(), created(d.getId()), AuditEntryType.DECISION_EVALUATED, pi, d.getActivityId(),
          activity != null ? activity.getActivityName() : null, d.getUserId(), details, d.getActivityInstanceId());
    }

    private void variable(HistoricDetail detail) {
      if (!(detail instanceof HistoricVariableUpdate update) || sensitive.contains(update.getVariableName())) {
        return;
      }
      HistoricProcessInstance pi = instances.get(update.getProcessInstanceId());
      HistoricActivityInstance activity = activities.get(update.getActivityInstanceId());
      // an update raises the revision; a removal is recorded with the revision it had
      Integer previous = revisions.put(update.getVariableInstanceId(), update.getRevision());
      boolean deleted = previous != null && previous == update.getRevision();
      Map<String, Object> details = details();
      details.put("name", update.getVariableName());
      details.put("value", deleted ? null : render(update.getTypeName(), update.getErrorMessage(), update::getValue));
      details.put("valueType", update.getTypeName());
      details.put("revision", update.getRevision());
      details.put("initial", update.isInitial());
      details.put("taskId", update.getTaskId());
      details.put("activityInstanceId", update.getActivityInstanceId());
      Item item = add(update.getTime(), created(update.getId()),
          deleted ? AuditEntryType.VARIABLE_DELETED : AuditEntryType.VARIABLE_SET, pi,
          activity != null ? activity.getActivityId() : pi != null ? pi.getProcessDefinitionKey() : null,
          activity != null ? activity.getActivityName() : pi != null ? pi.getProcessDefinitionName() : null,
          userByOperation.get(update.getUserOperationId()), details, update.getActivityInstanceId());
      if (update.getTaskId() != null) {
        itemsByTask.computeIfAbsent(update.getTaskId(), k -> new ArrayList<>()).add(item);
      }
    }

    /** DMN input clause id to the variable its expression reads, when the expression is a plain name. */
    private Map<String, String> inputNames(String decisionDefinitionId) {
      return inputNames.computeIfAbsent(decisionDefinitionId == null ? "" : decisionDefinitionId, id -> {
        Map<String, String> names = new HashMap<>();
        if (id.isEmpty()) {
          return names;
        }
        try {
          DmnModelInstance model = repositoryService.getDmnModelInstance(id);
          for (Input input : model.getModelElementsByType(Input.class)) {
            if (input.getInputExpression() != null && input.getInputExpression().getText() != null) {
              String text = input.getInputExpression().getText().getTextContent().trim();
              if (IDENTIFIER.matcher(text).matches()) {
                names.put(input.getId(), text);
              }
            }
          }
        } catch (ProcessEngineException e) {
          // the deployment is gone: fall back to the clause labels
        }
        return names;
      });
    }

    /** An event of our own log (deadlines, suspensions, exits), at its moment, with its details as recorded. */
    private void pathwayEvent(PathwayEvents.Event event) {
      Map<String, Object> d = details();
      d.putAll(event.details());
      d.put("deadlineId", event.deadlineId() == null ? null : event.deadlineId().toString());
      Object element = event.details().get("activityId");
      add(Date.from(event.at().toInstant()), created(null), AuditEntryType.valueOf(event.type()), null,
          element == null ? null : element.toString(), null, event.user(), d, null);
    }

    private Item add(Date at, Supplier<Seq> seq, AuditEntryType type, HistoricProcessInstance pi, String elementId,
        String elementName, String user, Map<String, Object> details, String owner) {
      details.values().removeIf(v -> v == null);
      Item item = new Item(at, seq, items.size(), new AuditEntry(ApiTime.of(at), type,
          pi != null ? pi.getProcessDefinitionKey() : null, pi != null ? pi.getId() : null, elementId, elementName, user,
          details));
      items.add(item);
      if (owner != null) {
        itemsByOwner.computeIfAbsent(owner, k -> new ArrayList<>()).add(item);
      }
      return item;
    }

    /** The latest of everything that happened inside the scope (activity or process instance). */
    private Seq inside(String scopeId) {
      return maxSeq(itemsByOwner.get(scopeId));
    }
  }

  private static Supplier<Seq> created(String id) {
    Seq seq = new Seq(creationKey(id), 0);
    return () -> seq;
  }

  private static Seq maxSeq(Collection<Item> items) {
    Seq max = null;
    if (items != null) {
      for (Item item : items) {
        Seq seq = item.seq();
        if (max == null || seq.compareTo(max) > 0) {
          max = seq;
        }
      }
    }
    return max;
  }

  /** Just after both: an end follows its own start and everything inside it. */
  private static Seq after(Seq start, Seq inside) {
    Seq latest = inside != null && inside.compareTo(start) > 0 ? inside : start;
    return new Seq(latest.key(), latest.depth() + 1);
  }

  /**
   * When the engine created a record, from its id: the timestamp of a time-based UUID (the default id generator,
   * also after a prefix such as {@code Task_X:}), or a numeric id; 0 when the id says nothing.
   */
  static long creationKey(String id) {
    if (id == null) {
      return 0;
    }
    String tail = id.substring(id.lastIndexOf(':') + 1);
    if (tail.length() >= 36) {
      try {
        UUID uuid = UUID.fromString(tail.substring(tail.length() - 36));
        if (uuid.version() == 1) {
          return uuid.timestamp();
        }
      } catch (IllegalArgumentException e) {
        // not a UUID
      }
    }
    try {
      return Long.parseLong(tail);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String render(String typeName, String errorMessage, Supplier<Object> value) {
    if (errorMessage != null || typeName == null) {
      return null;
    }
    if (PRIMITIVE_TYPES.contains(typeName)) {
      Object v = value.get();
      return v == null ? null : String.valueOf(v);
    }
    if ("date".equals(typeName) && value.get() instanceof Date date) {
      return ApiTime.of(date).toString();
    }
    return null;
  }

  private static Map<String, Object> details() {
    return new LinkedHashMap<>();
  }

  /** Tie-break within one millisecond: creation order, then nesting (an end just after what it encloses). */
  record Seq(long key, int depth) implements Comparable<Seq> {
    @Override
    public int compareTo(Seq other) {
      int byKey = Long.compare(key, other.key);
      return byKey != 0 ? byKey : Integer.compare(depth, other.depth);
    }
  }

  /** An entry with its sort keys; an end's sequence is computed on demand, after everything inside it is known. */
  private static final class Item {
    private final Date at;
    private final Supplier<Seq> sequence;
    private final int index;
    private final AuditEntry entry;
    private Seq seq;

    Item(Date at, Supplier<Seq> sequence, int index, AuditEntry entry) {
      this.at = at;
      this.sequence = sequence;
      this.index = index;
      this.entry = entry;
    }

    Seq seq() {
      if (seq == null) {
        seq = sequence.get();
      }
      return seq;
    }

    AuditEntry entry() {
      return entry;
    }
  }

  /** The log entries of one user operation on one entity (one entry per changed property). */
  private record Operation(List<UserOperationLogEntry> entries) {

    static List<Operation> group(List<UserOperationLogEntry> entries) {
      Map<String, List<UserOperationLogEntry>> groups = new LinkedHashMap<>();
      for (UserOperationLogEntry e : entries) {
        String key = e.getOperationId() + "|" + e.getEntityType() + "|" + e.getTaskId() + "|" + e.getJobId();
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
      }
      return groups.values().stream().map(Operation::new).toList();
    }

    private UserOperationLogEntry first() {
      return entries.get(0);
    }

    String id() {
      return first().getOperationId();
    }

    String type() {
      return first().getOperationType();
    }

    String entityType() {
      return first().getEntityType();
    }

    String category() {
      return first().getCategory();
    }

    String user() {
      return first().getUserId();
    }

    String taskId() {
      return first().getTaskId();
    }

    String jobId() {
      return first().getJobId();
    }

    String processInstanceId() {
      return first().getProcessInstanceId();
    }

    Date timestamp() {
      return first().getTimestamp();
    }

    Seq seq() {
      return new Seq(entries.stream().mapToLong(e -> creationKey(e.getId())).min().orElse(0), 0);
    }

    UserOperationLogEntry property(String name) {
      return entries.stream().filter(e -> name.equals(e.getProperty())).findFirst().orElse(null);
    }
  }
}
