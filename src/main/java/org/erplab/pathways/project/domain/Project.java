package org.erplab.pathways.project.domain;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;

/** A territorial project; its code is the Camunda tenant id of every pathway it runs. */
public record Project(
    String code,
    String name,
    String municipality,
    String province,
    MonthDay patronDay,
    LocalDate startDate,
    LocalDate endDate) {

  public Optional<MonthDay> patronDayIfAny() {
    return Optional.ofNullable(patronDay);
  }
}
