package org.erplab.pathways.worklist.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeploymentResourceCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.erplab.pathways.worklist.domain.FormField;
import org.erplab.pathways.worklist.domain.FormFields;
import org.springframework.stereotype.Component;

/**
 * The input fields of a task's Camunda Form, read inside an engine command (the form the task's {@code formRef} and
 * binding resolve to, the one Tasklist renders). A deployed form never changes, so its fields are kept by form
 * definition id.
 */
@Component
class TaskFormReader {

  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, List<FormField>> byDefinition = new ConcurrentHashMap<>();

  /** The task's form fields; empty for a task without a Camunda Form. */
  List<FormField> fields(CommandContext context, TaskEntity task) {
    task.initializeFormKey();
    CamundaFormRef ref = task.getCamundaFormRef();
    if (ref == null || task.getProcessDefinitionId() == null) {
      return List.of();
    }
    String deploymentId = context.getProcessEngineConfiguration().getDeploymentCache()
        .findDeployedProcessDefinitionById(task.getProcessDefinitionId()).getDeploymentId();
    CamundaFormDefinition definition = context.runWithoutAuthorization(new GetCamundaFormDefinitionCmd(ref, deploymentId));
    if (definition == null) {
      throw new IllegalStateException("No deployed form " + ref.getKey() + " for task " + task.getTaskDefinitionKey());
    }
    return byDefinition.computeIfAbsent(definition.getId(), id -> {
      try (InputStream in = context.runWithoutAuthorization(
          new GetDeploymentResourceCmd(definition.getDeploymentId(), definition.getResourceName()))) {
        return FormFields.parse(json.readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
