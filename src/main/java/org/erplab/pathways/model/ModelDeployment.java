package org.erplab.pathways.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 */
@Component
public class ModelDeployment extends AbstractProcessEnginePlugin {

  public static final String DEPLOYMENT_NAME = "erp-pathways";
  static final List<String> PATTERNS = List.of(
      "classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn", "classpath*:forms/**/*.form");

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployment.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(DEPLOYMENT_NAME)
        .enableDuplicateFiltering(true);
    List<String> names = new ArrayList<>();
    for (NamedResource resource : resources()) {
      try (InputStream in = resource.resource().getInputStream()) {
        deployment.addInputStream(resource.name(), new java.io.ByteArrayInputStream(in.readAllBytes()));
        names.add(resource.name());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (names.isEmpty()) {
      throw new IllegalStateException("No models found on the classpath under processes/ and forms/");
    }
    var deployed = deployment.deployWithResult();
    LOG.info("Models: {} resources, {} new process definition versions, {} new decision versions",
        names.size(), deployed.getDeployedProcessDefinitions() == null ? 0 : deployed.getDeployedProcessDefinitions().size(),
        deployed.getDeployedDecisionDefinitions() == null ? 0 : deployed.getDeployedDecisionDefinitions().size());
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
