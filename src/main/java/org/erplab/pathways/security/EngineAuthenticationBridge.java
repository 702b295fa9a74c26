package org.erplab.pathways.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the API caller to the engine for the length of the request, so that every engine call made on its behalf
 * is checked by Camunda's authorizations and tenant check (a user never sees another project's pathways), and
 * history records who did what.
 */
@Component
public class EngineAuthenticationBridge extends OncePerRequestFilter {

  private final IdentityService identityService;

  public EngineAuthenticationBridge(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !(authentication.getPrincipal() instanceof AppUser user)) {
      chain.doFilter(request, response);
      return;
    }
    identityService.setAuthentication(user.id(), user.groups(), List.copyOf(user.tenants()));
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
