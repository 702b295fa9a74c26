package org.erplab.pathways.common.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * "Now" and "today" for the records we keep beside the engine: the engine's clock, so that a record and the deadlines
 * and history of the same step agree when the clock is moved (tests, trainers' demos). {@link #ZONE} is the one time
 * zone of the application: days of deadlines, instants shown by the API, JSON dates.
 */
public final class EngineClock {

  public static final ZoneId ZONE = ZoneId.of("Europe/Rome");

  private static final Clock CLOCK = new EngineTime(ZONE);

  private EngineClock() {}

  public static OffsetDateTime now() {
    return OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZONE);
  }

  /** The engine's current day in {@link #ZONE}. */
  public static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZONE);
  }

  /** A {@link Clock} in {@link #ZONE} that reads the engine's clock at every call (it moves when the engine's does). */
  public static Clock clock() {
    return CLOCK;
  }

  private static final class EngineTime extends Clock {

    private final ZoneId zone;

    EngineTime(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return zone.equals(other) ? this : new EngineTime(other);
    }

    @Override
    public Instant instant() {
      return ClockUtil.getCurrentTime().toInstant();
    }
  }
}
