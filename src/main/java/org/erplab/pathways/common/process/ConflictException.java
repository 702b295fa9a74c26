package org.erplab.pathways.common.process;

import org.camunda.bpm.engine.ProcessEngineException;

/** The action clashes with the state someone else left (a task claimed by another person): 409 at every door. */
public class ConflictException extends ProcessEngineException {

  public ConflictException(String message) {
    super(message);
  }
}
