package org.erplab.pathways.privacy.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.spin.json.SpinJsonNode;
import org.erplab.pathways.common.process.ProcessVariable;
import org.erplab.pathways.common.process.SensitiveValueFiling;
import org.erplab.pathways.participant.domain.IntakeRecords;
import org.erplab.pathways.pathway.process.IntakeProcess;
import org.erplab.pathways.pathway.process.PathwayProcess;
import org.erplab.pathways.pathway.process.ProcessCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Built-in {@code complete} listener of every user task (added by {@link PrivacyPlugin}): moves the values of the
 * variables its process declares sensitive into the registry and removes them from the process before anything is
 * flushed: to a {@link SensitiveValueFiling} that takes them (e.g. the employer's name to table {@code placement}),
 * otherwise to the case notes.
 */
@Component
public class SensitiveFieldCapture implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(SensitiveFieldCapture.class);

  private final IntakeRecords records;
  private final ObjectProvider<SensitiveValueFiling> filings;

  public SensitiveFieldCapture(IntakeRecords records, ObjectProvider<SensitiveValueFiling> filings) {
    this.records = records;
    this.filings = filings;
  }

  @Override
  public void notify(DelegateTask task) {
    String processKey = ((TaskEntity) task).getProcessDefinition() == null ? null
        : ((TaskEntity) task).getProcessDefinition().getKey();
    Map<ProcessVariable<?>, Object> values = new LinkedHashMap<>();
    for (ProcessVariable<?> variable : ProcessCatalogue.sensitiveVariables(processKey)) {
      if (task.hasVariable(variable.name())) {
        values.put(variable, task.getVariable(variable.name()));
        while (task.hasVariable(variable.name())) {
          task.removeVariable(variable.name());
        }
      }
    }
    if (values.isEmpty()) {
      return;
    }
    String pathway = PathwayProcess.Variables.PATHWAY_ID.get(task);
    if (pathway == null) {
      LOG.warn("Sensitive values of task {} dropped: no pathway to file them under", task.getTaskDefinitionKey());
      return;
    }
    UUID pathwayId = UUID.fromString(pathway);
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String user = current == null ? task.getAssignee() : current.getUserId();
    Map<String, Object> byName = new LinkedHashMap<>();
    values.forEach((variable, value) -> byName.put(variable.name(), value));
    Set<String> filed = new HashSet<>();
    filings.orderedStream().forEach(filing -> filed.addAll(filing.file(task, byName, user)));
    values.forEach((variable, value) -> {
      if (filed.contains(variable.name())) {
        return;
      }
      if (value == null) {
        return;
      }
      if (variable.name().equals(IntakeProcess.Variables.VULNERABILITIES.name())) {
        records.recordVulnerabilities(pathwayId, strings(value), user);
      } else if (value instanceof String text) {
        if (!text.isBlank()) {
          records.addNote(pathwayId, task.getTaskDefinitionKey(), task.getId(), variable.name(), text, user);
        }
      } else {
        LOG.warn("Sensitive value {} of task {} dropped: no place for it in the registry", variable.name(),
            task.getTaskDefinitionKey());
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
