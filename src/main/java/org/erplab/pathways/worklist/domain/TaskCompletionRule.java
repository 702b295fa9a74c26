package org.erplab.pathways.worklist.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.erplab.pathways.common.domain.FieldError;

/**
 * A check beyond the form, for one task key (e.g. the chosen organisation must be an accredited operator of the
 * project; an appointment cannot precede the pathway). Run by the engine at every completion, after the form's own
 * checks passed, whatever the door.
 */
public interface TaskCompletionRule {

  String taskKey();

  List<FieldError> check(CompletedTask task, Map<String, Object> values);

  /** The task being completed: its key, the project it belongs to and its pathway. */
  record CompletedTask(String taskKey, String projectCode, UUID pathwayId) {}
}
