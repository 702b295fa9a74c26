package org.erplab.pathways.participant.infrastructure;

import org.erplab.pathways.participant.domain.PersonProfile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table {@code origin_area_country} (V30): the area of origin a country of citizenship counts in (the evaluation's
 * figure 3.4), kept as data so that managers can move a country without a release.
 */
@Repository
public class OriginAreas {

  private final JdbcClient jdbc;

  public OriginAreas(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The area of origin of a citizen of {@code country} (ISO 3166-1 alpha-2): IT for Italy, UNKNOWN when not known,
   * else the table's area of the country, {@code OTHER} when the table has none.
   */
  public String of(String country) {
    if (country == null) {
      return PersonProfile.UNKNOWN;
    }
    if (country.equals(PersonProfile.ITALY)) {
      return PersonProfile.ITALY;
    }
    return jdbc.sql("select origin_area from origin_area_country where country_code = ?").param(country)
        .query(String.class).optional().orElse(PersonProfile.OTHER_AREA);
  }
}
