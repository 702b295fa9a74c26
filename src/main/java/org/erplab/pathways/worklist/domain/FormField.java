package org.erplab.pathways.worklist.domain;

import java.util.List;

/** One input field of a Camunda Form: its key is the variable name and the API field. */
public record FormField(
    String key,
    String type,
    String subtype,
    String label,
    boolean required,
    /** The static options' values, typed as in the form (text, or true/false for a yes/no radio). */
    List<Object> allowedValues,
    /** The options come from a variable ({@code valuesKey}), so they are checked by the task's own rule. */
    boolean dynamicValues,
    String pattern,
    Double min,
    Double max,
    Integer minLength,
    Integer maxLength,
    Object defaultValue) {}
