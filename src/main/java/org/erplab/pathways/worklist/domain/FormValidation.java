package org.erplab.pathways.worklist.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.erplab.pathways.common.api.ApiException;

/**
 * Validates a task completion against the task's form, like Tasklist does: required fields, types, allowed values,
 * patterns and ranges; unknown fields are refused; missing optional fields take the form's default value.
 */
public final class FormValidation {

  private FormValidation() {}

  /** @return the typed variables to complete the task with; throws a 400 naming every invalid field */
  public static Map<String, Object> validate(List<FormField> fields, Map<String, Object> input) {
    Map<String, Object> values = input == null ? Map.of() : input;
    List<ApiException.FieldError> errors = new ArrayList<>();
    Map<String, Object> result = new LinkedHashMap<>();
    for (String key : values.keySet()) {
      if (fields.stream().noneMatch(f -> f.key().equals(key))) {
        errors.add(new ApiException.FieldError(key, "is not a field of this task's form"));
      }
    }
    for (FormField field : fields) {
      Object value = values.get(field.key());
      if (value == null || (value instanceof String s && s.isBlank() && !field.type().equals("textarea"))
          || (value instanceof Collection<?> c && c.isEmpty())) {
        if (field.required()) {
          errors.add(new ApiException.FieldError(field.key(), "is required"));
        } else if (field.defaultValue() != null) {
          result.put(field.key(), field.defaultValue());
        } else if ("checkbox".equals(field.type())) {
          result.put(field.key(), false);
        }
        continue;
      }
      String error = check(field, value);
      if (error != null) {
        errors.add(new ApiException.FieldError(field.key(), error));
      } else {
        result.put(field.key(), value);
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(errors);
    }
    return result;
  }

  private static String check(FormField field, Object value) {
    switch (field.type()) {
      case "checkbox":
        return value instanceof Boolean ? null : "must be true or false";
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
        if (!(value instanceof String s)) {
          return field.dynamicValues() ? "must be text" : "must be one of " + field.allowedValues();
        }
        return field.dynamicValues() || field.allowedValues().contains(s) ? null
            : "must be one of " + field.allowedValues();
      case "checklist":
      case "taglist":
        if (!(value instanceof Collection<?> items)) {
          return "must be a list of " + field.allowedValues();
        }
        for (Object item : items) {
          if (!(item instanceof String s) || !field.allowedValues().contains(s)) {
            return "must be a list of " + field.allowedValues();
          }
        }
        return null;
      case "datetime":
        if (!(value instanceof String s)) {
          return "must be a date (yyyy-MM-dd)";
        }
        try {
          LocalDate.parse(s);
          return null;
        } catch (DateTimeParseException e) {
          return "must be a date (yyyy-MM-dd)";
        }
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
}
