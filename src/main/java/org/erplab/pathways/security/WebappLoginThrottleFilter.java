package org.erplab.pathways.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' login ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}) passes the same throttle as our
 * API and engine REST: a throttled attempt gets 429 with {@code Retry-After} before the password is checked; the
 * outcome of an attempt (Camunda answers 401 for bad credentials) is recorded.
 */
class WebappLoginThrottleFilter extends OncePerRequestFilter {

  private final LoginThrottle throttle;
  private final ObjectMapper json;

  WebappLoginThrottleFilter(LoginThrottle throttle, ObjectMapper json) {
    this.throttle = throttle;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !isLogin(request);
  }

  /** The webapps' login request. */
  static boolean isLogin(HttpServletRequest request) {
    return "POST".equals(request.getMethod()) && request.getRequestURI().matches(".*/auth/user/[^/]+/login/[^/]+$");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String address = request.getRemoteAddr();
    String userId = request.getParameter("username");
    Optional<Duration> wait = throttle.retryAfter(address, userId);
    if (wait.isPresent()) {
      long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader("Retry-After", Long.toString(seconds));
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      json.writeValue(response.getOutputStream(), Map.of("type", "LoginThrottledException",
          "message", "Too many failed logins: try again in " + seconds + " seconds"));
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
      throttle.failed(address, userId);
    } else if (response.getStatus() == HttpStatus.OK.value()) {
      throttle.succeeded(address, userId);
    }
  }
}
