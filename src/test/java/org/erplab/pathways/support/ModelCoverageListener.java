package org.erplab.pathways.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.core.model.Model;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.camunda.community.process_test_coverage.engine.platform7.ExecutionContextModelProvider;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
import org.camunda.community.process_test_coverage.spring_test.common.BaseProcessEngineCoverageTestExecutionListener;
import org.springframework.test.context.TestContext;

/**
 * camunda-process-test-coverage for the shared Spring context: every test class records its coverage (and gets its
 * HTML report under target/process-test-coverage); classes annotated {@link ModelCoverage} must cover each of their
 * models at least as much as they declare, model by model.
 */
public class ModelCoverageListener extends BaseProcessEngineCoverageTestExecutionListener {

  private final DefaultCollector collector = new DefaultCollector(new ExecutionContextModelProvider());

  @Override
  protected DefaultCollector getCoverageCollector() {
    return collector;
  }

  @Override
  public void beforeTestClass(TestContext testContext) {
    super.beforeTestClass(testContext);
    new ProcessEngineAdapter(testContext.getApplicationContext().getBean(ProcessEngine.class), collector)
        .initializeListeners();
  }

  /**
   * The library also registers its own listener (spring.factories), which binds the engine's coverage hooks to its
   * collector: bind them back to ours before every test method.
   */
  @Override
  public void beforeTestMethod(TestContext testContext) {
    new ProcessEngineAdapter(testContext.getApplicationContext().getBean(ProcessEngine.class), collector)
        .initializeListeners();
    super.beforeTestMethod(testContext);
  }

  @Override
  public void afterTestClass(TestContext testContext) {
    Suite suite = collector.getActiveSuite();
    super.afterTestClass(testContext);
    ModelCoverage required = testContext.getTestClass().getAnnotation(ModelCoverage.class);
    if (required == null) {
      return;
    }
    Map<String, Model> models = collector.getModels().stream()
        .collect(Collectors.toMap(Model::getKey, Function.identity(), (a, b) -> b));
    for (String key : Arrays.asList(required.value())) {
      assertThat(models).as("model %s was never run by %s", key, testContext.getTestClass().getSimpleName())
          .containsKey(key);
      double coverage = suite.calculateCoverage(models.get(key));
      System.out.printf("Process test coverage of %s by %s: %.1f %%%n", key,
          testContext.getTestClass().getSimpleName(), coverage * 100);
      assertThat(coverage).as("coverage of model %s by %s", key, testContext.getTestClass().getSimpleName())
          .isGreaterThanOrEqualTo(required.atLeast());
    }
  }
}
