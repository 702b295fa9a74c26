package org.erplab.pathways.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Comments and attachments are refused by the engine for everybody (ADR 0009). Camunda's REST resources look the
 * task up in history before they reach the engine command, so a user who reads no history (an operator) would be
 * told "No task found": this filter gives every caller of engine REST and of the webapps' engine API (Tasklist's
 * comment box) the same plain answer, 403 with the reason, before anything is read.
 */
class FreeTextRefusalFilter extends OncePerRequestFilter {

  static final Pattern FREE_TEXT = Pattern.compile(".*/(task|process-instance)/[^/]+/(comment|attachment)/create$");
  static final String MESSAGE = "Comments and attachments are not kept: write the note in the task's form, where it is "
      + "filed in the person's reserved case notes";

  private final ObjectMapper json;

  FreeTextRefusalFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !FREE_TEXT.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setStatus(HttpStatus.FORBIDDEN.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(response.getOutputStream(), Map.of("type", "RefusedException", "message", MESSAGE));
  }
}
