package org.erplab.pathways.support;

import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;

/**
 * The deployments a test makes, removed after it (with their instances), so the application's own models stay the
 * only deployment the other tests of the shared context see.
 */
public final class TestDeployments {

  private final RepositoryService repositoryService;
  private final Set<String> before;

  private TestDeployments(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
    this.before = Set.copyOf(repositoryService.createDeploymentQuery().list().stream().map(Deployment::getId).toList());
  }

  /** Remembers the deployments that exist now. */
  public static TestDeployments remember(RepositoryService repositoryService) {
    return new TestDeployments(repositoryService);
  }

  /** Deletes every deployment made since, cascading to its instances. */
  public void removeNew() {
    repositoryService.createDeploymentQuery().list().stream().filter(d -> !before.contains(d.getId()))
        .forEach(d -> repositoryService.deleteDeployment(d.getId(), true));
  }
}
