package org.erplab.pathways.audit.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.erplab.pathways.audit.domain.AuditEventType;
import org.erplab.pathways.audit.infrastructure.AuditLog;
import org.erplab.pathways.common.domain.EngineClock;

/**
 * Records each new deployment as MODEL_DEPLOYED, after the engine's deployers parsed it: who, its name and source,
 * and the process and decision versions and the forms it brought. A project's deployment (tenant) goes into the
 * project's chain, a shared one into the system's. Deployments read again into the cache at start-up are not new.
 */
class AuditDeployments implements Deployer {

  private final AuditLog log;

  AuditDeployments(AuditLog log) {
    this.log = log;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("deploymentId", deployment.getId());
    details.put("name", deployment.getName());
    details.put("source", deployment.getSource());
    details.put("tenantId", deployment.getTenantId());
    List<String> processes = deployment.getDeployedProcessDefinitions() == null ? List.of()
        : deployment.getDeployedProcessDefinitions().stream().map(p -> p.getKey() + ":" + p.getVersion()).toList();
    List<String> decisions = deployment.getDeployedDecisionDefinitions() == null ? List.of()
        : deployment.getDeployedDecisionDefinitions().stream().map(d -> d.getKey() + ":" + d.getVersion()).toList();
    List<String> forms = deployment.getResources() == null ? List.of()
        : deployment.getResources().keySet().stream().filter(name -> name.endsWith(".form")).sorted().toList();
    details.put("processes", processes);
    details.put("decisions", decisions);
    details.put("forms", forms);
    CommandContext context = Context.getCommandContext();
    String user = context == null ? null : context.getAuthenticatedUserId();
    log.record(new AuditLog.Pending(EngineClock.now(), null, null, deployment.getTenantId(), null,
        user == null ? AuditLog.SYSTEM : user, AuditEventType.MODEL_DEPLOYED.name(), null, details));
  }
}
