package org.erplab.pathways.participant.domain;

import java.time.LocalDate;
import java.util.Set;

/**
 * The few non-identifying facts the indicators count pathways by, taken from the person when a pathway starts and
 * kept with it (table {@code pathway_profile}) after the identity is erased (ADR 0036): gender, age band at intake,
 * citizenship area.
 */
public record PersonProfile(String gender, String ageBand, String citizenshipArea) {

  /** The other member states of the European Union (ISO 3166-1 alpha-2; Greece as GR). */
  static final Set<String> EU = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR",
      "HU", "IE", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

  public static PersonProfile of(Participant person, LocalDate intake) {
    return new PersonProfile(person.gender(), ageBand(ParticipantRegistry.age(person.birthDate(), intake)),
        citizenshipArea(person.citizenship()));
  }

  /** UNDER_25, 25_29, 30_54, 55_PLUS: the bands of the ESF+ participant indicators. */
  static String ageBand(int age) {
    if (age < 25) {
      return "UNDER_25";
    }
    if (age < 30) {
      return "25_29";
    }
    return age < 55 ? "30_54" : "55_PLUS";
  }

  /** IT, EU (another member state), NON_EU, UNKNOWN. */
  public static String citizenshipArea(String country) {
    if (country == null) {
      return "UNKNOWN";
    }
    if (country.equals("IT")) {
      return "IT";
    }
    return EU.contains(country) ? "EU" : "NON_EU";
  }
}
