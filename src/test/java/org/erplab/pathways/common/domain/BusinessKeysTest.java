package org.erplab.pathways.common.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class BusinessKeysTest {

  @Test
  void shouldReadAPathwaysIdFromItsBusinessKey() {
    UUID id = UUID.randomUUID();

    assertThat(BusinessKeys.pathwayId(id.toString())).isEqualTo(id);
  }

  @Test
  void shouldFindNoPathwayInAnotherKey() {
    assertThat(BusinessKeys.pathwayId(null)).isNull();
    assertThat(BusinessKeys.pathwayId("programme-LORENTEGGIO")).isNull();
    assertThat(BusinessKeys.pathwayId("1-2-3-4-5")).as("UUID.fromString would take it").isNull();
    assertThat(BusinessKeys.pathwayId("zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz")).isNull();
  }
}
