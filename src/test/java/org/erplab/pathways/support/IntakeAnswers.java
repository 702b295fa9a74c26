package org.erplab.pathways.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Answers of the intake interview form ({@code forms/intake/intake-interview.form}), keyed by field key. */
public final class IntakeAnswers {

  private IntakeAnswers() {}

  /** Valid answers that make an adult ELIGIBLE; a new mutable map each time. */
  public static Map<String, Object> eligible() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("consentGiven", true);
    values.put("residentInErp", true);
    values.put("housingHardship", true);
    values.put("employmentStatus", "UNEMPLOYED");
    values.put("hasDid", true);
    values.put("education", "UPPER_SECONDARY");
    values.put("naspiRecipient", false);
    values.put("otherMeasure", "NONE");
    values.put("permitStatus", "NOT_REQUIRED");
    values.put("vulnerabilities", List.of("NONE"));
    values.put("note", "Colloquio svolto in sede");
    return values;
  }

  /** The eligible answers with some of them changed. */
  public static Map<String, Object> eligibleWith(Map<String, Object> overrides) {
    Map<String, Object> values = eligible();
    values.putAll(overrides);
    return values;
  }
}
