package org.erplab.pathways.privacy.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Keeps personal and special-category values out of the engine, whatever door a task is completed through (our API,
 * engine REST, Tasklist):
 * <ol>
 *   <li>every user task gets a built-in {@code complete} listener, running before any model listener, that moves the
 *       sensitive values into the registry and removes them from the process, in the same transaction;
 *   <li>the engine's final history event handler is wrapped by a filter that drops variable and form-property events
 *       about sensitive names, so not even the short-lived values reach {@code ACT_HI_*}.
 * </ol>
 * The names are configured in {@code privacy.sensitive-variables}.
 */
@Component
public class PrivacyPlugin extends AbstractProcessEnginePlugin {

  private final SensitiveVariables sensitive;
  private final SensitiveFieldCapture capture;

  public PrivacyPlugin(SensitiveVariables sensitive, SensitiveFieldCapture capture) {
    this.sensitive = sensitive;
    this.capture = capture;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        UserTaskActivityBehavior behavior = (UserTaskActivityBehavior) activity.getActivityBehavior();
        behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, capture);
      }
    });
    configuration.setCustomPreBPMNParseListeners(listeners);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(
        new SensitiveHistoryEventFilter(configuration.getHistoryEventHandler(), sensitive));
  }
}
