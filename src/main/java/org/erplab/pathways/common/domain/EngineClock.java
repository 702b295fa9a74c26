package org.erplab.pathways.common.domain;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * "Now" for the records we keep beside the engine: the engine's clock, so that a record and the deadlines and
 * history of the same step agree when the clock is moved (tests, trainers' demos).
 */
public final class EngineClock {

  public static final ZoneId ZONE = ZoneId.of("Europe/Rome");

  private EngineClock() {}

  public static OffsetDateTime now() {
    return OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZONE);
  }
}
