package org.erplab.pathways.security.process;

import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetProcessDefinitionStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetProcessInstanceStateCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractUpdateProcessInstancesSuspendStateCmd;
import org.camunda.bpm.engine.impl.cmd.RecalculateJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskDueDateCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * The only way to suspend or resume a pathway's instances or to move its timers and due dates: our own services
 * (suspension, resumption, withdrawal, the programme's end) ask for a permit and do it inside, recording it and shifting
 * the deadline records with it. Without a permit the engine refuses these commands at every door (engine REST,
 * Cockpit, the Java API), administrators included: a suspension made in Cockpit would leave the pathway's record, its
 * deadlines and its task lists telling another story.
 */
public final class ClockChanges {

  private static final ThreadLocal<Boolean> PERMITTED = new ThreadLocal<>();
  static final Set<Class<?>> GUARDED = Set.of(AbstractSetProcessInstanceStateCmd.class,
      AbstractUpdateProcessInstancesSuspendStateCmd.class, AbstractSetProcessDefinitionStateCmd.class,
      AbstractSetJobStateCmd.class, AbstractSetJobDefinitionStateCmd.class, SetJobDuedateCmd.class,
      RecalculateJobDuedateCmd.class, SetTaskDueDateCmd.class);
  static final String REFUSAL = "A pathway is suspended and resumed through POST /api/pathways/{id}/suspension and "
      + "/resumption (or a project's pause), which record it and shift its deadlines; due dates and timers follow "
      + "the deadlines and are not changed by hand";

  private ClockChanges() {}

  /** Runs {@code change} with a permit to change suspension states, timers and due dates. */
  public static <T> T permit(Supplier<T> change) {
    Boolean previous = PERMITTED.get();
    PERMITTED.set(Boolean.TRUE);
    try {
      return change.get();
    } finally {
      if (previous == null) {
        PERMITTED.remove();
      }
    }
  }

  /** See {@link #permit(Supplier)}. */
  public static void permit(Runnable change) {
    permit(() -> {
      change.run();
      return null;
    });
  }

  static boolean guards(Command<?> command) {
    return PERMITTED.get() == null && GUARDED.stream().anyMatch(type -> type.isInstance(command));
  }
}
