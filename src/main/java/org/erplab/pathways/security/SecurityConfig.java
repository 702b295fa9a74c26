package org.erplab.pathways.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Three doors, one identity store (Camunda's):
 * <ul>
 *   <li>{@code /api/**}: HTTP Basic against the identity service, stateless; {@code /api/public/**} needs no login;
 *   <li>{@code /engine-rest/**}: Camunda's own authentication filter (HTTP Basic), so authorizations and tenant checks
 *       apply to every engine REST call;
 *   <li>{@code /camunda/**}: the webapps, with their own session login and CSRF protection.
 * </ul>
 */
@Configuration
public class SecurityConfig {

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
      EngineAuthenticationBridge bridge, ObjectMapper json) throws Exception {
    http.securityMatcher("/api/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authenticationManager(new ProviderManager(provider))
        .httpBasic(basic -> basic.authenticationEntryPoint((req, res, e) ->
            problem(json, res, HttpStatus.UNAUTHORIZED, "Log in with HTTP Basic", true)))
        .exceptionHandling(ex -> ex
            .authenticationEntryPoint((req, res, e) -> problem(json, res, HttpStatus.UNAUTHORIZED, "Log in with HTTP Basic", true))
            .accessDeniedHandler((req, res, e) -> problem(json, res, HttpStatus.FORBIDDEN, "You are not allowed to do this", false)))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers("/api/public/**").permitAll()
            .anyRequest().authenticated())
        .addFilterAfter(bridge, BasicAuthenticationFilter.class);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain otherChain(HttpSecurity http) throws Exception {
    // engine REST is guarded by Camunda's filter below; the webapps by their own login; the rest is public metadata
    http.csrf(csrf -> csrf.disable())
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
    return http.build();
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-engine-rest-auth");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }

  /** The bridge runs inside the API chain only, not as a servlet filter of its own. */
  @Bean
  FilterRegistrationBean<EngineAuthenticationBridge> engineAuthenticationBridgeRegistration(EngineAuthenticationBridge bridge) {
    FilterRegistrationBean<EngineAuthenticationBridge> registration = new FilterRegistrationBean<>(bridge);
    registration.setEnabled(false);
    return registration;
  }

  static void problem(ObjectMapper json, HttpServletResponse res, HttpStatus status, String detail, boolean challenge)
      throws IOException {
    if (challenge) {
      res.setHeader("WWW-Authenticate", "Basic realm=\"erp-pathways\"");
    }
    res.setStatus(status.value());
    res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(res.getOutputStream(), ProblemDetail.forStatusAndDetail(status, detail));
  }
}
