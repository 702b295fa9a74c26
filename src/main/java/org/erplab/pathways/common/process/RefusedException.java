package org.erplab.pathways.common.process;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A door rule refuses the action to this caller (403 at every door): starting a process outside our API, working a
 * task of another group, writing comments, assigning a task to someone else. The message says why, in words a user
 * understands.
 */
public class RefusedException extends AuthorizationException {

  public RefusedException(String message) {
    super(message);
  }
}
