package org.erplab.pathways.common.api;

import java.util.List;
import org.erplab.pathways.common.domain.FieldError;
import org.springframework.http.HttpStatus;

/** A user-facing error: rendered as {@code application/problem+json} with the given status and field errors. */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final List<FieldError> errors;

  public ApiException(HttpStatus status, String detail) {
    this(status, detail, List.of());
  }

  public ApiException(HttpStatus status, String detail, List<FieldError> errors) {
    super(detail);
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  public HttpStatus status() {
    return status;
  }

  public List<FieldError> errors() {
    return errors;
  }

  public static ApiException badRequest(List<FieldError> errors) {
    return new ApiException(HttpStatus.BAD_REQUEST, "The request has invalid fields", errors);
  }

  public static ApiException badRequest(String field, String message) {
    return badRequest(List.of(new FieldError(field, message)));
  }

  public static ApiException notFound(String detail) {
    return new ApiException(HttpStatus.NOT_FOUND, detail);
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(HttpStatus.FORBIDDEN, detail);
  }

  public static ApiException conflict(String detail) {
    return new ApiException(HttpStatus.CONFLICT, detail);
  }
}
