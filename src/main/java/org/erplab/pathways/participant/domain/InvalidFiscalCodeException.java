package org.erplab.pathways.participant.domain;

import org.erplab.pathways.common.domain.InvalidInputException;

/** Thrown by {@link FiscalCode#parse(String)} when the input is not a valid codice fiscale. */
public class InvalidFiscalCodeException extends InvalidInputException {

  public InvalidFiscalCodeException(String message) {
    super("fiscalCode", message);
  }
}
