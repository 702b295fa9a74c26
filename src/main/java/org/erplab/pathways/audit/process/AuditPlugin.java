package org.erplab.pathways.audit.process;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.erplab.pathways.audit.infrastructure.AuditLog;
import org.springframework.stereotype.Component;

/** Wraps the engine's history event handler so that what an auditor reads is also written to the audit record. */
@Component
public class AuditPlugin extends AbstractProcessEnginePlugin {

  private final AuditLog log;

  public AuditPlugin(AuditLog log) {
    this.log = log;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new AuditHistoryEvents(configuration.getHistoryEventHandler(), log));
  }
}
