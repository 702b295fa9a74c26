package org.erplab.pathways.common.api;

import java.util.TimeZone;
import org.erplab.pathways.common.domain.EngineClock;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** JSON dates are written in the application's one zone, {@link EngineClock#ZONE} (not in YAML: one definition). */
@Configuration
class JsonTimeZone {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer engineClockTimeZone() {
    return builder -> builder.timeZone(TimeZone.getTimeZone(EngineClock.ZONE));
  }
}
