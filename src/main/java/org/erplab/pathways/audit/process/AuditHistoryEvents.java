package org.erplab.pathways.audit.process;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.erplab.pathways.audit.domain.AuditEventType;
import org.erplab.pathways.audit.infrastructure.AuditLog;
import org.erplab.pathways.common.domain.EngineClock;

/**
 * Passes every history event on to the engine's handler, and writes those an auditor reads into the audit record
 * (ADR 0035): process and activity start and end, task created, completed or cancelled, decisions with their inputs,
 * outputs and matched rules, incidents, failed jobs, and the engine's user operations (claim, assign, delegate,
 * suspend, deploy, migrate...) with who did them. Variable values are not copied: decisions show the facts they used.
 * The actor is the engine's authenticated user, or {@value AuditLog#SYSTEM}.
 */
class AuditHistoryEvents implements HistoryEventHandler {

  /** Properties of user operations whose values are kept (ids, dates, states: never a variable's value). */
  private static final Set<String> KEPT_PROPERTIES = Set.of("assignee", "owner", "delegation", "dueDate",
      "followUpDate", "priority", "suspensionState", "processDefinitionVersion", "processDefinitionKey",
      "deploymentName", "duplicateFilterEnabled", "deployChangedOnly", "nrOfInstances", "async", "cascade",
      "skipCustomListeners", "skipIoMappings", "retries", "removalTime", "historyTimeToLive");

  private final HistoryEventHandler delegate;
  private final AuditLog log;

  AuditHistoryEvents(HistoryEventHandler delegate, AuditLog log) {
    this.delegate = delegate;
    this.log = log;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    delegate.handleEvent(event);
    List<AuditLog.Pending> pending = new ArrayList<>();
    collect(event, pending);
    pending.forEach(log::record);
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    delegate.handleEvents(events);
    List<AuditLog.Pending> pending = new ArrayList<>();
    events.forEach(e -> collect(e, pending));
    pending.forEach(log::record);
  }

  private void collect(HistoryEvent event, List<AuditLog.Pending> pending) {
    if (event instanceof HistoricProcessInstanceEventEntity p) {
      process(p, pending);
    } else if (event instanceof HistoricActivityInstanceEventEntity a) {
      activity(a, pending);
    } else if (event instanceof HistoricTaskInstanceEventEntity t) {
      task(t, pending);
    } else if (event instanceof HistoricDecisionEvaluationEvent d) {
      decision(d.getRootHistoricDecisionInstance(), pending);
      if (d.getRequiredHistoricDecisionInstances() != null) {
        d.getRequiredHistoricDecisionInstances().forEach(r -> decision(r, pending));
      }
    } else if (event instanceof HistoricIncidentEventEntity i) {
      incident(i, pending);
    } else if (event instanceof HistoricJobLogEvent j) {
      job(j, pending);
    } else if (event instanceof UserOperationLogEntryEventEntity o) {
      operation(o, pending);
    }
  }

  private void process(HistoricProcessInstanceEventEntity p, List<AuditLog.Pending> pending) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("processDefinitionId", p.getProcessDefinitionId());
    details.put("version", p.getProcessDefinitionVersion());
    boolean start = HistoryEventTypes.PROCESS_INSTANCE_START.getEventName().equals(p.getEventType());
    boolean end = HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(p.getEventType());
    if (HistoryEventTypes.PROCESS_INSTANCE_MIGRATE.getEventName().equals(p.getEventType())) {
      pending.add(new AuditLog.Pending(now(), null, p.getProcessInstanceId(), p.getTenantId(), null, actor(),
          AuditEventType.INSTANCE_MIGRATED.name(), p.getProcessDefinitionKey(), details));
      return;
    }
    if (start) {
      details.put("superProcessInstanceId", p.getSuperProcessInstanceId());
    } else if (end) {
      details.put("state", p.getState());
      details.put("endActivityId", p.getEndActivityId());
      details.put("deleteReason", code(p.getDeleteReason()));
      details.put("durationMs", p.getDurationInMillis());
    } else {
      return;
    }
    String actor = start && p.getStartUserId() != null ? p.getStartUserId() : actor();
    pending.add(new AuditLog.Pending(now(), null, p.getProcessInstanceId(), p.getTenantId(), null, actor,
        (start ? AuditEventType.PROCESS_STARTED : AuditEventType.PROCESS_ENDED).name(), p.getProcessDefinitionKey(),
        details));
  }

  private void activity(HistoricActivityInstanceEventEntity a, List<AuditLog.Pending> pending) {
    boolean start = HistoryEventTypes.ACTIVITY_INSTANCE_START.getEventName().equals(a.getEventType());
    boolean end = HistoryEventTypes.ACTIVITY_INSTANCE_END.getEventName().equals(a.getEventType());
    if (!start && !end) {
      return;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("activityType", a.getActivityType());
    details.put("activityName", a.getActivityName());
    details.put("activityInstanceId", a.getActivityInstanceId());
    if (!start) {
      details.put("canceled", a.getActivityInstanceState() == 2 ? Boolean.TRUE : null);
      details.put("durationMs", a.getDurationInMillis());
    }
    pending.add(new AuditLog.Pending(now(), null, a.getProcessInstanceId(), a.getTenantId(), null, actor(),
        (start ? AuditEventType.ACTIVITY_STARTED : AuditEventType.ACTIVITY_ENDED).name(), a.getActivityId(),
        details));
  }

  private void task(HistoricTaskInstanceEventEntity t, List<AuditLog.Pending> pending) {
    String type = t.getEventType();
    AuditEventType audit;
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("taskId", t.getTaskId());
    details.put("name", t.getName());
    if (HistoryEventTypes.TASK_INSTANCE_CREATE.getEventName().equals(type)) {
      audit = AuditEventType.TASK_CREATED;
      details.put("due", time(t.getDueDate()));
      details.put("priority", t.getPriority());
    } else if (HistoryEventTypes.TASK_INSTANCE_COMPLETE.getEventName().equals(type)) {
      audit = AuditEventType.TASK_COMPLETED;
      details.put("assignee", t.getAssignee());
      details.put("due", time(t.getDueDate()));
      details.put("overdue", t.getDueDate() == null ? null : t.getDueDate().before(Date.from(now().toInstant())));
      details.put("durationMs", t.getDurationInMillis());
    } else if (HistoryEventTypes.TASK_INSTANCE_DELETE.getEventName().equals(type)) {
      audit = AuditEventType.TASK_CANCELLED;
      details.put("assignee", t.getAssignee());
      details.put("reason", code(t.getDeleteReason()));
    } else {
      return; // updates: who claimed or assigned is in the user operation that made them
    }
    pending.add(new AuditLog.Pending(now(), null, t.getProcessInstanceId(), t.getTenantId(), null, actor(),
        audit.name(), t.getTaskDefinitionKey(), details));
  }

  private void decision(HistoricDecisionInstanceEntity d, List<AuditLog.Pending> pending) {
    if (d == null) {
      return;
    }
    Map<String, Object> inputs = new LinkedHashMap<>();
    for (HistoricDecisionInputInstance input : d.getInputs()) {
      inputs.put(input.getClauseName() != null ? input.getClauseName() : input.getClauseId(),
          value(input.getTypeName(), (ValueFields) input));
    }
    List<Map<String, Object>> outputs = new ArrayList<>();
    for (HistoricDecisionOutputInstance output : d.getOutputs()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("ruleId", output.getRuleId());
      row.put("ruleOrder", output.getRuleOrder());
      row.put("name", output.getVariableName());
      row.put("value", value(output.getTypeName(), (ValueFields) output));
      outputs.add(row);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("decisionKey", d.getDecisionDefinitionKey());
    details.put("decisionDefinitionId", d.getDecisionDefinitionId());
    details.put("decisionInstanceId", d.getId());
    details.put("inputs", inputs);
    details.put("outputs", outputs);
    details.put("matchedRules", outputs.stream().map(o -> o.get("ruleId")).distinct().toList());
    details.put("collectResultValue", d.getCollectResultValue());
    pending.add(new AuditLog.Pending(now(), null, d.getProcessInstanceId(), d.getTenantId(), null, actor(),
        AuditEventType.DECISION_EVALUATED.name(), d.getActivityId(), details));
  }

  private void incident(HistoricIncidentEventEntity i, List<AuditLog.Pending> pending) {
    AuditEventType audit;
    if (HistoryEventTypes.INCIDENT_CREATE.getEventName().equals(i.getEventType())) {
      audit = AuditEventType.INCIDENT_CREATED;
    } else if (HistoryEventTypes.INCIDENT_RESOLVE.getEventName().equals(i.getEventType())) {
      audit = AuditEventType.INCIDENT_RESOLVED;
    } else {
      return;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("incidentId", i.getId());
    details.put("incidentType", i.getIncidentType());
    details.put("failedActivityId", i.getFailedActivityId());
    pending.add(new AuditLog.Pending(now(), null, i.getProcessInstanceId(), i.getTenantId(), null, actor(),
        audit.name(), i.getActivityId(), details));
  }

  private void job(HistoricJobLogEvent j, List<AuditLog.Pending> pending) {
    if (!HistoryEventTypes.JOB_FAIL.getEventName().equals(j.getEventType())) {
      return;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("jobId", j.getJobId());
    details.put("jobType", j.getJobDefinitionType());
    details.put("retriesLeft", j.getJobRetries());
    details.put("failedActivityId", j.getFailedActivityId());
    pending.add(new AuditLog.Pending(now(), null, j.getProcessInstanceId(), j.getTenantId(), null, actor(),
        AuditEventType.JOB_FAILED.name(), j.getActivityId(), details));
  }

  /** One row per property of an operation: consecutive rows of the same operation become one event. */
  private void operation(UserOperationLogEntryEventEntity o, List<AuditLog.Pending> pending) {
    Map<String, Object> change = null;
    if (o.getProperty() != null) {
      change = new LinkedHashMap<>();
      change.put("property", o.getProperty());
      if (KEPT_PROPERTIES.contains(o.getProperty())) {
        change.put("from", o.getOrgValue());
        change.put("to", o.getNewValue());
      }
    }
    if (!pending.isEmpty()) {
      AuditLog.Pending last = pending.get(pending.size() - 1);
      if (AuditEventType.OPERATION.name().equals(last.type()) && last.details() != null
          && o.getOperationId() != null && o.getOperationId().equals(last.details().get("operationId"))) {
        if (change != null) {
          @SuppressWarnings("unchecked")
          List<Object> changes = (List<Object>) last.details().get("changes");
          changes.add(change);
        }
        return;
      }
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("operationId", o.getOperationId());
    details.put("operationType", o.getOperationType());
    details.put("entityType", o.getEntityType());
    details.put("category", o.getCategory());
    details.put("taskId", o.getTaskId());
    details.put("jobId", o.getJobId());
    details.put("deploymentId", o.getDeploymentId());
    details.put("batchId", o.getBatchId());
    List<Object> changes = new ArrayList<>();
    if (change != null) {
      changes.add(change);
    }
    details.put("changes", changes);
    String actor = o.getUserId() != null ? o.getUserId() : actor();
    pending.add(new AuditLog.Pending(now(), null, o.getProcessInstanceId(), o.getTenantId(), null, actor,
        AuditEventType.OPERATION.name(), o.getProcessDefinitionKey(), details));
  }

  /** A decision's input or output as stored (primitives only: no object is deserialized). */
  private static Object value(String type, ValueFields fields) {
    if (type == null) {
      return null;
    }
    String text = fields.getTextValue();
    Long number = fields.getLongValue();
    Double decimal = fields.getDoubleValue();
    return switch (type) {
      case "string" -> text;
      case "boolean" -> number == null ? null : number != 0;
      case "integer", "long", "short" -> number;
      case "double" -> decimal;
      case "date" -> number == null ? null : time(new Date(number));
      case "null" -> null;
      default -> "(" + type + ")";
    };
  }

  /** A reason set by code (short, no spaces is typical); anything longer is left out rather than risk free text. */
  private static String code(String reason) {
    return reason == null || reason.length() > 120 ? null : reason;
  }

  private static String actor() {
    CommandContext context = Context.getCommandContext();
    String user = context == null ? null : context.getAuthenticatedUserId();
    return user == null ? AuditLog.SYSTEM : user;
  }

  private static OffsetDateTime now() {
    return EngineClock.now();
  }

  private static String time(Date date) {
    return date == null ? null : OffsetDateTime.ofInstant(date.toInstant(), ZoneOffset.UTC)
        .atZoneSameInstant(EngineClock.ZONE).toOffsetDateTime().toString();
  }
}
