package org.erplab.pathways.pathway.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.erplab.pathways.project.domain.OrganisationType;
import org.erplab.pathways.project.domain.ProjectDirectory;
import org.erplab.pathways.security.Partitions;
import org.springframework.stereotype.Component;

/**
 * Create listener of Task_AssignOperator: puts the project's accredited operators on the task (local variable
 * {@code operatorOptions}, a JSON list of {label, value}), so the form offers them as a list ({@code valuesKey}).
 * Names and codes of organisations only: nothing about the person.
 */
@Component("operatorOptions")
public class OperatorOptions implements TaskListener {

  private final ProjectDirectory projects;
  private final ObjectMapper json;

  public OperatorOptions(ProjectDirectory projects, ObjectMapper json) {
    this.projects = projects;
    this.json = json;
  }

  @Override
  public void notify(DelegateTask task) {
    List<Map<String, String>> options = projects.organisations(Partitions.projectOf(task.getTenantId())).stream()
        .filter(o -> o.type() == OrganisationType.ACCREDITED_OPERATOR)
        .map(o -> Map.of("label", o.name(), "value", o.code()))
        .toList();
    try {
      PathwayProcess.Variables.OPERATOR_OPTIONS.setLocal(task, Spin.JSON(json.writeValueAsString(options)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
