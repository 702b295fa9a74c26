package org.erplab.pathways.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every model and form under processes/ and forms/ is deployed under its stable classpath name. */
@PathwaysSpringTest
class DeploymentTest {

  @Autowired RepositoryService repositoryService;

  @Test
  void shouldDeployEveryModelAndFormWithStableResourceNames() throws IOException {
    List<String> expected;
    try (Stream<Path> files = Stream.concat(Files.walk(Path.of("processes")), Files.walk(Path.of("forms")))) {
      expected = files.filter(Files::isRegularFile)
          .map(p -> p.toString().replace('\\', '/'))
          .filter(p -> p.endsWith(".bpmn") || p.endsWith(".dmn") || p.endsWith(".form"))
          .sorted()
          .toList();
    }
    assertThat(expected).contains("processes/pathway/pathway.bpmn", "forms/intake/intake-interview.form");
    List<Deployment> deployments = repositoryService.createDeploymentQuery().list();
    assertThat(deployments).hasSize(1);
    List<String> deployed = repositoryService.getDeploymentResourceNames(deployments.get(0).getId()).stream()
        .sorted().toList();
    assertThat(deployed).containsExactlyElementsOf(expected);
  }

  @Test
  void shouldShareProcessDefinitionsAcrossProjects() {
    assertThat(repositoryService.createProcessDefinitionQuery().list())
        .extracting(d -> d.getKey() + ":" + d.getTenantId())
        .containsExactlyInAnyOrder("pathway:null", "intake:null", "eligibility:null", "handover:null",
            "programme:null", "assessment:null", "social-referral:null", "plan:null",
            "training:null", "internship:null", "placement:null", "arrears-reduction:null",
            "plan-amendment:null");
  }
}
