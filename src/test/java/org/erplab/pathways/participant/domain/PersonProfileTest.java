package org.erplab.pathways.participant.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The facts kept with a pathway for the indicators: age band on the day of the intake, citizenship area. */
class PersonProfileTest {

  @ParameterizedTest(name = "born {0}, taken in charge {1}: {2}")
  @CsvSource({
      "2001-12-03, 2026-12-02, UNDER_25",
      "2001-12-02, 2026-12-02, 25_29",
      "1996-12-03, 2026-12-02, 25_29",
      "1996-12-02, 2026-12-02, 30_54",
      "1971-12-03, 2026-12-02, 30_54",
      "1971-12-02, 2026-12-02, 55_PLUS"})
  void shouldBandTheAgeOnTheDayOfTheIntake(LocalDate birth, LocalDate intake, String band) {
    assertThat(PersonProfile.of(person(birth, "IT"), intake, "IT").ageBand()).isEqualTo(band);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({"IT, IT", "FR, EU", "GR, EU", "RO, EU", "CH, NON_EU", "MA, NON_EU", "GB, NON_EU", ", UNKNOWN"})
  void shouldGroupTheCitizenshipByArea(String country, String area) {
    assertThat(PersonProfile.of(person(LocalDate.of(1990, 1, 1), country), LocalDate.of(2026, 1, 1), "UNKNOWN")
        .citizenshipArea()).isEqualTo(area);
  }

  private static Participant person(LocalDate birth, String citizenship) {
    return new Participant(UUID.randomUUID(), "P", "RSSMRA90A01F205X", "Mario", "Rossi", birth, "M", citizenship, null,
        null, null, null, OffsetDateTime.now());
  }
}
