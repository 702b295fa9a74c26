package org.erplab.pathways.security.process;

import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.erplab.pathways.common.process.UnknownResourceException;

/**
 * A caller's command that names something that does not exist (engine REST {@code PUT
 * /process-instance/{id}/variables/{name}} with a made-up id) fails with Camunda's {@code NullValueException}: a 500
 * at engine REST, and an ERROR with a stack trace and the id in the engine's log. It is the caller's mistake: raised
 * again, at the outermost command of an authenticated caller, as {@link UnknownResourceException} (404 at every door,
 * logged by the engine at debug level). The system's own commands (timers, start-up) keep the original exception.
 */
final class UnknownResources extends CommandInterceptor {

  /** Nested commands go through the interceptors too; only the outermost one is translated. */
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  @Override
  public <T> T execute(Command<T> command) {
    int[] depth = DEPTH.get();
    depth[0]++;
    try {
      return next.execute(command);
    } catch (NullValueException e) {
      CommandContext context = Context.getCommandContext();
      if (depth[0] == 1 && context != null && context.getAuthentication() != null) {
        throw new UnknownResourceException();
      }
      throw e;
    } finally {
      depth[0]--;
    }
  }
}
