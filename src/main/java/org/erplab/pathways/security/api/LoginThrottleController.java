package org.erplab.pathways.security.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.LoginThrottle;
import org.erplab.pathways.security.Roles;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators see the login throttles (which user, from which address, how many failures, blocked until when)
 * and clear one or all of them, e.g. when a colleague behind the same address as a guesser cannot log in.
 */
@RestController
// JSON only: a caller that accepts nothing else gets 406 before anything happens
@RequestMapping(path = "/api/admin/login-throttles", produces = MediaType.APPLICATION_JSON_VALUE)
class LoginThrottleController {

  private final LoginThrottle throttle;

  LoginThrottleController(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @GetMapping
  List<ThrottleView> list(@AuthenticationPrincipal AppUser user) {
    requireAdmin(user);
    return throttle.entries().stream()
        .map(e -> new ThrottleView(e.key(), e.failures(), e.lastFailureAt(), e.blockedUntil()))
        .toList();
  }

  /** Clears the throttle with that key, or every throttle without one. */
  @DeleteMapping
  Map<String, Integer> clear(@RequestParam(required = false) String key, @AuthenticationPrincipal AppUser user) {
    requireAdmin(user);
    return Map.of("cleared", throttle.clear(key));
  }

  private static void requireAdmin(AppUser user) {
    if (!user.hasRole(Roles.ADMIN)) {
      throw ApiException.forbidden("Only administrators manage login throttles");
    }
  }

  /**
   * One throttle: {@code key} is {@code u:<address>|<user>} (a user from an address) or {@code a:<address>} (an
   * address across users).
   */
  record ThrottleView(String key, int failures, OffsetDateTime lastFailureAt, OffsetDateTime blockedUntil) {}
}
