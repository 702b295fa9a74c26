package org.erplab.pathways.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every BPMN, DMN and Camunda Form found under the classpath folders {@code processes/} and {@code forms/}
 * (the project's top-level folders, see pom.xml) as one deployment named {@value #DEPLOYMENT_NAME}, right after the
 * engine is built and before any job runs.
 *
 * <p>Resource names are the paths below the classpath root ({@code processes/pathway/pathway.bpmn}) whether the
 * application runs from {@code target/classes} or from the packaged jar, and only changed resources are deployed:
 * a restart, or a switch between {@code spring-boot:run} and {@code java -jar}, creates no new versions.
 *
 * <p>Who owns a model (ADR 0028): a file is deployed only when its content changed since the last classpath
 * deployment, and never over a manager's deployment: when the newest version of one of its keys (process, decision,
 * form) was deployed by someone (Camunda Modeler, engine REST), the changed file is held back, with a warning, until
 * a manager deploys it or the key is listed in {@code pathways.models.take-back}. {@link #plan} says which file is in
 * which state; {@code GET /api/admin/models} shows it.
 */
@Component
public class ModelDeployment extends AbstractProcessEnginePlugin {

  public static final String DEPLOYMENT_NAME = "erp-pathways";
  static final List<String> PATTERNS = List.of(
      "classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn", "classpath*:forms/**/*.form");

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployment.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What becomes of a classpath file at start-up. */
  public enum FileState {
    /** Deployed as it is: nothing to do. */
    UNCHANGED,
    /** Changed (or new) since the last classpath deployment, no manager deployment in the way: deployed. */
    CHANGED,
    /** Changed, but a manager deployed a newer version of one of its keys: not deployed (ADR 0028). */
    HELD_BACK
  }

  /** A classpath file, the keys it defines, and what start-up does with it. */
  public record FilePlan(String name, Set<String> keys, FileState state) {}

  private final Set<String> takeBack;

  public ModelDeployment(@Value("${pathways.models.take-back:}") Set<String> takeBack) {
    this.takeBack = takeBack == null ? Set.of()
        : takeBack.stream().map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    deploy(engine);
  }

  /** Deploys the changed classpath files that no manager deployment holds back; returns the plan it followed. */
  public List<FilePlan> deploy(ProcessEngine engine) {
    List<NamedResource> resources = resources();
    if (resources.isEmpty()) {
      throw new IllegalStateException("No models found on the classpath under processes/ and forms/");
    }
    return deploy(engine, contents(resources));
  }

  /** Deploys these files (name and content) as the classpath's: what a restart with them on the classpath does. */
  public List<FilePlan> deploy(ProcessEngine engine, Map<String, byte[]> contents) {
    List<FilePlan> plan = plan(engine, contents);
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(DEPLOYMENT_NAME)
        .enableDuplicateFiltering(true);
    int changed = 0;
    for (FilePlan file : plan) {
      if (file.state() == FileState.HELD_BACK) {
        LOG.warn("Models: {} changed on the classpath but is not deployed: a manager deployed a newer version of {} "
            + "(ADR 0028; list the key in pathways.models.take-back to deploy it)", file.name(), file.keys());
      } else if (file.state() == FileState.CHANGED) {
        deployment.addInputStream(file.name(), new ByteArrayInputStream(contents.get(file.name())));
        changed++;
      }
    }
    if (changed == 0) {
      LOG.info("Models: {} resources, none changed", plan.size());
      return plan;
    }
    var deployed = deployment.deployWithResult();
    LOG.info("Models: {} resources, {} changed, {} new process definition versions, {} new decision versions",
        plan.size(), changed,
        deployed.getDeployedProcessDefinitions() == null ? 0 : deployed.getDeployedProcessDefinitions().size(),
        deployed.getDeployedDecisionDefinitions() == null ? 0 : deployed.getDeployedDecisionDefinitions().size());
    return plan;
  }

  /** What start-up would do with each classpath file now (read only). */
  public List<FilePlan> plan(ProcessEngine engine) {
    return plan(engine, contents(resources()));
  }

  private List<FilePlan> plan(ProcessEngine engine, Map<String, byte[]> contents) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
      Map<String, ResourceEntity> deployed = context.getResourceManager()
          .findLatestResourcesByDeploymentName(DEPLOYMENT_NAME, contents.keySet(), DEPLOYMENT_NAME, null);
      List<FilePlan> plan = new ArrayList<>();
      contents.forEach((name, content) -> {
        Set<String> keys = keysOf(name, content);
        ResourceEntity last = deployed == null ? null : deployed.get(name);
        FileState state;
        if (last != null && Arrays.equals(last.getBytes(), content)) {
          state = FileState.UNCHANGED;
        } else if (keys.stream().anyMatch(key -> !takeBack.contains(key) && isManagers(context, name, key))) {
          state = FileState.HELD_BACK;
        } else {
          state = FileState.CHANGED;
        }
        plan.add(new FilePlan(name, keys, state));
      });
      return plan;
    }));
  }

  /** The newest version of this key was deployed by someone, not from the classpath. */
  private static boolean isManagers(CommandContext context, String name, String key) {
    ResourceDefinition latest;
    if (name.endsWith(".bpmn")) {
      latest = context.getProcessDefinitionManager().findLatestDefinitionByKey(key);
    } else if (name.endsWith(".dmn")) {
      latest = context.getDecisionDefinitionManager().findLatestDefinitionByKey(key);
    } else {
      latest = context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key);
    }
    if (latest == null) {
      return false;
    }
    DeploymentEntity deployment = context.getDeploymentManager().findDeploymentById(latest.getDeploymentId());
    return deployment != null && !DEPLOYMENT_NAME.equals(deployment.getName());
  }

  /** The process ids of a BPMN file, the decision ids of a DMN file, the id of a form. */
  static Set<String> keysOf(String name, byte[] content) {
    Set<String> keys = new TreeSet<>();
    if (name.endsWith(".bpmn")) {
      Bpmn.readModelFromStream(new ByteArrayInputStream(content))
          .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
          .forEach(process -> keys.add(process.getId()));
    } else if (name.endsWith(".dmn")) {
      Dmn.readModelFromStream(new ByteArrayInputStream(content)).getModelElementsByType(Decision.class)
          .forEach(decision -> keys.add(decision.getId()));
    } else {
      try {
        keys.add(JSON.readTree(content).path("id").asText());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return keys;
  }

  /** The classpath's models and forms, by stable name. */
  public static Map<String, byte[]> classpathFiles() {
    return contents(resources());
  }

  private static Map<String, byte[]> contents(List<NamedResource> resources) {
    Map<String, byte[]> contents = new LinkedHashMap<>();
    for (NamedResource resource : resources) {
      try (InputStream in = resource.resource().getInputStream()) {
        contents.put(resource.name(), in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return contents;
  }

  /** The models and forms on the classpath, each with its stable name. */
  static List<NamedResource> resources() {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<NamedResource> found = new ArrayList<>();
    try {
      for (String pattern : PATTERNS) {
        for (Resource resource : resolver.getResources(pattern)) {
          found.add(new NamedResource(stableName(resource.getURL().toString()), resource));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    found.sort(Comparator.comparing(NamedResource::name));
    return found;
  }

  /** {@code jar:nested:/app.jar/!BOOT-INF/classes/!/processes/x/x.bpmn} and {@code file:/…/classes/processes/x/x.bpmn} both give {@code processes/x/x.bpmn}. */
  static String stableName(String url) {
    int processes = url.lastIndexOf("/processes/");
    int forms = url.lastIndexOf("/forms/");
    int start = Math.max(processes, forms);
    if (start < 0) {
      throw new IllegalArgumentException("Not a model or form resource: " + url);
    }
    return url.substring(start + 1);
  }

  record NamedResource(String name, Resource resource) {}
}
