package org.erplab.pathways.common.domain;

/** A value a caller gave breaks a domain rule: a 400 naming the field, with a message that never repeats the value. */
public class InvalidInputException extends RuntimeException {

  private final String field;

  public InvalidInputException(String field, String message) {
    super(message);
    this.field = field;
  }

  public FieldError error() {
    return new FieldError(field, getMessage());
  }
}
