package org.erplab.pathways.pathway.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Rate limits of the public registration form: per source address and overall (token buckets, refilled steadily).
 * A flood (200 registrations in four seconds, measured on the foundation) would bury the lab's own work under
 * call-back tasks; beyond the limits the form answers 429 with {@code Retry-After} and nothing is registered.
 * Limits are per node ({@code public-registration.rate-limit.*}); with two nodes the overall limit is twice the
 * configured one.
 */
@Component
public class RegistrationLimiter {

  private volatile Settings settings;
  private volatile Cache<String, Bucket> byAddress;
  private volatile Bucket overall;

  RegistrationLimiter(Settings settings) {
    apply(settings);
  }

  /** How long to wait before trying again, if the registration is over a limit; the attempt counts otherwise. */
  Optional<Duration> tryAcquire(String address) {
    Bucket own = byAddress.get(address, key -> bucket(settings.perAddress(), settings.perAddressPeriod()));
    ConsumptionProbe ownProbe = own.tryConsumeAndReturnRemaining(1);
    if (!ownProbe.isConsumed()) {
      return Optional.of(Duration.ofNanos(ownProbe.getNanosToWaitForRefill()));
    }
    ConsumptionProbe overallProbe = overall.tryConsumeAndReturnRemaining(1);
    if (!overallProbe.isConsumed()) {
      own.addTokens(1);
      return Optional.of(Duration.ofNanos(overallProbe.getNanosToWaitForRefill()));
    }
    return Optional.empty();
  }

  /** Starts afresh with these limits (configuration; tests tighten them). */
  public synchronized void apply(Settings settings) {
    this.settings = settings;
    this.byAddress = Caffeine.newBuilder().expireAfterAccess(settings.perAddressPeriod()).maximumSize(100_000).build();
    this.overall = bucket(settings.overall(), settings.overallPeriod());
  }

  public Settings settings() {
    return settings;
  }

  private static Bucket bucket(int registrations, Duration period) {
    return Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(registrations).refillGreedy(registrations, period).build())
        .build();
  }

  /**
   * {@code public-registration.rate-limit.*}: registrations allowed per source address in a period, and overall in a
   * period (per node).
   */
  @ConfigurationProperties("public-registration.rate-limit")
  public record Settings(Integer perAddress, Duration perAddressPeriod, Integer overall, Duration overallPeriod) {

    public Settings {
      perAddress = perAddress == null ? 5 : perAddress;
      perAddressPeriod = perAddressPeriod == null ? Duration.ofMinutes(10) : perAddressPeriod;
      overall = overall == null ? 60 : overall;
      overallPeriod = overallPeriod == null ? Duration.ofMinutes(10) : overallPeriod;
    }
  }
}
