package org.erplab.pathways.support;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Process test coverage: every {@code *ProcessTest} class must cover at least 90 % of its model. */
@TestConfiguration
public class CoverageTestConfiguration {

  public static final double MINIMUM_COVERAGE = 0.9;

  @Bean
  ProcessEngineCoverageProperties processEngineCoverageProperties() {
    return ProcessEngineCoverageProperties.builder()
        .assertClassCoverageAtLeast(MINIMUM_COVERAGE)
        .addInclusionPatternForTestClasses(".*ProcessTest")
        .build();
  }
}
