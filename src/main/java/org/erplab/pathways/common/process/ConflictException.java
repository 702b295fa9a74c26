package org.erplab.pathways.common.process;

import org.camunda.bpm.engine.OptimisticLockingException;

/**
 * The action clashes with the state someone else left (a task claimed by another person): 409 at every door. A kind
 * of optimistic-locking failure for the engine, which logs it as a caller's conflict, not as an error.
 */
public class ConflictException extends OptimisticLockingException {

  public ConflictException(String message) {
    super(message);
  }
}
