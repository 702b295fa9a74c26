package org.erplab.pathways.worklist.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.erplab.pathways.common.domain.FieldError;

/**
 * Checks the values a task is completed with against the task's Camunda Form, as Tasklist does in the browser and as
 * the engine does at every door: only the form's fields, each required one given, each of the right type, within its
 * allowed values, length, pattern and range. A yes/no answer is a boolean; a date is a real day
 * ({@value #EARLIEST_DAY} to {@value #LATEST_DAY}) written {@code yyyy-MM-dd}. Messages name the rule, never the value.
 */
public final class FormValidation {

  static final String EARLIEST_DAY = "1900-01-01";
  static final String LATEST_DAY = "2099-12-31";

  private FormValidation() {}

  /** @return every problem of the values, in the order of the form; empty when the values may complete the task */
  public static List<FieldError> validate(List<FormField> fields, Map<String, ?> values) {
    Map<String, ?> given = values == null ? Map.of() : values;
    List<FieldError> errors = new ArrayList<>();
    for (String key : given.keySet()) {
      if (fields.stream().noneMatch(f -> f.key().equals(key))) {
        errors.add(FieldError.ofSentName(key, "is not a field of this task's form"));
      }
    }
    for (FormField field : fields) {
      Object value = given.get(field.key());
      if (isEmpty(field, value)) {
        if (field.required()) {
          errors.add(new FieldError(field.key(), "is required"));
        }
        continue;
      }
      String error = check(field, value);
      if (error != null) {
        errors.add(new FieldError(field.key(), error));
      }
    }
    return errors;
  }

  /** Not given: nothing, blank text, or an empty list for a field that takes a list (a list is no answer to others). */
  private static boolean isEmpty(FormField field, Object value) {
    return value == null
        || (value instanceof String s && s.isBlank())
        || (value instanceof Collection<?> c && c.isEmpty() && takesList(field));
  }

  private static boolean takesList(FormField field) {
    return field.type().equals("checklist") || field.type().equals("taglist");
  }

  private static String check(FormField field, Object value) {
    switch (field.type()) {
      case "checkbox":
        if (!(value instanceof Boolean b)) {
          return "must be true or false";
        }
        // a required checkbox is an acknowledgement: it must be ticked
        return field.required() && !b ? "must be confirmed" : null;
      case "number":
        if (!(value instanceof Number n)) {
          return "must be a number";
        }
        if (field.min() != null && n.doubleValue() < field.min()) {
          return "must be at least " + field.min();
        }
        if (field.max() != null && n.doubleValue() > field.max()) {
          return "must be at most " + field.max();
        }
        return null;
      case "select":
      case "radio":
        if (field.dynamicValues()) {
          return value instanceof String ? null : "must be one of the listed values";
        }
        return field.allowedValues().contains(value) ? null : "must be one of " + field.allowedValues();
      case "checklist":
      case "taglist":
        if (!(value instanceof Collection<?> items)) {
          return "must be a list of " + field.allowedValues();
        }
        for (Object item : items) {
          if (!field.allowedValues().contains(item)) {
            return "must be a list of " + field.allowedValues();
          }
        }
        return null;
      case "datetime":
        return checkDate(value);
      default: // textfield, textarea
        if (!(value instanceof String s)) {
          return "must be text";
        }
        if (field.maxLength() != null && s.length() > field.maxLength()) {
          return "must be at most " + field.maxLength() + " characters";
        }
        if (field.minLength() != null && s.length() < field.minLength()) {
          return "must be at least " + field.minLength() + " characters";
        }
        if (field.pattern() != null && !Pattern.compile(field.pattern()).matcher(s).matches()) {
          return "does not have the expected format";
        }
        return null;
    }
  }

  private static String checkDate(Object value) {
    if (!(value instanceof String s) || !s.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return "must be a date written yyyy-MM-dd";
    }
    try {
      LocalDate day = LocalDate.parse(s);
      if (day.isBefore(LocalDate.parse(EARLIEST_DAY)) || day.isAfter(LocalDate.parse(LATEST_DAY))) {
        return "must be a date between " + EARLIEST_DAY + " and " + LATEST_DAY;
      }
      return null;
    } catch (DateTimeParseException e) {
      return "must be a date written yyyy-MM-dd";
    }
  }
}
