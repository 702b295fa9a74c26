package org.erplab.pathways.pathway.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every attempt at the public registration form counts against its limits ({@link RegistrationLimiter}), valid or
 * not, before anything is read or stored: over a limit, 429 problem+json with {@code Retry-After}.
 */
@Configuration
class RegistrationRateLimitFilter {

  static final String PATH = "/api/public/registrations";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> registrationRateLimit(RegistrationLimiter limiter, ObjectMapper json) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !PATH.equals(request.getRequestURI());
      }

      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        Optional<Duration> wait = limiter.tryAcquire(request.getRemoteAddr());
        if (wait.isEmpty()) {
          chain.doFilter(request, response);
          return;
        }
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
            "Troppe registrazioni in poco tempo: riprova tra " + seconds + " secondi"));
      }
    });
    registration.setName("public-registration-rate-limit");
    registration.addUrlPatterns(PATH);
    return registration;
  }
}
