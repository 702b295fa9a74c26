package org.erplab.pathways.common.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every error of the domain API as {@code application/problem+json}; never a 500 for a caller's mistake. */
@RestControllerAdvice(basePackages = "org.erplab.pathways")
class ProblemHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e) {
    return problem(e.status(), e.getMessage(), e.errors());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
    List<ApiException.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new ApiException.FieldError(f.getField(), f.getDefaultMessage()))
        .collect(Collectors.toList());
    e.getBindingResult().getGlobalErrors()
        .forEach(g -> errors.add(new ApiException.FieldError(g.getObjectName(), g.getDefaultMessage())));
    return problem(HttpStatus.BAD_REQUEST, "The request has invalid fields", errors);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      String message = mapping instanceof InvalidFormatException format
          ? "invalid value '" + format.getValue() + "'" + (format.getTargetType() != null && format.getTargetType().isEnum()
              ? ", allowed: " + List.of(format.getTargetType().getEnumConstants()) : "")
          : "invalid value";
      return problem(HttpStatus.BAD_REQUEST, "The request has invalid fields", List.of(new ApiException.FieldError(field, message)));
    }
    return problem(HttpStatus.BAD_REQUEST, "The request body is missing or is not valid JSON", List.of());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
    return problem(HttpStatus.BAD_REQUEST, "The request has invalid fields",
        List.of(new ApiException.FieldError(e.getName(), "invalid value '" + e.getValue() + "'")));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
    return problem(HttpStatus.BAD_REQUEST, "The request has invalid fields",
        List.of(new ApiException.FieldError(e.getParameterName(), "is required")));
  }

  @ExceptionHandler({AuthorizationException.class, AccessDeniedException.class})
  ResponseEntity<ProblemDetail> forbidden(RuntimeException e) {
    return problem(HttpStatus.FORBIDDEN, "You are not allowed to do this", List.of());
  }

  @ExceptionHandler({OptimisticLockingException.class, TaskAlreadyClaimedException.class, DuplicateKeyException.class})
  ResponseEntity<ProblemDetail> conflict(RuntimeException e) {
    return problem(HttpStatus.CONFLICT, "Someone else changed this a moment ago; reload and retry", List.of());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", List.of());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
    return problem(HttpStatus.METHOD_NOT_ALLOWED, e.getMessage(), List.of());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send application/json", List.of());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    LOG.error("Unexpected error", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error", List.of());
  }

  static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, List<ApiException.FieldError> errors) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    if (!errors.isEmpty()) {
      body.setProperty("errors", errors);
    }
    return ResponseEntity.status(status).body(body);
  }
}
