package org.erplab.pathways.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.security.infrastructure.LoginThrottleRecords;
import org.erplab.pathways.security.infrastructure.LoginThrottleRecords.Entry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed logins are throttled per source address and user id, and per source address across users, with a delay
 * that doubles after a few free failures and never becomes a permanent lock: somebody who knows a user id cannot lock
 * that user out from elsewhere, and a person who mistypes a password is slowed down, not locked. The same throttle
 * guards every door (our API, engine REST, the webapps' login); a throttled attempt is answered 429 with
 * {@code Retry-After}, without checking the password, so a throttled guesser learns nothing.
 *
 * <p>State is kept in table {@code login_throttle}, shared by every node, and mirrored in memory (refreshed every
 * {@code sync-interval}) so that checking costs no query. Administrators see and clear it
 * ({@code /api/admin/login-throttles}).
 */
@Service
public class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  private final LoginThrottleRecords records;
  private final Settings settings;
  private final Clock clock;
  private final Map<String, Instant> blocked = new ConcurrentHashMap<>();
  private volatile Instant syncedAt = Instant.EPOCH;

  /** On the engine's clock ({@link EngineClock#clock()}): a test moves time instead of waiting. */
  @org.springframework.beans.factory.annotation.Autowired
  public LoginThrottle(LoginThrottleRecords records, Settings settings) {
    this(records, settings, EngineClock.clock());
  }

  LoginThrottle(LoginThrottleRecords records, Settings settings, Clock clock) {
    this.records = records;
    this.settings = settings;
    this.clock = clock;
  }

  /** How long the caller must wait before trying again, if it is throttled. */
  public Optional<Duration> retryAfter(String address, String userId) {
    if (!settings.enabled()) {
      return Optional.empty();
    }
    refreshIfStale();
    Instant now = clock.instant();
    Instant until = latest(blocked.get(userKey(address, userId)), blocked.get(addressKey(address)));
    // a block longer than the longest delay was set while the clock stood ahead (a demo clock moved forward and
    // back): it does not lock anybody out until the real time catches up
    return until != null && until.isAfter(now) && !until.isAfter(now.plus(settings.maxDelay()))
        ? Optional.of(Duration.between(now, until)) : Optional.empty();
  }

  /** Records a failed login; the next attempts of this user from this address, and of this address, may wait. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void failed(String address, String userId) {
    if (!settings.enabled()) {
      return;
    }
    Instant now = clock.instant();
    record(userKey(address, userId), settings.freeFailures(), now);
    record(addressKey(address), settings.addressFreeFailures(), now);
  }

  /** A successful login from this address clears the user's throttle there (not the address's). */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void succeeded(String address, String userId) {
    if (!settings.enabled()) {
      return;
    }
    String key = userKey(address, userId);
    blocked.remove(key);
    records.delete(key);
  }

  /** The throttles that make somebody wait now (users at an address, and addresses), as this node knows them. */
  public long blockedNow() {
    Instant now = clock.instant();
    return blocked.values().stream().filter(until -> until.isAfter(now)).count();
  }

  /** Every recorded throttle, blocked or merely counting failures. */
  @Transactional(readOnly = true)
  public List<Entry> entries() {
    return records.all();
  }

  /** Clears one throttle (by key) or, with {@code null}, all of them, on every node within the sync interval. */
  @Transactional
  public int clear(String key) {
    int cleared;
    if (key == null) {
      cleared = records.deleteAll();
      blocked.clear();
    } else {
      cleared = records.delete(key);
      blocked.remove(key);
    }
    LOG.info("Login throttles cleared: {}", cleared);
    return cleared;
  }

  private void record(String key, int freeFailures, Instant now) {
    Entry previous = records.find(key).orElse(null);
    boolean forgotten = previous == null
        || previous.lastFailureAt().toInstant().isBefore(now.minus(settings.forgetAfter()))
        || previous.lastFailureAt().toInstant().isAfter(now);
    int failures = forgotten ? 1 : previous.failures() + 1;
    Duration delay = delay(failures, freeFailures);
    Instant until = delay.isZero() ? null : now.plus(delay);
    records.save(new Entry(key, failures, at(now), until == null ? null : at(until)));
    if (until != null) {
      blocked.merge(key, until, LoginThrottle::latest);
      if (failures == freeFailures + 1) {
        LOG.warn("Failed logins throttled for {}", key.startsWith("a:") ? "a source address" : "a user at an address");
      }
    }
  }

  /** No wait for the first {@code freeFailures}; then the base delay, doubled at each failure, up to the maximum. */
  Duration delay(int failures, int freeFailures) {
    int over = failures - freeFailures;
    if (over <= 0) {
      return Duration.ZERO;
    }
    Duration delay = settings.baseDelay();
    for (int i = 1; i < over && delay.compareTo(settings.maxDelay()) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
  }

  private void refreshIfStale() {
    Instant now = clock.instant();
    // read again also when the clock went back (a demo clock reset)
    if (syncedAt.isAfter(now.minus(settings.syncInterval())) && !syncedAt.isAfter(now)) {
      return;
    }
    syncedAt = now;
    try {
      Map<String, Instant> active = new HashMap<>();
      for (Entry entry : records.blockedAfter(at(now))) {
        active.put(entry.key(), entry.blockedUntil().toInstant());
      }
      // the shared table is the truth: throttles cleared by an administrator (on any node) or expired go
      blocked.keySet().retainAll(active.keySet());
      active.forEach((key, until) -> blocked.merge(key, until, LoginThrottle::latest));
    } catch (RuntimeException e) {
      LOG.warn("Login throttles could not be read; keeping the last known ones: {}", e.getClass().getSimpleName());
    }
  }

  private static Instant latest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  private static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static String userKey(String address, String userId) {
    String user = userId == null ? "" : userId.length() > 200 ? userId.substring(0, 200) : userId;
    return "u:" + address + "|" + user;
  }

  static String addressKey(String address) {
    return "a:" + address;
  }

  /**
   * {@code security.login-throttle.*}: free failures per user and address before the first delay, per address
   * across users, the first delay (doubled at each further failure) and its maximum, after how long without failures
   * the count starts again, and how often a node re-reads the shared state.
   */
  @ConfigurationProperties("security.login-throttle")
  public record Settings(Boolean enabled, Integer freeFailures, Integer addressFreeFailures, Duration baseDelay,
      Duration maxDelay, Duration forgetAfter, Duration syncInterval) {

    public Settings {
      enabled = enabled == null || enabled;
      freeFailures = freeFailures == null ? 3 : freeFailures;
      addressFreeFailures = addressFreeFailures == null ? 30 : addressFreeFailures;
      baseDelay = baseDelay == null ? Duration.ofSeconds(2) : baseDelay;
      maxDelay = maxDelay == null ? Duration.ofMinutes(15) : maxDelay;
      forgetAfter = forgetAfter == null ? Duration.ofHours(1) : forgetAfter;
      syncInterval = syncInterval == null ? Duration.ofSeconds(5) : syncInterval;
    }
  }
}
