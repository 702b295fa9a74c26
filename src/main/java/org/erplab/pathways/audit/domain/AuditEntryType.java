package org.erplab.pathways.audit.domain;

/**
 * What an {@link AuditEntry} records; each type lists the keys of the entry's {@code details} (keys without a value
 * are left out). Times are ISO-8601 in Europe/Rome; values of variables and decisions are strings.
 */
public enum AuditEntryType {

  /** A process instance of the pathway started; {@code user} started it, when known. Details:
   * {@code processDefinitionId} (for the diagram), {@code version, projectCode, superProcessInstanceId}. */
  PROCESS_STARTED,
  /** It ended. Details: {@code state, endActivityId, deleteReason, durationMs}. */
  PROCESS_ENDED,
  /** A flow node was entered. Details: {@code activityType, activityInstanceId, taskId, calledProcessInstanceId}. */
  ACTIVITY_STARTED,
  /** It was left. Details: {@code activityType, activityInstanceId, canceled, durationMs}. */
  ACTIVITY_ENDED,
  /** A user task was created. Details: {@code taskId, due, followUp}. */
  TASK_CREATED,
  /** {@code user} took the task (operation Claim) or gave it to someone (Assign). Details: {@code taskId, operation,
   * assignee, previousAssignee}. */
  TASK_CLAIMED,
  /** {@code user} released the task. Details: {@code taskId, operation, previousAssignee}. */
  TASK_UNCLAIMED,
  /** {@code user} completed the task (or its assignee, when the operation log does not say). Details:
   * {@code taskId, assignee, due, overdue, durationMs}. */
  TASK_COMPLETED,
  /** The task ended without completion (interrupting event, termination). Details: {@code taskId, assignee, reason}. */
  TASK_CANCELLED,
  /** A DMN decision was evaluated in the element. Details: {@code decisionKey, decisionName, decisionInstanceId,
   * rootDecisionInstanceId, inputs} (variable name to value), {@code outputs} ({@code [{ruleId, ruleOrder, values}]},
   * one row per matched rule), {@code matchedRules} (rule ids), {@code collectResultValue}, {@code labels} (input
   * and output name to the table's label). */
  DECISION_EVALUATED,
  /** A process variable was written. Details: {@code name, value} (primitives and dates only), {@code valueType,
   * revision, initial, taskId, activityInstanceId}. */
  VARIABLE_SET,
  /** A process variable was removed. Details: {@code name, valueType, revision, taskId, activityInstanceId}. */
  VARIABLE_DELETED,
  /** Any other user operation of the engine's operation log (suspension, modification, due date change ...), by
   * {@code user}. Details: {@code operationType, entityType, category, taskId, jobId, changes}
   * ({@code [{property, orgValue, newValue}]}). */
  OPERATION,
  /** A deadline was created (the first evaluation of {@code ${deadlines.due(...)}} for its element). Details:
   * {@code kind, activityId, timerActivityId, basis, length, parameter, startsOn, due, deadlineId}. */
  DEADLINE_CREATED,
  /** A resumption moved it. Details: {@code kind, activityId, from, to, basis, days, suspensionId, deadlineId}. */
  DEADLINE_SHIFTED,
  /** Its task was completed by the due date. Details: {@code kind, activityId, taskId, due, cause, deadlineId}. */
  DEADLINE_MET,
  /** Its timer fired, or its task ended after the due date ({@code cause}: TIMER, COMPLETED_LATE, ...). Details as
   * DEADLINE_MET. */
  DEADLINE_MISSED,
  /** Its task ended before the due date without completion (the stage cancelled, the pathway closed). Details as
   * DEADLINE_MET. */
  DEADLINE_CANCELLED,
  /** {@code user} suspended the pathway, or a project's pause did. Details: {@code suspensionId, reason,
   * expectedResumption, projectOperationId}. */
  PATHWAY_SUSPENDED,
  /** {@code user} ended a suspension. Details: {@code suspensionId, projectOperationId, suspendedSince,
   * shiftedWorkingDays, shiftedCalendarDays} or {@code stillSuspended} when another suspension stays open. */
  PATHWAY_RESUMED,
  /** The participant withdrew, recorded by {@code user}. Details: {@code reason, date, stage}. */
  PATHWAY_WITHDRAWN,
  /** The programme's end interrupted the pathway. Details: {@code stage}. */
  PATHWAY_INTERRUPTED
}
