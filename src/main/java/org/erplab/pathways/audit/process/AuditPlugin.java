package org.erplab.pathways.audit.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.erplab.pathways.audit.infrastructure.AuditLog;
import org.springframework.stereotype.Component;

/**
 * Wraps the engine's history event handler so that what an auditor reads is also written to the audit record, and
 * records each new deployment (after the engine's deployers) as MODEL_DEPLOYED.
 */
@Component
public class AuditPlugin extends AbstractProcessEnginePlugin {

  private final AuditLog log;

  public AuditPlugin(AuditLog log) {
    this.log = log;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> post = new ArrayList<>();
    if (configuration.getCustomPostDeployers() != null) {
      post.addAll(configuration.getCustomPostDeployers());
    }
    post.add(new AuditDeployments(log));
    configuration.setCustomPostDeployers(post);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new AuditHistoryEvents(configuration.getHistoryEventHandler(), log));
  }
}
