package org.erplab.pathways.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.erplab.pathways.deadline.domain.DeadlineKind;
import org.junit.jupiter.api.Test;

/**
 * The element templates for Camunda Modeler ({@code processes/element-templates/}) are valid Camunda 7 templates and
 * name only what exists: each bean, each method with its number of arguments, each deadline kind and parameter; and
 * every service-task delegate the models use can be picked from a template.
 */
class ElementTemplatesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHEMA = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";
  /** Camunda 7 bindings (the Modeler's element templates schema for the Camunda 7 platform). */
  private static final Set<String> BINDING_TYPES = Set.of("property", "camunda:property", "camunda:inputParameter",
      "camunda:outputParameter", "camunda:in", "camunda:out", "camunda:in:businessKey", "camunda:executionListener",
      "camunda:field", "camunda:errorEventDefinition");
  private static final Set<String> PROPERTY_TYPES = Set.of("String", "Text", "Boolean", "Dropdown", "Hidden");
  private static final Pattern EXPRESSION = Pattern.compile("^\\$\\{(\\w+)(?:\\.(\\w+)\\(([^)]*)\\))?}$");
  private static final Pattern STRING_ARGUMENT = Pattern.compile("'([^']*)'");

  @Test
  void shouldBeValidCamunda7Templates() {
    List<JsonNode> templates = templates();
    assertThat(templates).hasSizeGreaterThan(5);
    List<String> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (JsonNode template : templates) {
      String id = template.path("id").asText();
      if (!SCHEMA.equals(template.path("$schema").asText())) {
        problems.add(id + ": $schema must be " + SCHEMA);
      }
      if (id.isEmpty() || !ids.add(id)) {
        problems.add(id + ": missing or repeated id");
      }
      if (template.path("name").asText().isBlank() || !template.path("version").isInt()) {
        problems.add(id + ": a name and an integer version are required");
      }
      if (!template.path("appliesTo").isArray() || template.path("appliesTo").isEmpty()) {
        problems.add(id + ": appliesTo is required");
      }
      template.path("appliesTo").forEach(type -> {
        if (!type.asText().startsWith("bpmn:")) {
          problems.add(id + ": appliesTo " + type.asText() + " is not a BPMN type");
        }
      });
      if (template.path("properties").isEmpty()) {
        problems.add(id + ": no properties");
      }
      for (JsonNode property : template.path("properties")) {
        String type = property.path("type").asText();
        String binding = property.path("binding").path("type").asText();
        if (!PROPERTY_TYPES.contains(type) || !BINDING_TYPES.contains(binding)) {
          problems.add(id + ": property of type " + type + " with binding " + binding + " is not a Camunda 7 one");
        }
        if ("camunda:executionListener".equals(binding) && !"Hidden".equals(type)) {
          problems.add(id + ": an execution listener binding takes only a Hidden property");
        }
        if ("Dropdown".equals(type) && property.path("choices").isEmpty()) {
          problems.add(id + ": a dropdown without choices");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldNameOnlyExistingBeansMethodsAndDeadlines() {
    Map<String, String> beans = RepositoryModels.springComponents();
    List<String> problems = new ArrayList<>();
    List<String> values = values();
    assertThat(values).hasSizeGreaterThan(20);
    for (String value : values) {
      problems.addAll(problemsOf(value, beans));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldFindABrokenTemplateValue() {
    // control: the check above reports a missing bean, method, argument count or deadline
    Map<String, String> beans = RepositoryModels.springComponents();
    assertThat(problemsOf("${calcolaIndennita}", beans)).isNotEmpty();
    assertThat(problemsOf("${deadlines.dueSoon(execution, 'CALL_BACK')}", beans)).isNotEmpty();
    assertThat(problemsOf("${deadlines.due(execution)}", beans)).isNotEmpty();
    assertThat(problemsOf("${deadlines.due(execution, 'LUNCH')}", beans)).isNotEmpty();
    assertThat(problemsOf("${deadlines.workingDays(execution, 'lunchBreakDays')}", beans)).isNotEmpty();
    assertThat(problemsOf("${deadlines.due(execution, 'CALL_BACK')}", beans)).isEmpty();
  }

  @Test
  void shouldOfferATemplateForEveryServiceTaskDelegateOfTheModels() {
    Set<String> offered = new TreeSet<>();
    for (String value : values()) {
      Matcher expression = EXPRESSION.matcher(value);
      if (expression.matches() && expression.group(2) == null) {
        offered.add(expression.group(1));
      }
    }
    Set<String> used = new TreeSet<>();
    Pattern serviceTask = Pattern.compile("<bpmn:serviceTask [^>]*camunda:delegateExpression=\"\\$\\{(\\w+)}\"");
    for (Path file : RepositoryModels.filesUnder(RepositoryModels.PROCESSES)) {
      if (file.toString().endsWith(".bpmn")) {
        Matcher matcher = serviceTask.matcher(read(file));
        while (matcher.find()) {
          used.add(matcher.group(1));
        }
      }
    }
    assertThat(used).contains("recordContactAttempt", "courseIndemnity", "housingNotification");
    assertThat(offered).containsAll(used);
  }

  @Test
  void shouldOfferTheTrainingsIndemnityAndAlerStepsByTheirItalianNames() {
    // issue 8: a manager picks "Calcola indennità" and "Notifica ALER" from the menu, each naming its delegate bean
    Map<String, String> delegateByName = new java.util.HashMap<>();
    for (JsonNode template : templates()) {
      template.path("properties").forEach(property -> {
        if ("camunda:delegateExpression".equals(property.path("binding").path("name").asText())) {
          delegateByName.put(template.path("name").asText(), property.path("value").asText());
        }
      });
    }
    assertThat(delegateByName)
        .containsEntry("Calcola indennità", "${courseIndemnity}")
        .containsEntry("Notifica ALER", "${housingNotification}");
  }

  // ---------------------------------------------------------------------------------------------------------------

  private static List<String> problemsOf(String value, Map<String, String> beans) {
    List<String> problems = new ArrayList<>();
    Matcher expression = EXPRESSION.matcher(value);
    if (!expression.matches()) {
      return List.of(value + ": neither ${bean} nor ${bean.method(...)}");
    }
    String bean = expression.group(1);
    if (!beans.containsKey(bean) || beans.get(bean) == null) {
      return List.of(value + ": no component named " + bean);
    }
    Class<?> type = load(beans.get(bean));
    if (expression.group(2) == null) {
      if (!JavaDelegate.class.isAssignableFrom(type)) {
        problems.add(value + ": " + bean + " is not a JavaDelegate");
      }
      return problems;
    }
    String method = expression.group(2);
    String[] arguments = expression.group(3).isBlank() ? new String[0] : expression.group(3).split(",");
    boolean found = Arrays.stream(type.getMethods())
        .map(Method.class::cast)
        .anyMatch(m -> m.getName().equals(method) && m.getParameterCount() == arguments.length);
    if (!found) {
      problems.add(value + ": " + bean + " has no method " + method + " with " + arguments.length + " arguments");
    }
    Matcher literal = STRING_ARGUMENT.matcher(expression.group(3));
    if ("deadlines".equals(bean) && literal.find()) {
      String argument = literal.group(1);
      boolean known = "due".equals(method)
          ? Arrays.stream(DeadlineKind.values()).anyMatch(k -> k.name().equals(argument))
          : DeadlineKind.ofParameter(argument).filter(k -> k.basis() == DeadlineKind.Basis.WORKING_DAYS).isPresent();
      if (!known) {
        problems.add(value + ": " + argument + " is no deadline kind or working-days parameter");
      }
    }
    return problems;
  }

  /** Every value a template sets: fixed values and dropdown choices. */
  private static List<String> values() {
    List<String> values = new ArrayList<>();
    for (JsonNode template : templates()) {
      for (JsonNode property : template.path("properties")) {
        if (property.hasNonNull("value")) {
          values.add(property.get("value").asText());
        }
        property.path("choices").forEach(choice -> values.add(choice.path("value").asText()));
      }
    }
    return values;
  }

  private static List<JsonNode> templates() {
    List<JsonNode> templates = new ArrayList<>();
    for (Path file : RepositoryModels.filesUnder(RepositoryModels.ELEMENT_TEMPLATES)) {
      assertThat(file.toString()).endsWith(".json");
      JsonNode json = readJson(file);
      if (json.isArray()) {
        json.forEach(templates::add);
      } else {
        templates.add(json);
      }
    }
    return templates;
  }

  private static Class<?> load(String className) {
    try {
      return Class.forName(className);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return java.nio.file.Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
