package org.erplab.pathways.worklist.api;

import java.util.Map;

/** The form's values, keyed by field key (= variable name). */
public record CompleteTaskRequest(Map<String, Object> variables) {}
