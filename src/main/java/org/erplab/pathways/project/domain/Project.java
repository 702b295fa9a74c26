package org.erplab.pathways.project.domain;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

/**
 * A territorial project; its code is the Camunda tenant id of every pathway it runs. Its patron day is a local
 * non-working day, named after its saint ({@code patronDayName}, e.g. Sant'Ambrogio; may be null).
 */
public record Project(
    String code,
    String name,
    String municipality,
    String province,
    MonthDay patronDay,
    String patronDayName,
    LocalDate startDate,
    LocalDate endDate) {

  public Optional<MonthDay> patronDayIfAny() {
    return Optional.ofNullable(patronDay);
  }
}
