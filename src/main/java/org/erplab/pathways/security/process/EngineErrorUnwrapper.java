package org.erplab.pathways.security.process;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.erplab.pathways.common.process.ConflictException;
import org.erplab.pathways.common.process.InvalidFieldsException;
import org.erplab.pathways.common.process.RefusedException;

/**
 * Outermost engine interceptor: when a door rule's refusal was raised inside a listener or a delegate, the engine
 * wraps it in a generic exception (a 500 at engine REST); this gives every caller the refusal itself, so each door
 * answers 400, 403 or 409 as the rule says.
 */
final class EngineErrorUnwrapper extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (ProcessEngineException e) {
      RuntimeException refusal = refusalIn(e);
      throw refusal != null ? refusal : e;
    }
  }

  /** The first door-rule refusal in the cause chain, or {@code null}. */
  static RuntimeException refusalIn(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof RefusedException || t instanceof InvalidFieldsException || t instanceof ConflictException) {
        return (RuntimeException) t;
      }
    }
    return null;
  }
}
