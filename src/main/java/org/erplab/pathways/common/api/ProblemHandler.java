package org.erplab.pathways.common.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.erplab.pathways.common.domain.FieldError;
import org.erplab.pathways.common.domain.InvalidInputException;
import org.erplab.pathways.common.process.ConflictException;
import org.erplab.pathways.common.process.InvalidFieldsException;
import org.erplab.pathways.common.process.UnknownResourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of the domain API as {@code application/problem+json} (whatever the caller's {@code Accept}); never a
 * 500 for a caller's mistake, and never SQL, a stack trace or a value the caller sent in the answer or in a log line.
 * Refusals of the engine's door rules keep their status: 400 with the fields, 403, 409.
 *
 * <p>Not limited to our controllers: an unknown path or a wrong method has no controller, and gets its 404 or 405
 * (with {@code Allow}) here too. The answer has no {@code instance}: the request's path may hold what the caller sent.
 */
@RestControllerAdvice
class ProblemHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);
  /** Camunda's tenant check: the resource belongs to a project the caller does not serve. */
  static final String OTHER_TENANT = "ENGINE-13034";
  /**
   * An empty reference: Spring fills a missing {@code instance} with the request's path; an empty one is left out of
   * the JSON.
   */
  static final URI NO_INSTANCE = URI.create("");

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e) {
    return problem(e.status(), e.getMessage(), e.errors());
  }

  @ExceptionHandler(InvalidFieldsException.class)
  ResponseEntity<ProblemDetail> invalidFields(InvalidFieldsException e) {
    return problem(HttpStatus.BAD_REQUEST, "The request has invalid fields", e.errors());
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e) {
    return problem(HttpStatus.BAD_REQUEST, "The request has invalid fields", List.of(e.error()));
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
    List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
        .collect(Collectors.toList());
    e.getBindingResult().getGlobalErrors()
        .forEach(g -> errors.add(new FieldError(g.getObjectName(), g.getDefaultMessage())));
    return problem(HttpStatus.BAD_REQUEST, "The request has invalid fields", errors);
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
    List<FieldError> errors = e.getParameterValidationResults().stream()
        .flatMap(r -> r.getResolvableErrors().stream().map(error -> new FieldError(
            r.getMethodParameter().getParameterName(), error.getDefaultMessage())))
        .toList();
    return problem(HttpStatus.BAD_REQUEST, "The request has invalid fields", errors);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof UnrecognizedPropertyException unknown && !unknown.getPath().isEmpty()) {
      String field = unknown.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining("."));
      return problem(HttpStatus.BAD_REQUEST, "The request has invalid fields",
          List.of(FieldError.ofSentName(field, "is not a field of this request")));
    }
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      String message = mapping instanceof InvalidFormatException format && format.getTargetType() != null
          && format.getTargetType().isEnum()
          ? "must be one of " + List.of(format.getTargetType().getEnumConstants())
          : "has a value of the wrong type";
      return problem(HttpStatus.BAD_REQUEST, "The request has invalid fields", List.of(new FieldError(field, message)));
    }
    return problem(HttpStatus.BAD_REQUEST, "The request body is missing or is not valid JSON", List.of());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
    String expected = e.getRequiredType() == null ? "of another type" : e.getRequiredType().isEnum()
        ? "one of " + List.of(e.getRequiredType().getEnumConstants())
        : "a valid " + e.getRequiredType().getSimpleName();
    return problem(HttpStatus.BAD_REQUEST, "The request has invalid fields",
        List.of(new FieldError(e.getName(), "must be " + expected)));
  }

  /** A path variable that is blank once decoded ({@code /api/pathways/%20}). */
  @ExceptionHandler(MissingPathVariableException.class)
  ResponseEntity<ProblemDetail> missingPathVariable(MissingPathVariableException e) {
    return problem(HttpStatus.BAD_REQUEST, "The request has invalid fields",
        List.of(new FieldError(e.getVariableName(), "is required")));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
    return problem(HttpStatus.BAD_REQUEST, "The request has invalid fields",
        List.of(new FieldError(e.getParameterName(), "is required")));
  }

  @ExceptionHandler({AuthorizationException.class, AccessDeniedException.class})
  ResponseEntity<ProblemDetail> forbidden(RuntimeException e) {
    String detail = e instanceof org.erplab.pathways.common.process.RefusedException ? e.getMessage()
        : "You are not allowed to do this";
    return problem(HttpStatus.FORBIDDEN, detail, List.of());
  }

  @ExceptionHandler({OptimisticLockingException.class, TaskAlreadyClaimedException.class, DuplicateKeyException.class,
      ConflictException.class, PessimisticLockingFailureException.class})
  ResponseEntity<ProblemDetail> conflict(RuntimeException e) {
    String detail = e instanceof ConflictException ? e.getMessage()
        : "Someone else changed this a moment ago; reload and retry";
    return problem(HttpStatus.CONFLICT, detail, List.of());
  }

  @ExceptionHandler({NotFoundException.class, UnknownResourceException.class})
  ResponseEntity<ProblemDetail> engineNotFound(RuntimeException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", List.of());
  }

  @ExceptionHandler(BadUserRequestException.class)
  ResponseEntity<ProblemDetail> engineBadRequest(BadUserRequestException e) {
    return problem(HttpStatus.BAD_REQUEST, "The request cannot be carried out", List.of());
  }

  @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
  ResponseEntity<ProblemDetail> noResource(Exception e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", List.of());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
    ResponseEntity<ProblemDetail> response = problem(HttpStatus.METHOD_NOT_ALLOWED,
        "Method " + e.getMethod() + " is not supported here", List.of());
    HttpHeaders headers = new HttpHeaders();
    headers.putAll(response.getHeaders());
    if (e.getSupportedHttpMethods() != null) {
      headers.setAllow(e.getSupportedHttpMethods());
    }
    return new ResponseEntity<>(response.getBody(), headers, response.getStatusCode());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send application/json", List.of());
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return problem(HttpStatus.NOT_ACCEPTABLE, "This API answers in JSON (application/json)", List.of());
  }

  @ExceptionHandler({ProcessEngineException.class, TransientDataAccessException.class})
  ResponseEntity<ProblemDetail> engine(RuntimeException e) {
    if (ErrorCauses.isLockConflict(e)) {
      return conflict(e);
    }
    if (e.getMessage() != null && e.getMessage().contains(OTHER_TENANT)) {
      return problem(HttpStatus.NOT_FOUND, "Not found", List.of());
    }
    return unexpected(e);
  }

  /**
   * A multipart body that cannot be read: the caller's mistake (400). On the error page of a request refused before
   * it was read (an anonymous upload answered 401), Spring tries to read it again: that request keeps its status.
   */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> multipart(MultipartException e, HttpServletRequest request) {
    if (request.getDispatcherType() == DispatcherType.ERROR
        && request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
        && HttpStatus.resolve(code) != null && HttpStatus.resolve(code).isError()) {
      HttpStatus status = HttpStatus.resolve(code);
      return problem(status, status.is5xxServerError() ? "Unexpected error" : status.getReasonPhrase(), List.of());
    }
    return problem(HttpStatus.BAD_REQUEST, "The multipart body cannot be read", List.of());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (ErrorCauses.isDatabaseUnavailable(e)) {
      return unavailable(e);
    }
    if (ErrorCauses.isLockConflict(e)) {
      return problem(HttpStatus.CONFLICT, "Someone else changed this a moment ago; reload and retry", List.of());
    }
    if (ErrorCauses.isDataException(e)) {
      return problem(HttpStatus.BAD_REQUEST, "A value is too long or out of range", List.of());
    }
    ErrorCauses.logUnexpected(LOG, e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error", List.of());
  }

  /** The database is out of reach (down, restarting, its connections all busy): 503, retry in a moment. */
  static ResponseEntity<ProblemDetail> unavailable(Throwable e) {
    LOG.warn("Database unavailable: {}", e.getClass().getName());
    ResponseEntity<ProblemDetail> response = problem(HttpStatus.SERVICE_UNAVAILABLE,
        ErrorCauses.UNAVAILABLE_MESSAGE, List.of());
    return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
        .header(HttpHeaders.RETRY_AFTER, ErrorCauses.UNAVAILABLE_RETRY_AFTER_SECONDS).body(response.getBody());
  }

  static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, List<FieldError> errors) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setInstance(NO_INSTANCE);
    if (!errors.isEmpty()) {
      body.setProperty("errors", errors);
    }
    // a preset content type: the error is written as problem+json whatever the caller's Accept
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }
}
