package org.erplab.pathways.common.api;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;

/** Instants shown to people and other systems are in Europe/Rome. */
public final class ApiTime {

  public static final ZoneId ZONE = ZoneId.of("Europe/Rome");

  public static OffsetDateTime of(Date date) {
    return date == null ? null : date.toInstant().atZone(ZONE).toOffsetDateTime();
  }

  public static OffsetDateTime of(java.time.Instant instant) {
    return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
  }

  private ApiTime() {}
}
