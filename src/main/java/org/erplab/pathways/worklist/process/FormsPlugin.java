package org.erplab.pathways.worklist.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.erplab.pathways.worklist.domain.TaskCompletionRule;
import org.erplab.pathways.worklist.infrastructure.WorklistQueries;
import org.springframework.stereotype.Component;

/**
 * Task forms are the contract of every door: each completion is validated inside the engine against the task's form
 * and rules ({@link CompletionGuard}), and each task asks its questions afresh ({@link StaleAnswersReset}).
 */
@Component
public class FormsPlugin extends AbstractProcessEnginePlugin {

  private final TaskFormReader forms;
  private final StaleAnswersReset reset;
  private final List<TaskCompletionRule> rules;
  private final WorklistQueries queries;

  FormsPlugin(TaskFormReader forms, StaleAnswersReset reset, List<TaskCompletionRule> rules, WorklistQueries queries) {
    this.forms = forms;
    this.reset = reset;
    this.rules = List.copyOf(rules);
    this.queries = queries;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    CompletionGuard.requireCommandFields();
    CompletionGuard guard = new CompletionGuard(forms, rules, queries);
    List<CommandInterceptor> required = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    required.add(guard);
    configuration.setCustomPostCommandInterceptorsTxRequired(required);
    List<CommandInterceptor> requiresNew = configuration.getCustomPostCommandInterceptorsTxRequiresNew() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequiresNew());
    requiresNew.add(guard);
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(requiresNew);

    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, reset);
      }
    });
    configuration.setCustomPreBPMNParseListeners(listeners);
  }
}
