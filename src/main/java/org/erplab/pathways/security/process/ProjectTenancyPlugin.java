package org.erplab.pathways.security.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.bpmn.behavior.CallActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.migration.validation.activity.SupportedActivityValidator;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.erplab.pathways.common.process.DeclaredProcess;
import org.erplab.pathways.common.process.RefusedException;
import org.erplab.pathways.pathway.process.ProcessCatalogue;
import org.erplab.pathways.security.Partitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Process definitions are shared by every project; each process instance carries the part of a project it belongs to
 * as tenant id ({@link Partitions}):
 * <ul>
 *   <li>a pathway takes its project from the start permit of our API (never from a variable a caller could send);
 *   <li>a called process runs in its caller's project, or, when its descriptor says so ({@code partitionedBy}), in the
 *       part of the organisation its caller hands it ({@link PartitionedCallActivity});
 *   <li>a decision evaluated in a process belongs to that process's tenant.
 * </ul>
 */
@Component
public class ProjectTenancyPlugin extends AbstractProcessEnginePlugin implements TenantIdProvider {

  private static final Logger LOG = LoggerFactory.getLogger(ProjectTenancyPlugin.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(this);
    // instance migration accepts call activities by exact class: ours are call activities too
    if (!SupportedActivityValidator.SUPPORTED_ACTIVITY_BEHAVIORS.contains(PartitionedCallActivity.class)) {
      SupportedActivityValidator.SUPPORTED_ACTIVITY_BEHAVIORS.add(PartitionedCallActivity.class);
    }
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseCallActivity(Element callActivityElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof CallActivityBehavior original
            && original.getClass() == CallActivityBehavior.class) {
          if (CommandFields.read(original, "className") != null || CommandFields.read(original, "expression") != null) {
            LOG.warn("Call activity {} maps variables with a delegate: it runs in its caller's tenant",
                activity.getId());
            return;
          }
          PartitionedCallActivity behavior = new PartitionedCallActivity();
          behavior.setCallableElement(original.getCallableElement());
          activity.setActivityBehavior(behavior);
        }
      }
    });
    configuration.setCustomPreBPMNParseListeners(listeners);
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    String processKey = ctx.getProcessDefinition().getKey();
    if (ctx.getSuperExecution() != null) {
      return ctx.getSuperExecution().getTenantId();
    }
    // the door rules refuse a start without a permit before it gets here; any other path stops here too
    return ProcessStarts.projectOf(processKey)
        .orElseThrow(() -> new RefusedException("Process " + processKey + " cannot be started directly"));
  }

  /**
   * The tenant of an instance the caller is about to start: the part of the organisation the caller hands over, for
   * a process that runs in one; otherwise {@code null} (the caller's own tenant).
   */
  static String tenantOfCalled(String processKey, DelegateExecution caller, VariableMap variables) {
    DeclaredProcess declared = ProcessCatalogue.find(processKey).orElse(null);
    if (declared == null || declared.partitionedBy().isEmpty()) {
      return null;
    }
    String name = declared.partitionedBy().get().name();
    Object organisation = variables != null && variables.containsKey(name) ? variables.get(name) : caller.getVariable(name);
    if (!(organisation instanceof String code) || code.isBlank()) {
      throw new IllegalStateException("Process " + processKey + " runs in an organisation's part of the project, "
          + "but its caller hands it no " + name);
    }
    return Partitions.of(Partitions.projectOf(caller.getTenantId()), code);
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    return null;
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
    DelegateExecution execution = ctx.getExecution();
    return execution == null ? null : execution.getTenantId();
  }
}
