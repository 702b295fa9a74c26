package org.erplab.pathways.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.erplab.pathways.common.domain.FieldError;
import org.erplab.pathways.common.process.RefusedModelException;
import org.erplab.pathways.model.ModelChecks.DecisionSignature;
import org.erplab.pathways.model.ModelChecks.ModelFile;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Refuses, inside the engine, a deployment that would break the system, whichever door it comes through (Camunda
 * Modeler and engine REST, Cockpit's redeploy, the Java API): a deployer that runs before Camunda's own on every new
 * deployment made by a logged-in user and applies {@link ModelChecks}. A refusal rolls the whole deployment back and
 * answers 400 with the problems in Italian ({@link RefusedModelException}). Deployments are shared by every project,
 * so none may name a tenant.
 *
 * <p>The application's own models, deployed at start-up without a user ({@link ModelDeployment}), are checked by the
 * build (ModelCheckTest, ModelVariablesCheckTest) with the same checks.
 */
@Component
public class DeploymentGuard extends AbstractProcessEnginePlugin implements Deployer {

  private final ApplicationContext application;
  private volatile Shipped shipped;

  public DeploymentGuard(ApplicationContext application) {
    this.application = application;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers = configuration.getCustomPreDeployers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
    deployers.add(0, this);
    configuration.setCustomPreDeployers(deployers);
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    CommandContext context = Context.getCommandContext();
    if (!deployment.isNew() || context == null || context.getAuthentication() == null) {
      return;
    }
    List<ModelFile> files = new ArrayList<>();
    Map<String, ResourceEntity> resources = deployment.getResources() == null ? Map.of() : deployment.getResources();
    resources.values().forEach(resource -> files.add(new ModelFile(resource.getName(), resource.getBytes())));
    List<FieldError> errors = new ArrayList<>();
    if (deployment.getTenantId() != null) {
      errors.add(new FieldError("tenant-id", "i modelli valgono per tutti i progetti: pubblica senza tenant"));
    }
    context.runWithoutAuthorization(() -> new ModelChecks(surroundings(context)).check(files))
        .forEach(problem -> errors.add(new FieldError(problem.resource(), problem.message())));
    if (!errors.isEmpty()) {
      throw new RefusedModelException(errors);
    }
  }

  private ModelChecks.Surroundings surroundings(CommandContext context) {
    Shipped known = shipped();
    return new ModelChecks.Surroundings() {
      @Override
      public boolean isBean(String name) {
        return application.containsBean(name);
      }

      @Override
      public boolean isDeployedForm(String formId) {
        return context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formId) != null;
      }

      @Override
      public boolean isDeployedProcess(String processKey) {
        return context.getProcessDefinitionManager().findLatestDefinitionByKey(processKey) != null;
      }

      @Override
      public Map<String, DecisionSignature> shippedDecisions() {
        return known.decisions();
      }

      @Override
      public Set<String> processesUsingForm(String formId) {
        return known.formUsers().getOrDefault(formId, Set.of());
      }
    };
  }

  /** The decisions and form uses of the models the application ships (read once: they change with a release). */
  private Shipped shipped() {
    if (shipped == null) {
      shipped = Shipped.read(ModelDeployment.resources());
    }
    return shipped;
  }

  record Shipped(Map<String, DecisionSignature> decisions, Map<String, Set<String>> formUsers) {

    static Shipped read(List<ModelDeployment.NamedResource> resources) {
      Map<String, DecisionSignature> decisions = new HashMap<>();
      Map<String, Set<String>> formUsers = new HashMap<>();
      for (ModelDeployment.NamedResource resource : resources) {
        byte[] content = bytes(resource);
        if (resource.name().endsWith(".dmn")) {
          decisions.putAll(ModelChecks.signatures(content));
        } else if (resource.name().endsWith(".bpmn")) {
          var model = Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(content));
          String key = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).iterator()
              .next().getId();
          model.getModelElementsByType(UserTask.class).stream().map(UserTask::getCamundaFormRef)
              .filter(java.util.Objects::nonNull)
              .forEach(form -> formUsers.computeIfAbsent(form, f -> new TreeSet<>()).add(key));
        }
      }
      return new Shipped(Map.copyOf(decisions), Map.copyOf(formUsers));
    }

    private static byte[] bytes(ModelDeployment.NamedResource resource) {
      try (InputStream in = resource.resource().getInputStream()) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
