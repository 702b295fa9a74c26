package org.erplab.pathways.common.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page of the servlet container (a request refused before any controller: by the security firewall, by a
 * filter's {@code sendError}) as problem+json, like every other error; in place of Spring Boot's page, which repeats
 * the request's path (and so whatever the caller put in it).
 */
@RestController
class ProblemErrorController implements ErrorController {

  @RequestMapping("${server.error.path:${error.path:/error}}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
        && HttpStatus.resolve(value).isError() ? HttpStatus.resolve(value) : HttpStatus.INTERNAL_SERVER_ERROR;
    String detail = status.is5xxServerError() ? "Unexpected error" : status.getReasonPhrase();
    return ProblemHandler.problem(status, detail, List.of());
  }
}
