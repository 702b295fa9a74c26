package org.erplab.pathways.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.erplab.pathways.common.api.ErrorCauses;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

/**
 * Three doors, one identity store (Camunda's) and one login throttle:
 * <ul>
 *   <li>{@code /api/**}: HTTP Basic, stateless, or the webapps' session with its CSRF token (our pages and Tasklist
 *       plugins: {@link WebappSessionAuthentication}); {@code /api/public/**} needs no login; errors as problem+json;
 *   <li>{@code /engine-rest/**}: HTTP Basic through the same provider, so every engine REST call runs as its user
 *       (authorizations, tenant check, door rules) and failed logins are throttled alike; errors in Camunda's format;
 *   <li>{@code /camunda/**}: the webapps, with their own session login (throttled by {@link WebappLoginThrottleFilter},
 *       its new session kept from requests sent before it by {@link SupersededSessions}) and CSRF protection.
 * </ul>
 * A throttled login gets 429 with {@code Retry-After}, at every door.
 */
@Configuration
public class SecurityConfig {

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
      EngineAuthenticationBridge bridge, WebappSessionAuthentication webappSession, ObjectMapper json)
      throws Exception {
    AuthenticationEntryPoint entryPoint = (req, res, e) -> apiRefusal(json, req, res, e);
    statelessBasic(http.securityMatcher(new AntPathRequestMatcher("/api/**")), provider, entryPoint)
        .exceptionHandling(ex -> ex
            .authenticationEntryPoint(entryPoint)
            .accessDeniedHandler((req, res, e) -> problem(json, res, HttpStatus.FORBIDDEN, "You are not allowed to do this")))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(new AntPathRequestMatcher("/api/public/**")).permitAll()
            .requestMatchers(SecurityConfig::changesSomething).access(SecurityConfig::mayChange)
            .anyRequest().access(SecurityConfig::mayPassBeyondTheMetrics))
        .addFilterBefore(webappSession, BasicAuthenticationFilter.class)
        .addFilterAfter(bridge, BasicAuthenticationFilter.class);
    return http.build();
  }

  /** HTTP Basic through our provider (throttled), no session of the chain's own, no Spring CSRF (see each chain). */
  private static HttpSecurity statelessBasic(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
      AuthenticationEntryPoint entryPoint) throws Exception {
    return http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authenticationManager(new ProviderManager(provider))
        .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint));
  }

  /** Anything but GET, HEAD, OPTIONS and TRACE asks to change something. */
  static boolean changesSomething(HttpServletRequest request) {
    return !Set.of("GET", "HEAD", "OPTIONS", "TRACE").contains(request.getMethod());
  }

  /**
   * Auditors change nothing (issue 9): a user whose roles are all read-only ({@link Roles#READ_ONLY}) is refused every
   * change through {@code /api} before the request reaches a controller, whatever its body; the engine's
   * authorizations refuse the same at engine REST and in the webapps.
   */
  static AuthorizationDecision mayChange(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
    Authentication user = authentication.get();
    if (!mayPassBeyondTheMetrics(authentication, context).isGranted()) {
      return new AuthorizationDecision(false);
    }
    boolean writer = user.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_"))
        .map(a -> a.substring("ROLE_".length()))
        .anyMatch(role -> !Roles.READ_ONLY.contains(role));
    return new AuthorizationDecision(writer);
  }

  /**
   * Any logged-in user but the metrics scraper's identity ({@link Roles#METRICS_ONLY}): it reads
   * {@code /actuator/prometheus} and is refused (403) at every other door, whatever grants its groups get by hand.
   */
  static AuthorizationDecision mayPassBeyondTheMetrics(Supplier<Authentication> authentication,
      RequestAuthorizationContext context) {
    Authentication user = authentication.get();
    if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
      return new AuthorizationDecision(false);
    }
    List<String> roles = user.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_"))
        .map(a -> a.substring("ROLE_".length()))
        .toList();
    return new AuthorizationDecision(roles.isEmpty() || !Roles.METRICS_ONLY.containsAll(roles));
  }

  @Bean
  @Order(2)
  SecurityFilterChain engineRestChain(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
      EngineAuthenticationBridge bridge, ObjectMapper json) throws Exception {
    AuthenticationEntryPoint entryPoint = (req, res, e) -> engineRefusal(json, res, e);
    // an explicit servlet-path matcher: engine REST is a Jersey servlet, not Spring MVC
    statelessBasic(http.securityMatcher(new AntPathRequestMatcher("/engine-rest/**")), provider, entryPoint)
        .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint)
            .accessDeniedHandler((req, res, e) -> engineForbidden(json, res)))
        .authorizeHttpRequests(auth -> auth.anyRequest().access(SecurityConfig::mayPassBeyondTheMetrics))
        .addFilterAfter(bridge, BasicAuthenticationFilter.class);
    return http.build();
  }

  /**
   * The metrics Prometheus scrapes ({@code /actuator/prometheus}): counts and timings, no personal data, yet they tell
   * how the programme runs; the credentials of an administrator or of the scraper's own identity (group
   * {@link Roles#MONITORING}, which can do nothing else), HTTP Basic throttled like every login; 401 without, 403 for
   * another role. Health and its probes stay open, with no details.
   */
  @Bean
  @Order(3)
  SecurityFilterChain metricsChain(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
      ObjectMapper json) throws Exception {
    AuthenticationEntryPoint entryPoint = (req, res, e) -> apiRefusal(json, req, res, e);
    statelessBasic(http.securityMatcher(new AntPathRequestMatcher("/actuator/prometheus/**")), provider, entryPoint)
        .exceptionHandling(ex -> ex
            .authenticationEntryPoint(entryPoint)
            .accessDeniedHandler((req, res, e) -> problem(json, res, HttpStatus.FORBIDDEN,
                "Only administrators and the monitoring identity read the metrics")))
        .authorizeHttpRequests(auth -> auth.anyRequest()
            .hasAnyRole(Roles.METRICS_READERS.toArray(String[]::new)));
    return http.build();
  }

  @Bean
  @Order(4)
  SecurityFilterChain otherChain(HttpSecurity http, SupersededSessions supersededSessions) throws Exception {
    // the webapps guard themselves (session login, CSRF); the rest is public metadata and health
    http.csrf(csrf -> csrf.disable())
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .addFilterBefore(supersededSessions, BasicAuthenticationFilter.class);
    return http.build();
  }

  /**
   * A request the firewall refuses before any chain (an unknown method, an encoded semicolon in the path): 400 in
   * problem+json, like every other error, without repeating the request.
   */
  @Bean
  RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
    return (req, res, e) -> problem(json, res, HttpStatus.BAD_REQUEST, "The request is not valid");
  }

  /** The webapp session's door runs inside the API chain only, not as a servlet filter of its own. */
  @Bean
  FilterRegistrationBean<WebappSessionAuthentication> webappSessionAuthenticationRegistration(
      WebappSessionAuthentication webappSession) {
    FilterRegistrationBean<WebappSessionAuthentication> registration = new FilterRegistrationBean<>(webappSession);
    registration.setEnabled(false);
    return registration;
  }

  /** The webapps' guard of a login's new session runs inside their chain only, before any webapp filter. */
  @Bean
  FilterRegistrationBean<SupersededSessions> supersededSessionsRegistration(SupersededSessions supersededSessions) {
    FilterRegistrationBean<SupersededSessions> registration = new FilterRegistrationBean<>(supersededSessions);
    registration.setEnabled(false);
    return registration;
  }

  /** The bridge runs inside the API and engine REST chains only, not as a servlet filter of its own. */
  @Bean
  FilterRegistrationBean<EngineAuthenticationBridge> engineAuthenticationBridgeRegistration(EngineAuthenticationBridge bridge) {
    FilterRegistrationBean<EngineAuthenticationBridge> registration = new FilterRegistrationBean<>(bridge);
    registration.setEnabled(false);
    return registration;
  }

  @Bean
  FilterRegistrationBean<WebappLoginThrottleFilter> webappLoginThrottle(LoginThrottle throttle, ObjectMapper json) {
    FilterRegistrationBean<WebappLoginThrottleFilter> registration =
        new FilterRegistrationBean<>(new WebappLoginThrottleFilter(throttle, json));
    registration.setName("webapp-login-throttle");
    registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
    return registration;
  }

  static void apiRefusal(ObjectMapper json, HttpServletRequest req, HttpServletResponse res, AuthenticationException e)
      throws IOException {
    if (e instanceof LoginThrottledException throttled) {
      res.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
      problem(json, res, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins: try again in "
          + throttled.retryAfterSeconds() + " seconds");
      return;
    }
    if (ErrorCauses.isDatabaseUnavailable(e)) {
      // the users are in the database: while it is out of reach nobody can be checked, and it is not their fault
      res.setHeader(HttpHeaders.RETRY_AFTER, ErrorCauses.UNAVAILABLE_RETRY_AFTER_SECONDS);
      problem(json, res, HttpStatus.SERVICE_UNAVAILABLE, ErrorCauses.UNAVAILABLE_MESSAGE);
      return;
    }
    // a script of our pages (X-Requested-With) handles the 401 itself: no challenge, or the browser would open its own
    // login box over the page
    if (!"XMLHttpRequest".equals(req.getHeader("X-Requested-With"))) {
      res.setHeader("WWW-Authenticate", "Basic realm=\"erp-pathways\"");
    }
    problem(json, res, HttpStatus.UNAUTHORIZED, "Log in with HTTP Basic");
  }

  static void engineRefusal(ObjectMapper json, HttpServletResponse res, AuthenticationException e) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    if (e instanceof LoginThrottledException throttled) {
      res.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
      res.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      body.put("type", "LoginThrottledException");
      body.put("message", "Too many failed logins: try again in " + throttled.retryAfterSeconds() + " seconds");
    } else if (ErrorCauses.isDatabaseUnavailable(e)) {
      res.setHeader(HttpHeaders.RETRY_AFTER, ErrorCauses.UNAVAILABLE_RETRY_AFTER_SECONDS);
      res.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
      body.put("type", "ServiceUnavailable");
      body.put("message", ErrorCauses.UNAVAILABLE_MESSAGE);
    } else {
      res.setHeader("WWW-Authenticate", "Basic realm=\"erp-pathways\"");
      res.setStatus(HttpStatus.UNAUTHORIZED.value());
      body.put("type", "AuthenticationException");
      body.put("message", "Log in with HTTP Basic");
    }
    res.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(res.getOutputStream(), body);
  }

  /** 403 in engine REST's format, for the identity kept to the metrics. */
  static void engineForbidden(ObjectMapper json, HttpServletResponse res) throws IOException {
    res.setStatus(HttpStatus.FORBIDDEN.value());
    res.setContentType(MediaType.APPLICATION_JSON_VALUE);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "AuthorizationException");
    body.put("message", "This identity reads the metrics only");
    json.writeValue(res.getOutputStream(), body);
  }

  static void problem(ObjectMapper json, HttpServletResponse res, HttpStatus status, String detail) throws IOException {
    res.setStatus(status.value());
    res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(res.getOutputStream(), ProblemDetail.forStatusAndDetail(status, detail));
  }
}
