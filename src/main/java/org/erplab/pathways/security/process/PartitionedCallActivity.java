package org.erplab.pathways.security.process;

import static org.camunda.bpm.engine.impl.util.CallableElementUtil.getProcessDefinitionToCall;

import org.camunda.bpm.engine.impl.bpmn.behavior.CallActivityBehavior;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;
import org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * A call activity that starts the called instance in the right part of the project: the engine makes a called
 * instance inherit its caller's tenant; for a process that runs in an organisation's part (e.g. the accredited
 * operator's hand-over), the tenant is set, before the instance starts, to the part of the organisation the caller
 * hands over ({@link ProjectTenancyPlugin#tenantOfCalled}). Everything the instance then creates (variables, tasks,
 * history) carries that tenant.
 */
class PartitionedCallActivity extends CallActivityBehavior {

  @Override
  protected void startInstance(ActivityExecution execution, VariableMap variables, String businessKey) {
    ExecutionEntity caller = (ExecutionEntity) execution;
    ProcessDefinitionImpl definition = getProcessDefinitionToCall(caller, caller.getProcessDefinitionTenantId(),
        getCallableElement());
    ExecutionEntity called = (ExecutionEntity) execution.createSubProcessInstance(definition, businessKey);
    String tenant = ProjectTenancyPlugin.tenantOfCalled(
        ((org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity) definition).getKey(), caller, variables);
    if (tenant != null) {
      called.setTenantId(tenant);
    }
    called.start(variables);
  }
}
