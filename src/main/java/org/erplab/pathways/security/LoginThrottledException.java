package org.erplab.pathways.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed logins for this user from this address, or from this address: wait, then try again (429). */
public class LoginThrottledException extends AuthenticationException {

  private final Duration retryAfter;

  public LoginThrottledException(Duration retryAfter) {
    super("Too many failed logins: try again later");
    this.retryAfter = retryAfter;
  }

  /** Whole seconds to wait, at least one. */
  public long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }
}
