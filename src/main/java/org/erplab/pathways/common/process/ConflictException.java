package org.erplab.pathways.common.process;

import org.camunda.bpm.engine.OptimisticLockingException;

/**
 * The action clashes with the state someone else left (a task claimed or completed by another person): 409 at every
 * door. In the engine's terms an optimistic-locking conflict, so the engine logs it at debug level like its own
 * conflicts, not as an error with a stack trace.
 */
public class ConflictException extends OptimisticLockingException {

  public ConflictException(String message) {
    super(message);
  }
}
