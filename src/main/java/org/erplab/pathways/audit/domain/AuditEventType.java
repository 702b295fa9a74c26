package org.erplab.pathways.audit.domain;

/**
 * The engine's events in the audit record (ADR 0035), written by the audit package's history event handler; the
 * services' own events ({@code AuditFact}: deadlines, suspensions, file reads, parameter changes...) keep the type
 * their service gives. Each lists the keys of its {@code details}.
 */
public enum AuditEventType {
  /** {@code processDefinitionId, version, superProcessInstanceId}; element: the process key. */
  PROCESS_STARTED,
  /** {@code processDefinitionId, version, state, endActivityId, deleteReason, durationMs}. */
  PROCESS_ENDED,
  /** The instance now runs on another version: {@code processDefinitionId, version} (the new ones). */
  INSTANCE_MIGRATED,
  /** A new deployment: {@code deploymentId, name, source, tenantId, processes, decisions} ({@code key:version}),
   * {@code forms} (resource names); in the project's chain (tenant) or the system's. */
  MODEL_DEPLOYED,
  /** {@code activityType, activityName, activityInstanceId}; element: the activity id (a call activity's called
   * instance names it as {@code superProcessInstanceId} when it starts). */
  ACTIVITY_STARTED,
  /** {@code activityType, activityName, activityInstanceId, canceled, durationMs}. */
  ACTIVITY_ENDED,
  /** {@code taskId, name, due, priority}; element: the task's definition key. */
  TASK_CREATED,
  /** {@code taskId, name, assignee, due, overdue, durationMs}; actor: who completed it. */
  TASK_COMPLETED,
  /** The task ended without completion: {@code taskId, name, assignee, reason}. */
  TASK_CANCELLED,
  /** {@code decisionKey, decisionDefinitionId, decisionInstanceId, inputs} (input label to value), {@code outputs}
   * ({@code [{ruleId, ruleOrder, name, value}]}), {@code matchedRules, collectResultValue}. */
  DECISION_EVALUATED,
  /** {@code incidentId, incidentType, failedActivityId}. */
  INCIDENT_CREATED,
  INCIDENT_RESOLVED,
  /** {@code jobId, jobType, retriesLeft, failedActivityId}. */
  JOB_FAILED,
  /** A user operation of the engine (Claim, Assign, Delegate, Complete, Suspend, Create deployment, Migrate...):
   * {@code operationId, operationType, entityType, category, taskId, jobId, deploymentId, batchId, changes}
   * ({@code [{property, from, to}]}, values only for ids, dates and states). */
  OPERATION
}
