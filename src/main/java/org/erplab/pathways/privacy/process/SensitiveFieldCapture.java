package org.erplab.pathways.privacy.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.json.SpinJsonNode;
import org.erplab.pathways.participant.domain.IntakeRecords;
import org.erplab.pathways.pathway.process.PathwayProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Built-in {@code complete} listener of every user task (added by {@link PrivacyPlugin}): moves the sensitive values
 * of the completion into the registry and removes them from the process before anything is flushed.
 */
@Component
public class SensitiveFieldCapture implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(SensitiveFieldCapture.class);
  static final String VULNERABILITIES = "vulnerabilities";

  private final SensitiveVariables sensitive;
  private final IntakeRecords records;

  public SensitiveFieldCapture(SensitiveVariables sensitive, IntakeRecords records) {
    this.sensitive = sensitive;
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String name : sensitive.names()) {
      if (task.hasVariable(name)) {
        values.put(name, task.getVariable(name));
        while (task.hasVariable(name)) {
          task.removeVariable(name);
        }
      }
    }
    if (values.isEmpty()) {
      return;
    }
    Object pathway = task.getVariable(PathwayProcess.Variables.PATHWAY_ID);
    if (pathway == null) {
      LOG.warn("Sensitive values of task {} dropped: no pathway to file them under", task.getTaskDefinitionKey());
      return;
    }
    UUID pathwayId = UUID.fromString(pathway.toString());
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String user = current == null ? task.getAssignee() : current.getUserId();
    values.forEach((name, value) -> {
      if (value == null) {
        return;
      }
      if (VULNERABILITIES.equals(name)) {
        records.recordVulnerabilities(pathwayId, strings(value), user);
      } else if (value instanceof String text) {
        if (!text.isBlank()) {
          records.addNote(pathwayId, task.getTaskDefinitionKey(), task.getId(), name, text, user);
        }
      } else {
        LOG.warn("Sensitive value {} of task {} dropped: no place for it in the registry", name, task.getTaskDefinitionKey());
      }
    });
  }

  static List<String> strings(Object value) {
    List<String> result = new ArrayList<>();
    if (value instanceof SpinJsonNode json) {
      if (json.isArray()) {
        json.elements().forEach(e -> result.add(e.stringValue()));
      } else if (json.isString()) {
        result.add(json.stringValue());
      }
    } else if (value instanceof Collection<?> collection) {
      collection.forEach(e -> result.add(String.valueOf(e)));
    } else if (value instanceof String text) {
      for (String part : text.replace("[", "").replace("]", "").replace("\"", "").split(",")) {
        if (!part.isBlank()) {
          result.add(part.trim());
        }
      }
    }
    return result;
  }
}
