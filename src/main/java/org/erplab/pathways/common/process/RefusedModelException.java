package org.erplab.pathways.common.process;

import java.util.List;
import org.erplab.pathways.common.domain.FieldError;

/**
 * A deployment that would break the system is refused (400 at every door): each error names a file and says, in
 * Italian, what to change. The message carries them all, as Camunda Modeler shows only the message of its answer.
 */
public class RefusedModelException extends InvalidFieldsException {

  public static final String SUMMARY = "Pubblicazione rifiutata, il sistema non è cambiato";

  public RefusedModelException(List<FieldError> errors) {
    super(SUMMARY, errors);
  }

  /** {@code Pubblicazione rifiutata...: intake.bpmn: il compito ...; intake-interview.form: ...}. */
  @Override
  public String getMessage() {
    return SUMMARY + ": " + errors().stream().map(e -> e.field() + ": " + e.message())
        .collect(java.util.stream.Collectors.joining("; "));
  }
}
