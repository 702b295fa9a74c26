package org.erplab.pathways.worklist.domain;

import java.util.List;
import java.util.Map;
import org.erplab.pathways.common.api.ApiException;

/** A check beyond the form, for one task key (e.g. the chosen organisation must be an operator of the project). */
public interface TaskCompletionRule {

  String taskKey();

  List<ApiException.FieldError> check(String projectCode, Map<String, Object> variables);
}
