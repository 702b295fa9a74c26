package org.erplab.pathways.worklist.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the input fields of a Camunda Form (form-js JSON, schema up to 16): the same file Tasklist renders is the
 * contract every door validates against. Disabled and read-only fields are context, not answers, and are left out.
 */
public final class FormFields {

  public static final Set<String> INPUT_TYPES =
      Set.of("textfield", "textarea", "number", "checkbox", "select", "radio", "checklist", "datetime", "taglist");

  private FormFields() {}

  public static List<FormField> parse(JsonNode form) {
    List<FormField> fields = new ArrayList<>();
    collect(form.path("components"), fields);
    return List.copyOf(fields);
  }

  private static void collect(JsonNode components, List<FormField> fields) {
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      if (INPUT_TYPES.contains(type) && c.hasNonNull("key") && !c.path("disabled").asBoolean(false)
          && !c.path("readonly").asBoolean(false)) {
        JsonNode validate = c.path("validate");
        List<Object> values = new ArrayList<>();
        c.path("values").forEach(v -> values.add(scalar(v.path("value"))));
        fields.add(new FormField(
            c.get("key").asText(),
            type,
            c.path("subtype").asText(null),
            c.path("label").asText(c.path("dateLabel").asText(null)),
            validate.path("required").asBoolean(false),
            List.copyOf(values),
            c.hasNonNull("valuesKey"),
            validate.hasNonNull("pattern") ? validate.get("pattern").asText() : null,
            validate.hasNonNull("min") ? validate.get("min").asDouble() : null,
            validate.hasNonNull("max") ? validate.get("max").asDouble() : null,
            validate.hasNonNull("minLength") ? validate.get("minLength").asInt() : null,
            validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null,
            c.has("defaultValue") ? scalar(c.get("defaultValue")) : null));
      }
      if (c.has("components")) {
        collect(c.get("components"), fields);
      }
    }
  }

  private static Object scalar(JsonNode value) {
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isNumber()) {
      return value.numberValue();
    }
    return value.isNull() || value.isMissingNode() ? null : value.asText();
  }
}
