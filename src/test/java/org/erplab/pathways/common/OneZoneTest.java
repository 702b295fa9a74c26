package org.erplab.pathways.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.TimeZone;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One zone ({@link EngineClock#ZONE}) and one clock (the engine's) for days, instants and JSON. */
@PathwaysSpringTest
class OneZoneTest {

  private final ObjectMapper json;

  @Autowired
  OneZoneTest(ObjectMapper json) {
    this.json = json;
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldWriteJsonDatesInTheEngineClocksZone() throws Exception {
    assertThat(json.getSerializationConfig().getTimeZone()).isEqualTo(TimeZone.getTimeZone(EngineClock.ZONE));
  }

  @Test
  void shouldTakeTodayAndNowFromTheEngineClockInRome() {
    // 23:30 UTC on 31 December 2026 is already 1 January 2027 in Rome
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(LocalDate.of(2026, 12, 31), LocalTime.of(23, 30),
        java.time.ZoneOffset.UTC).toInstant()));

    assertThat(EngineClock.today()).isEqualTo(LocalDate.of(2027, 1, 1));
    assertThat(LocalDate.now(EngineClock.clock())).isEqualTo(LocalDate.of(2027, 1, 1));
    assertThat(EngineClock.clock().instant()).isEqualTo(ClockUtil.getCurrentTime().toInstant());
    assertThat(EngineClock.now().getOffset().getTotalSeconds()).isEqualTo(3600);

    ClockUtil.offset(86_400_000L);
    assertThat(EngineClock.clock().millis()).isCloseTo(System.currentTimeMillis() + 86_400_000L,
        org.assertj.core.data.Offset.offset(5_000L));
  }
}
