package org.erplab.pathways.worklist.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.FormService;
import org.springframework.stereotype.Component;

/** Reads the Camunda Form deployed for a task: the same file Tasklist renders is the contract the API validates. */
@Component
public class TaskForms {

  static final Set<String> INPUT_TYPES =
      Set.of("textfield", "textarea", "number", "checkbox", "select", "radio", "checklist", "datetime", "taglist");

  private final FormService formService;
  private final ObjectMapper json;

  public TaskForms(FormService formService, ObjectMapper json) {
    this.formService = formService;
    this.json = json;
  }

  public List<FormField> fields(String taskId) {
    try (InputStream form = formService.getDeployedTaskForm(taskId)) {
      return parse(json.readTree(form));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<FormField> parse(JsonNode form) {
    List<FormField> fields = new ArrayList<>();
    collect(form.path("components"), fields);
    return fields;
  }

  private static void collect(JsonNode components, List<FormField> fields) {
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      if (INPUT_TYPES.contains(type) && c.hasNonNull("key") && !c.path("disabled").asBoolean(false)
          && !c.path("readonly").asBoolean(false)) {
        JsonNode validate = c.path("validate");
        List<String> values = new ArrayList<>();
        c.path("values").forEach(v -> values.add(v.path("value").asText()));
        fields.add(new FormField(
            c.get("key").asText(),
            type,
            c.path("subtype").asText(null),
            c.path("label").asText(c.path("dateLabel").asText(null)),
            validate.path("required").asBoolean(false),
            values,
            c.hasNonNull("valuesKey"),
            validate.hasNonNull("pattern") ? validate.get("pattern").asText() : null,
            validate.hasNonNull("min") ? validate.get("min").asDouble() : null,
            validate.hasNonNull("max") ? validate.get("max").asDouble() : null,
            validate.hasNonNull("minLength") ? validate.get("minLength").asInt() : null,
            validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null,
            c.has("defaultValue") ? defaultValue(c.get("defaultValue")) : null));
      }
      if (c.has("components")) {
        collect(c.get("components"), fields);
      }
    }
  }

  private static Object defaultValue(JsonNode value) {
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isNumber()) {
      return value.numberValue();
    }
    return value.isNull() ? null : value.asText();
  }
}
