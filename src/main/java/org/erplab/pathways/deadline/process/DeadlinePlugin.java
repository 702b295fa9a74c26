package org.erplab.pathways.deadline.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
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
 * Gives every user task and every boundary timer of every model the deadline listeners of {@link Deadlines}, built
 * in (they run even when custom listeners are skipped), so that a stage gets met / missed / cancelled by declaring
 * its deadlines, with no listener of its own. A deadline on a scope that is no user task (an embedded subprocess) is
 * closed when the scope ends.
 */
@Component
public class DeadlinePlugin extends AbstractProcessEnginePlugin {

  private static final String SCOPE_DEADLINE = "deadlineClosedAtEnd";

  private final Deadlines deadlines;

  DeadlinePlugin(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, deadlines::taskCreated);
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, deadlines::taskCompleted);
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, deadlines::taskDeleted);
      }

      @Override
      public void parseBoundaryTimerEventDefinition(Element timerEventDefinition, boolean interrupting,
          ActivityImpl timerActivity) {
        String attachedTo = timerActivity.getEventScope() == null ? null : timerActivity.getEventScope().getId();
        if (attachedTo != null) {
          timerActivity.addBuiltInListener(ExecutionListener.EVENTNAME_START,
              (ExecutionListener) execution -> deadlines.timerFired(execution, attachedTo));
        }
        // a deadline on a scope that is no user task (e.g. the placement's search) closes when the scope ends
        if (timerActivity.getEventScope() instanceof ActivityImpl scope
            && !(scope.getActivityBehavior() instanceof UserTaskActivityBehavior)
            && !Boolean.TRUE.equals(scope.getProperty(SCOPE_DEADLINE))) {
          scope.setProperty(SCOPE_DEADLINE, true);
          scope.addBuiltInListener(ExecutionListener.EVENTNAME_END,
              (ExecutionListener) execution -> deadlines.scopeEnded(execution, scope.getId()));
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }
}
