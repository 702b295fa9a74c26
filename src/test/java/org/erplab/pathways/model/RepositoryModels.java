package org.erplab.pathways.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.erplab.pathways.model.ModelChecks.DecisionSignature;
import org.erplab.pathways.model.ModelChecks.Kind;
import org.erplab.pathways.model.ModelChecks.ModelFile;
import org.erplab.pathways.model.ModelChecks.Problem;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ScannedGenericBeanDefinition;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The models and forms of the working tree ({@code processes/}, {@code forms/}) checked by {@link ModelChecks} as one
 * deployment, with the application's Spring beans found by scanning its classes: what the engine's guard checks at
 * run time, checked by the build without an engine.
 */
final class RepositoryModels {

  static final Path PROCESSES = Path.of("processes");
  static final Path FORMS = Path.of("forms");
  /** Element templates for Camunda Modeler: not models, not deployed. */
  static final Path ELEMENT_TEMPLATES = PROCESSES.resolve("element-templates");
  private static final String BASE_PACKAGE = "org.erplab.pathways";
  private static Map<Kind, List<Problem>> problems;

  private RepositoryModels() {}

  /** The problems of the working tree's models, by kind (computed once). */
  static synchronized List<Problem> problems(Kind kind) {
    if (problems == null) {
      problems = ModelChecks.byKind(new ModelChecks(surroundings()).check(files()));
    }
    return problems.getOrDefault(kind, List.of());
  }

  /** Every problem of the working tree's models, of any kind. */
  static List<Problem> all() {
    List<Problem> found = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      found.addAll(problems(kind));
    }
    return found;
  }

  static List<ModelFile> files() {
    List<ModelFile> files = new ArrayList<>();
    for (Path file : Stream.concat(filesUnder(PROCESSES).stream(), filesUnder(FORMS).stream())
        .filter(file -> !file.startsWith(ELEMENT_TEMPLATES)).toList()) {
      try {
        files.add(new ModelFile(file.toString().replace('\\', '/'), Files.readAllBytes(file)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  /** Nothing deployed yet; the decisions shipped are those of the working tree; the beans are the application's. */
  static ModelChecks.Surroundings surroundings() {
    Set<String> beans = springBeanNames();
    Map<String, DecisionSignature> decisions = new HashMap<>();
    files().stream().filter(f -> f.name().endsWith(".dmn"))
        .forEach(f -> decisions.putAll(ModelChecks.signatures(f.content())));
    return new ModelChecks.Surroundings() {
      @Override
      public boolean isBean(String name) {
        return beans.contains(name);
      }

      @Override
      public boolean isDeployedForm(String formId) {
        return false;
      }

      @Override
      public boolean isDeployedProcess(String processKey) {
        return false;
      }

      @Override
      public Map<String, DecisionSignature> shippedDecisions() {
        return decisions;
      }

      @Override
      public Set<String> processesUsingForm(String formId) {
        return Set.of();
      }
    };
  }

  static List<Path> filesUnder(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Bean names of the application's components (annotation value or decapitalised class name) and @Bean methods. */
  static Set<String> springBeanNames() {
    return new TreeSet<>(springComponents().keySet());
  }

  /** The application's components by bean name, with their class name ({@code null} for a @Bean method's bean). */
  static Map<String, String> springComponents() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    Map<String, String> names = new HashMap<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents(BASE_PACKAGE)) {
      if (isTestClass(candidate)) {
        continue;
      }
      names.put(AnnotationBeanNameGenerator.INSTANCE.generateBeanName(candidate, registry),
          candidate.getBeanClassName());
      if (candidate instanceof AnnotatedBeanDefinition annotated) {
        for (MethodMetadata method : annotated.getMetadata().getAnnotatedMethods(Bean.class.getName())) {
          Map<String, Object> bean = method.getAnnotationAttributes(Bean.class.getName());
          String[] declared = bean == null ? new String[0] : (String[]) bean.get("name");
          names.put(declared != null && declared.length > 0 ? declared[0] : method.getMethodName(), null);
        }
      }
    }
    return names;
  }

  private static boolean isTestClass(BeanDefinition candidate) {
    if (candidate instanceof ScannedGenericBeanDefinition scanned && scanned.getResource() != null) {
      return scanned.getResource().getDescription().contains("test-classes");
    }
    return false;
  }
}
