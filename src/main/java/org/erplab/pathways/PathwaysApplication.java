package org.erplab.pathways;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Intake-to-placement pathways. Models and forms are deployed at start-up by {@code ModelDeployment} under stable
 * classpath resource names.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PathwaysApplication {

  public static void main(String[] args) {
    SpringApplication.run(PathwaysApplication.class, args);
  }
}
