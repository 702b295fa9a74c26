package org.erplab.pathways.participant.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The few non-identifying facts the indicators count pathways by, taken from the person when a pathway starts and
 * kept with it (table {@code pathway_profile}) after the identity is erased (ADR 0036): gender, age band at intake,
 * citizenship area, the age in whole years (the committee's bands and mean age, ADR 0040) and the area of origin
 * (IT, one of {@link #ORIGIN_AREAS}, UNKNOWN).
 */
public record PersonProfile(String gender, String ageBand, String citizenshipArea, Integer ageYears,
    String originArea) {

  public static final String ITALY = "IT";
  public static final String UNKNOWN = "UNKNOWN";
  public static final String OTHER_AREA = "OTHER";

  /**
   * The areas of origin of foreign citizens (the evaluation's figure 3.4), as table {@code origin_area_country} maps
   * their countries; a country it does not list is OTHER.
   */
  public static final List<String> ORIGIN_AREAS = List.of("MAGHREB_NEAR_EAST", "EASTERN_EUROPE",
      "SUB_SAHARAN_AFRICA", "ASIA", "LATIN_AMERICA", OTHER_AREA);

  /** The other member states of the European Union (ISO 3166-1 alpha-2; Greece as GR). */
  static final Set<String> EU = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR",
      "HU", "IE", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

  /** The person's facts on the day of the intake; {@code originArea}: the area of their citizenship. */
  public static PersonProfile of(Participant person, LocalDate intake, String originArea) {
    int age = ParticipantRegistry.age(person.birthDate(), intake);
    return new PersonProfile(person.gender(), ageBand(age), citizenshipArea(person.citizenship()), age, originArea);
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
      return UNKNOWN;
    }
    if (country.equals(ITALY)) {
      return ITALY;
    }
    return EU.contains(country) ? "EU" : "NON_EU";
  }
}
