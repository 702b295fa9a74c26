package org.erplab.pathways.common.process;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.erplab.pathways.common.domain.FieldError;

/**
 * The engine refuses what a caller sent (a task's form values, a variable): every door answers 400 and names the
 * fields, our API as problem+json, engine REST and the webapps in Camunda's error format. The message names fields and
 * rules, never the values given.
 */
public class InvalidFieldsException extends BadUserRequestException {

  private final List<FieldError> errors;

  public InvalidFieldsException(String summary, List<FieldError> errors) {
    super(summary + ": " + errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
