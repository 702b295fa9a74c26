package org.erplab.pathways.common.api;

import static org.erplab.pathways.common.domain.EngineClock.ZONE;

import java.time.OffsetDateTime;
import java.util.Date;
import org.erplab.pathways.common.domain.EngineClock;

/** Instants shown to people and other systems are in the application's one zone, {@link EngineClock#ZONE}. */
public final class ApiTime {

  public static OffsetDateTime of(Date date) {
    return date == null ? null : date.toInstant().atZone(ZONE).toOffsetDateTime();
  }

  public static OffsetDateTime of(java.time.Instant instant) {
    return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
  }

  private ApiTime() {}
}
