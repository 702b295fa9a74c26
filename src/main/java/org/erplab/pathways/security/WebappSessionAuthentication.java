package org.erplab.pathways.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The browser's door to {@code /api}: our pages and Tasklist plugins run in the browser of a user logged in to the
 * webapps, and call the API in that session instead of with HTTP Basic. A request without an {@code Authorization}
 * header, with the webapps' session and that session's CSRF token in {@code X-XSRF-TOKEN} (the value of the
 * {@code XSRF-TOKEN} cookie the webapps set), is the session's user, loaded as at a Basic login (roles, organisation,
 * projects). The token is required for every method, reads too: a read may write the access log of a person, and only
 * our own pages can read the cookie. The one exception is {@code GET /api/session}, which tells a page who is logged
 * in and hands it the token (a page outside {@code /camunda} cannot read the webapps' cookie, whose path is
 * {@code /camunda}; another site's script cannot read the answer). A session request without the right token is
 * refused (403); without a session the request goes on to HTTP Basic, which answers 401.
 */
@Component
public class WebappSessionAuthentication extends OncePerRequestFilter {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WebappSessionAuthentication.class);

  /** Where a page learns its user and the session's token: the one session request that needs no token. */
  public static final String SESSION_PATH = "/api/session";

  private final ProcessEngine engine;
  private final CamundaIdentityAuthenticationProvider users;
  private final ObjectMapper json;

  public WebappSessionAuthentication(ProcessEngine engine, CamundaIdentityAuthenticationProvider users,
      ObjectMapper json) {
    this.engine = engine;
    this.users = users;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getHeader(HttpHeaders.AUTHORIZATION) == null ? request.getSession(false) : null;
    String userId = session == null ? null : sessionUser(session);
    if (userId == null) {
      if (request.getHeader(HttpHeaders.AUTHORIZATION) == null
          && request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME) != null) {
        // a page that had the session's token finds no user in it: its session ended (logout, expiry), or was
        // replaced just after a login before ADR 0043 (SupersededSessions)
        LOG.warn("A request with a session token found {} (the page's scripts retry a read once)",
            session == null ? "no session" : "no user in its session");
      }
      chain.doFilter(request, response);
      return;
    }
    boolean askingForTheToken = "GET".equals(request.getMethod()) && SESSION_PATH.equals(request.getRequestURI());
    if (!askingForTheToken && !tokenMatches(session, request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME))) {
      SecurityConfig.problem(json, response, HttpStatus.FORBIDDEN, "A request in a webapp session must carry the "
          + "session's CSRF token in header " + CsrfConstants.CSRF_TOKEN_HEADER_NAME);
      return;
    }
    AppUser user = users.load(userId);
    SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, null,
        user.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList()));
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private String sessionUser(HttpSession session) {
    try {
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      return authentications.getAuthenticationForProcessEngine(engine.getName()) instanceof UserAuthentication user
          ? user.getName() : null;
    } catch (IllegalStateException invalidated) {
      return null;
    }
  }

  /** The webapps' CSRF token of the request's session, if it has one. */
  public static String sessionToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null && session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME) instanceof String token
        && request.getHeader(HttpHeaders.AUTHORIZATION) == null ? token : null;
  }

  private static boolean tokenMatches(HttpSession session, String sent) {
    Object expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return sent != null && expected instanceof String token
        && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }
}
