package org.erplab.pathways.common.process;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A place of our own for sensitive values of some task, other than the case notes: when a task is completed, the
 * privacy capture takes every value declared sensitive out of the engine and offers them here first (e.g. the
 * employer's name of Task_RecordPlacement goes to table {@code placement}); what no filing takes goes to the case notes.
 * The task's other (non-sensitive) variables are still readable on {@code task}.
 */
public interface SensitiveValueFiling {

  /**
   * @param values the task's sensitive values, by variable name, already removed from the process
   * @param user who completed the task
   * @return the names filed here (the capture files the others)
   */
  Set<String> file(DelegateTask task, Map<String, Object> values, String user);
}
