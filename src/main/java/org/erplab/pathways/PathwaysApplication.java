package org.erplab.pathways;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Intake-to-placement pathways. Models and forms are deployed by the process application
 * ({@code META-INF/processes.xml}) with stable classpath resource names.
 */
@SpringBootApplication
@EnableProcessApplication("erp-pathways")
@ConfigurationPropertiesScan
public class PathwaysApplication {

  public static void main(String[] args) {
    SpringApplication.run(PathwaysApplication.class, args);
  }
}
