package org.erplab.pathways.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RestController;

/** The house rules of docs/adr/0001: feature packages with process / api / domain layers. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.erplab.pathways");
  }

  @Test
  void shouldKeepDomainFreeOfWebAndControllers() {
    noClasses().that().resideInAPackage("..domain..")
        .should().dependOnClassesThat().resideInAPackage("org.springframework.web..")
        .orShould().dependOnClassesThat().resideInAPackage("jakarta.servlet..")
        .check(classes);
  }

  @Test
  void shouldNotLetDomainOrProcessCodeCallControllers() {
    noClasses().that().resideInAnyPackage("..domain..", "..process..")
        .should().dependOnClassesThat().areAnnotatedWith(RestController.class)
        .check(classes);
  }

  @Test
  void shouldKeepControllersPackagePrivateInApiPackages() {
    classes().that().areAnnotatedWith(RestController.class)
        .should().notBePublic().andShould().resideInAPackage("..api..")
        .check(classes);
  }

  @Test
  void shouldMakeDelegatesAndListenersSpringBeans() {
    classes().that().implement(JavaDelegate.class).or().implement(TaskListener.class)
        .should().beAnnotatedWith(Component.class)
        .check(classes);
  }
}
