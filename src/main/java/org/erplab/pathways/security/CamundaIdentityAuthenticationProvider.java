package org.erplab.pathways.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.erplab.pathways.common.api.ErrorCauses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * One login for our API and engine REST (the webapps' own login passes the same {@link LoginThrottle}): passwords,
 * groups and tenants live in Camunda's identity service.
 *
 * <p>A verified login is kept for {@code security.identity-cache.ttl} (one minute by default), keyed by user id with
 * a salted hash of the password (never the password): a client sending HTTP Basic on every request costs no query
 * after the first, instead of three transactions per request. Any change to users, groups or memberships through any
 * door empties the cache ({@link #forgetAll()}); on the other nodes the entries expire within the TTL.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  static final int MAX_USER_ID_LENGTH = 128;

  private final IdentityService identityService;
  private final LoginThrottle throttle;
  private final Cache<String, VerifiedLogin> logins;
  private final byte[] salt = new byte[32];

  public CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle,
      @Value("${security.identity-cache.ttl:PT1M}") Duration ttl) {
    this.identityService = identityService;
    this.throttle = throttle;
    this.logins = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
    new SecureRandom().nextBytes(salt);
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    try {
      return check(authentication);
    } catch (RuntimeException e) {
      if (!(e instanceof AuthenticationException) && ErrorCauses.isDatabaseUnavailable(e)) {
        // the door answers 503, not 401: nobody's password was wrong
        throw new InternalAuthenticationServiceException("The database is unavailable", e);
      }
      throw e;
    }
  }

  private Authentication check(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    String address = authentication.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress() : "local";
    throttle.retryAfter(address, userId).ifPresent(wait -> {
      throw new LoginThrottledException(wait);
    });
    AppUser user = verify(userId, credentials == null ? null : credentials.toString(), address);
    if (user == null) {
      throttle.failed(address, userId);
      throw new BadCredentialsException("Invalid user or password");
    }
    List<SimpleGrantedAuthority> authorities = user.roles().stream()
        .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
        .toList();
    return new UsernamePasswordAuthenticationToken(user, null, authorities);
  }

  private AppUser verify(String userId, String password, String address) {
    if (userId == null || password == null || userId.isBlank() || userId.length() > MAX_USER_ID_LENGTH) {
      return null;
    }
    String hash = hash(userId, password);
    VerifiedLogin known = logins.getIfPresent(userId);
    if (known != null && MessageDigest.isEqual(known.hash().getBytes(StandardCharsets.UTF_8),
        hash.getBytes(StandardCharsets.UTF_8))) {
      return known.user();
    }
    if (!identityService.checkPassword(userId, password)) {
      return null;
    }
    AppUser user = load(userId);
    logins.put(userId, new VerifiedLogin(hash, user));
    throttle.succeeded(address, userId);
    return user;
  }

  /** Forgets every verified login: the next request of each user reloads groups and tenants. */
  public void forgetAll() {
    logins.invalidateAll();
  }

  public AppUser load(String userId) {
    List<Group> groups = identityService.createGroupQuery().groupMember(userId).list();
    Set<String> roles = groups.stream()
        .filter(g -> Roles.GROUP_TYPE.equals(g.getType()) && Roles.ALL.contains(g.getId()))
        .map(Group::getId)
        .collect(Collectors.toUnmodifiableSet());
    String organisation = groups.stream()
        .filter(g -> Roles.ORGANISATION_TYPE.equals(g.getType()))
        .map(Group::getId)
        .findFirst()
        .orElse(null);
    Set<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
        .stream()
        .map(Tenant::getId)
        .collect(Collectors.toUnmodifiableSet());
    return new AppUser(userId, roles, organisation, tenants);
  }

  private String hash(String userId, String password) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(salt);
      digest.update(userId.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      return java.util.HexFormat.of().formatHex(digest.digest(password.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private record VerifiedLogin(String hash, AppUser user) {}
}
