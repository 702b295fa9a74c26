package org.erplab.pathways.common.process;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A caller named a task, instance or execution that does not exist: 404 at every door. A caller's mistake, so a
 * {@link BadUserRequestException}, which the engine logs at debug level (Camunda's own {@code NullValueException}
 * would be logged as an error, with the id the caller sent).
 */
public class UnknownResourceException extends BadUserRequestException {

  public UnknownResourceException() {
    super("Not found");
  }
}
