package org.erplab.pathways.participant.domain;

/** Thrown by {@link FiscalCode#parse(String)} when the input is not a valid codice fiscale. */
public class InvalidFiscalCodeException extends RuntimeException {

  public InvalidFiscalCodeException(String message) {
    super(message);
  }
}
