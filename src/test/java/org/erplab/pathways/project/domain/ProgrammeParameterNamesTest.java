package org.erplab.pathways.project.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.erplab.pathways.deadline.domain.DeadlineKind;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The programme parameters are one list ({@link ProgrammeParameter}): the configuration's defaults, the deadlines, the
 * models (expressions and the documentation managers read) and the intake form name no other, and every default is a
 * value the API would accept. A model naming a parameter the list does not hold fails the build.
 */
class ProgrammeParameterNamesTest {

  /** An expression naming a parameter: {@code ${deadlines.workingDays(execution, 'callBackWorkingDays')}}. */
  private static final Pattern PARAMETER_CALL = Pattern.compile(
      "(?:deadlines\\.(?:workingDays|calendarDays)|programmeParameters\\.(?:value|intValue))\\s*\\([^)]*?'([^']*)'\\s*\\)");
  /** An expression naming a deadline kind: {@code ${deadlines.due(execution, 'VERIFICATION')}}, or {@code dueOn}. */
  private static final Pattern DEADLINE_CALL = Pattern.compile("deadlines\\.due(?:On)?\\s*\\(\\s*execution\\s*,\\s*'([^']*)'");
  /** Documentation naming a parameter: "(parametro doubleEnrolmentLookbackMonths)", "parametro del programma X". */
  private static final Pattern DOCUMENTED = Pattern.compile("parametr[oi](?: del programma)? ([a-z]+[A-Z][A-Za-z]*)");

  private static final Set<String> KEYS =
      Arrays.stream(ProgrammeParameter.values()).map(ProgrammeParameter::key).collect(Collectors.toSet());

  @Test
  void shouldListExactlyTheParametersWithADefault() {
    assertThat(defaults().keySet()).as("programme.defaults in application.yml").containsExactlyInAnyOrderElementsOf(KEYS);
    assertThat(KEYS).hasSize(ProgrammeParameter.values().length);
  }

  @Test
  void shouldAcceptEveryDefaultAsAValue() {
    Map<String, Object> defaults = defaults();
    for (ProgrammeParameter p : ProgrammeParameter.values()) {
      assertThat(p.problemWith(String.valueOf(defaults.get(p.key())))).as("default of %s", p.key()).isEmpty();
      assertThat(p.label()).as("label of %s", p.key()).isNotBlank();
    }
  }

  @Test
  void shouldCountEveryDeadlineFromAListedParameter() {
    for (DeadlineKind kind : DeadlineKind.values()) {
      if (!kind.isTerm()) {
        assertThat(KEYS).as("parameter of deadline %s", kind).contains(kind.parameter());
      }
    }
  }

  @Test
  void shouldNameOnlyListedParametersInTheModels() {
    List<Path> models = models();
    assertThat(models).as("models under processes/").hasSizeGreaterThan(10);
    List<String> named = new ArrayList<>();
    for (Path model : models) {
      String text = read(model);
      named.addAll(unknownNames(model.getFileName().toString(), text));
    }
    assertThat(named).as("parameters or deadline kinds the models name that ProgrammeParameter does not list").isEmpty();
    // the models do name parameters and deadlines: the scan reads them
    assertThat(models.stream().map(ProgrammeParameterNamesTest::read)
        .filter(t -> DEADLINE_CALL.matcher(t).find() || DOCUMENTED.matcher(t).find())).hasSizeGreaterThan(5);
  }

  @Test
  void shouldFindAnUnlistedNameInAModel() {
    String model = """
        <bpmn:timeDate>${deadlines.workingDays(execution, 'callBackWorkinDays')}</bpmn:timeDate>
        <bpmn:userTask camunda:dueDate="${deadlines.due(execution, 'CALLBACK')}"/>
        <bpmn:documentation>entro il parametro del programma callbackDays</bpmn:documentation>
        <bpmn:timeDate>${deadlines.calendarDays(execution, 'documentsWaitDays')}</bpmn:timeDate>
        """;
    assertThat(unknownNames("broken.bpmn", model)).containsExactly(
        "broken.bpmn: parameter callBackWorkinDays", "broken.bpmn: deadline kind CALLBACK",
        "broken.bpmn: parameter callbackDays");
  }

  @Test
  void shouldNameOnlyVulnerabilitiesOfTheIntakeInterview() throws IOException {
    JsonNode form = new ObjectMapper().readTree(Path.of("forms/intake/intake-interview.form").toFile());
    Set<String> offered = new LinkedHashSet<>();
    form.findParents("key").stream().filter(c -> "vulnerabilities".equals(c.path("key").asText()))
        .forEach(c -> c.path("values").forEach(v -> offered.add(v.path("value").asText())));
    assertThat(offered).containsAll(ProgrammeParameter.VULNERABILITY_CODES).contains("NONE");
    assertThat(ProgrammeParameter.INTERNSHIP_DISADVANTAGED_VULNERABILITIES.problemWith("NONE")).isPresent();
  }

  @Test
  void shouldRefuseToReadAParameterNotListed() {
    ProgrammeParameters parameters = new ProgrammeParameters(null,
        new ProgrammeParameters.Defaults(Map.of("callBackWorkinDays", "5")), java.time.Duration.ofSeconds(1),
        event -> { });
    assertThatThrownBy(() -> parameters.value("LORENTEGGIO", "callBackWorkinDays"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callBackWorkinDays");
  }

  static List<String> unknownNames(String model, String text) {
    List<String> unknown = new ArrayList<>();
    Matcher calls = PARAMETER_CALL.matcher(text);
    while (calls.find()) {
      if (!KEYS.contains(calls.group(1))) {
        unknown.add(model + ": parameter " + calls.group(1));
      }
    }
    Matcher deadlines = DEADLINE_CALL.matcher(text);
    while (deadlines.find()) {
      String kind = deadlines.group(1);
      boolean listed = Arrays.stream(DeadlineKind.values())
          .anyMatch(k -> k.name().equals(kind) && (k.isTerm() || KEYS.contains(k.parameter())));
      if (!listed) {
        unknown.add(model + ": deadline kind " + kind);
      }
    }
    Matcher documented = DOCUMENTED.matcher(text);
    while (documented.find()) {
      if (!KEYS.contains(documented.group(1))) {
        unknown.add(model + ": parameter " + documented.group(1));
      }
    }
    return unknown;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> defaults() {
    try (InputStream yml = Files.newInputStream(Path.of("src/main/resources/application.yml"))) {
      Map<String, Object> root = new Yaml().load(yml);
      return (Map<String, Object>) ((Map<String, Object>) root.get("programme")).get("defaults");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> models() {
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      return files.filter(f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".dmn")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
