package org.erplab.pathways.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a login's new session in the browser. A webapp login replaces the browser's session with a new one (Camunda's
 * {@code AuthenticationUtil.revalidateSession}, against session fixation). A request the page sent just before, still
 * carrying the old session's cookie, reached Camunda's {@code AuthenticationFilter} after the login, which calls
 * {@code getSession(true)}: it made a third, empty session and answered with its cookie, and when that answer arrived
 * after the login's, the browser dropped the logged-in session: the user was back at the login page at once (stop 18:
 * "no session", then "no user in its session", 50 ms apart).
 *
 * <p>So a session replaced by a successful login is remembered for a while, and a webapp API request that still
 * carries it is answered 401 here, before any webapp filter, with no session made and no cookie set: the browser keeps
 * the login's session, and the stale request's page (replaced by the logged-in one) sees the 401 it would have seen
 * anyway. The old session is never accepted again (no fixation). Any other unknown session (expired, from another
 * node's restart) goes on as before, so a browser whose session ran out gets a new one and its XSRF token to log in.
 * Sessions live in one node (sticky sessions, {@code deploy/README.md}), and so does this memory.
 */
@Component
public class SupersededSessions extends OncePerRequestFilter {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SupersededSessions.class);

  /** Longer than any request in flight at a login; short enough to hold only the last few minutes' logins. */
  static final Duration REMEMBERED = Duration.ofMinutes(2);

  private final Cache<String, Boolean> replaced =
      Caffeine.newBuilder().expireAfterWrite(REMEMBERED).maximumSize(100_000).build();
  private final ObjectMapper json;

  public SupersededSessions(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + "/camunda/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String sent = request.getRequestedSessionId();
    if (WebappLoginThrottleFilter.isLogin(request)) {
      chain.doFilter(request, response);
      HttpSession now = request.getSession(false);
      if (sent != null && response.getStatus() == HttpStatus.OK.value() && now != null && !sent.equals(now.getId())) {
        replaced.put(sent, Boolean.TRUE);
      }
      return;
    }
    if (sent != null && !request.isRequestedSessionIdValid() && replaced.getIfPresent(sent) != null) {
      LOG.debug("A webapp request on a session a login replaced was answered 401 without a new session");
      response.setStatus(HttpStatus.UNAUTHORIZED.value());
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      json.writeValue(response.getOutputStream(), Map.of("type", "AuthenticationException",
          "message", "This session was replaced by a login: use the new one"));
      return;
    }
    chain.doFilter(request, response);
  }
}
