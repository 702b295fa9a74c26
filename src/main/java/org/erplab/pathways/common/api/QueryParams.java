package org.erplab.pathways.common.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.erplab.pathways.common.domain.FieldError;

/** Optional query parameters read in one way: a wrong value becomes a field error, never an exception. */
public final class QueryParams {

  /** The day {@code value} (yyyy-MM-dd); null when absent or wrong (then an error for {@code field}). */
  public static LocalDate day(String field, String value, List<FieldError> errors) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "must be a date (yyyy-MM-dd)"));
      return null;
    }
  }

  /** The id {@code value}; null when absent or wrong (then an error for {@code field} naming {@code what}). */
  public static UUID id(String field, String value, String what, List<FieldError> errors) {
    if (value == null) {
      return null;
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(field, "must be " + what + " (UUID)"));
      return null;
    }
  }

  private QueryParams() {}
}
