package org.erplab.pathways.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.erplab.pathways.common.process.DeclaredProcess;
import org.erplab.pathways.common.process.ProcessVariable;
import org.erplab.pathways.pathway.process.ProcessCatalogue;
import org.erplab.pathways.worklist.domain.FormField;
import org.erplab.pathways.worklist.domain.FormFields;
import org.junit.jupiter.api.Test;

/**
 * The models, the forms and the process descriptors agree: every variable a model or a form uses is declared by the
 * process that holds it (the allow-list the engine enforces), every answer that decides a path is asked explicitly,
 * and free text is bounded as its column is. Fails the build when a manager's model or form breaks a rule, before
 * the engine would refuse the instance at run time.
 */
class ModelVariablesCheckTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final Path FORMS = Path.of("forms");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The longest free text a column of ours keeps (case_note.note_text). */
  private static final int NOTE_COLUMN = 4000;

  @Test
  void shouldDeclareEveryProcessOfTheModels() {
    List<String> undeclared = new ArrayList<>();
    for (Path file : bpmnFiles()) {
      for (var process : bpmn(file).getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)) {
        if (ProcessCatalogue.find(process.getId()).isEmpty()) {
          undeclared.add(file + ": process " + process.getId() + " has no descriptor in ProcessCatalogue");
        }
      }
    }
    assertThat(undeclared).isEmpty();
    assertThat(ProcessCatalogue.PROCESSES).extracting(DeclaredProcess::key)
        .allSatisfy(key -> assertThat(PROCESSES.resolve(key).resolve(key + ".bpmn")).exists());
  }

  @Test
  void shouldDeclareEveryFormFieldInTheProcessOfItsTask() {
    Map<String, List<FormField>> forms = formFields();
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Path file : bpmnFiles()) {
      BpmnModelInstance model = bpmn(file);
      DeclaredProcess process = declared(model);
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        for (FormField field : forms.getOrDefault(task.getCamundaFormRef(), List.of())) {
          checked++;
          if (process.variable(field.key()).isEmpty()) {
            problems.add(file + ": " + task.getId() + " asks for " + field.key() + ", which process "
                + process.key() + " does not declare");
          }
        }
      }
    }
    assertThat(checked).as("form fields checked").isGreaterThan(10);
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldDeclareEveryVariableTheModelsRead() {
    List<String> problems = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (Path file : bpmnFiles()) {
      BpmnModelInstance model = bpmn(file);
      DeclaredProcess process = declared(model);
      for (String expression : ModelChecks.expressions(model)) {
        for (String variable : ModelChecks.variablesIn(expression)) {
          seen.add(variable);
          if (process.variable(variable).isEmpty()) {
            problems.add(file + ": " + expression + " uses " + variable + ", which process " + process.key()
                + " does not declare");
          }
        }
      }
      for (BusinessRuleTask rule : model.getModelElementsByType(BusinessRuleTask.class)) {
        if (rule.getCamundaResultVariable() != null && process.variable(rule.getCamundaResultVariable()).isEmpty()) {
          problems.add(file + ": " + rule.getId() + " writes " + rule.getCamundaResultVariable() + ", undeclared");
        }
        for (String input : decisionInputs(rule.getCamundaDecisionRef())) {
          if (process.variable(input).isEmpty()) {
            problems.add(file + ": decision " + rule.getCamundaDecisionRef() + " reads " + input + ", undeclared");
          }
        }
      }
    }
    // guards the scanner: it found the variables of conditions, candidate groups and listeners
    assertThat(seen).contains("contactOutcome", "intakeOutcome", "operatorOrganisation", "verificationOutcome")
        .doesNotContain("execution", "deadlines", "REACHED", "pathwayLifecycle");
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldMapOnlyDeclaredVariablesBetweenACallerAndTheProcessItCalls() {
    List<String> problems = new ArrayList<>();
    int mappings = 0;
    for (Path file : bpmnFiles()) {
      BpmnModelInstance model = bpmn(file);
      DeclaredProcess caller = declared(model);
      for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
        DeclaredProcess called = ProcessCatalogue.find(call.getCalledElement()).orElseThrow();
        for (CamundaIn in : call.getChildElementsByType(org.camunda.bpm.model.bpmn.instance.ExtensionElements.class)
            .stream().flatMap(e -> e.getChildElementsByType(CamundaIn.class).stream()).toList()) {
          if (in.getCamundaVariables() != null) {
            problems.add(file + ": " + call.getId() + " passes all variables: map what the called process needs");
            continue;
          }
          if (in.getCamundaSource() != null) {
            mappings++;
            check(problems, file, call, caller, in.getCamundaSource());
            check(problems, file, call, called, in.getCamundaTarget());
          }
        }
        for (CamundaOut out : call.getChildElementsByType(org.camunda.bpm.model.bpmn.instance.ExtensionElements.class)
            .stream().flatMap(e -> e.getChildElementsByType(CamundaOut.class).stream()).toList()) {
          if (out.getCamundaVariables() != null) {
            problems.add(file + ": " + call.getId() + " returns all variables: map what the caller needs");
            continue;
          }
          mappings++;
          check(problems, file, call, called, out.getCamundaSource());
          check(problems, file, call, caller, out.getCamundaTarget());
        }
        if (called.partitionedBy().isPresent() && caller.variable(called.partitionedBy().get().name()).isEmpty()) {
          problems.add(file + ": " + call.getId() + " calls " + called.key() + ", which runs in the part of the "
              + "organisation named by " + called.partitionedBy().get().name() + ": the caller must hold it");
        }
      }
    }
    assertThat(mappings).isGreaterThan(5);
    assertThat(problems).isEmpty();
  }

  /**
   * An answer that decides a path is asked explicitly: no form field has a default value, every yes/no is a required
   * radio with exactly "Sì" (true) and "No" (false), a checkbox is only a required acknowledgement, and every variable
   * a gateway or a decision reads from a form is a required field of it.
   */
  @Test
  void shouldAskEveryDecisiveAnswerExplicitly() {
    Map<String, List<FormField>> forms = formFields();
    Set<String> decisive = new LinkedHashSet<>();
    for (Path file : bpmnFiles()) {
      BpmnModelInstance model = bpmn(file);
      for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
        ConditionExpression condition = flow.getConditionExpression();
        if (condition != null) {
          decisive.addAll(ModelChecks.variablesIn(condition.getTextContent()));
        }
      }
      for (BusinessRuleTask rule : model.getModelElementsByType(BusinessRuleTask.class)) {
        decisive.addAll(decisionInputs(rule.getCamundaDecisionRef()));
      }
    }
    List<String> problems = new ArrayList<>();
    forms.forEach((form, fields) -> {
      for (FormField field : fields) {
        if (field.defaultValue() != null) {
          problems.add(form + ": " + field.key() + " has a default value; answers are given explicitly");
        }
        if ("checkbox".equals(field.type()) && !field.required()) {
          problems.add(form + ": " + field.key() + " is an optional checkbox (it answers no by default): use a "
              + "required radio Sì/No, or make it a required acknowledgement");
        }
        boolean yesNo = field.allowedValues().stream().anyMatch(Boolean.class::isInstance);
        if (yesNo && !("radio".equals(field.type()) && field.allowedValues().equals(List.of(true, false)))) {
          problems.add(form + ": " + field.key() + " must be a radio with exactly Sì (true) and No (false)");
        }
        if (decisive.contains(field.key()) && !field.required()) {
          problems.add(form + ": " + field.key() + " decides a path but is not required");
        }
      }
    });
    forms.forEach((form, fields) -> formComponents(form).stream()
        .filter(c -> c.path("values").isArray() && c.path("values").size() == 2
            && c.path("values").get(0).path("value").isBoolean())
        .forEach(c -> {
          if (!"Sì".equals(c.path("values").get(0).path("label").asText())
              || !"No".equals(c.path("values").get(1).path("label").asText())) {
            problems.add(form + ": " + c.path("key").asText() + " must label its options Sì and No");
          }
        }));
    assertThat(decisive).contains("consentGiven", "residentInErp", "contactOutcome", "verificationOutcome");
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldBoundEveryFreeTextAsItsColumn() {
    List<String> problems = new ArrayList<>();
    formFields().forEach((form, fields) -> fields.stream()
        .filter(f -> f.type().equals("textarea") || f.type().equals("textfield"))
        .forEach(f -> {
          if (f.maxLength() == null || f.maxLength() > NOTE_COLUMN) {
            problems.add(form + ": " + f.key() + " needs validate.maxLength of at most " + NOTE_COLUMN);
          }
        }));
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldPassTheEngineChecksOfVariables() {
    // the checks the engine runs on every deployment (ModelChecks): expressions, forms, decisions, call mappings
    assertThat(RepositoryModels.problems(ModelChecks.Kind.VARIABLE)).isEmpty();
  }

  @Test
  void shouldFindAnUndeclaredVariableInAnExpression() {
    // control: the scanner reports a variable that no descriptor declares
    assertThat(ModelChecks.variablesIn("${cf2 == 'X' && deadlines.workingDays(execution, 'y') != null}")).containsExactly("cf2");
    assertThat(ModelChecks.variablesIn("${execution.setVariable('secretNote', 'A')}")).containsExactly("secretNote");
    assertThat(ProcessCatalogue.find("intake").orElseThrow().variable("cf2")).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------------------------

  private static void check(List<String> problems, Path file, CallActivity call, DeclaredProcess process, String name) {
    if (name == null || process.variable(name).isEmpty()) {
      problems.add(file + ": " + call.getId() + " maps " + name + ", which process " + process.key()
          + " does not declare");
    }
  }


  private static List<String> decisionInputs(String decisionId) {
    List<String> inputs = new ArrayList<>();
    for (Path file : files(PROCESSES).stream().filter(f -> f.toString().endsWith(".dmn")).toList()) {
      var dmn = Dmn.readModelFromFile(file.toFile());
      for (Decision decision : dmn.getModelElementsByType(Decision.class)) {
        if (decision.getId().equals(decisionId)) {
          decision.getModelInstance().getModelElementsByType(InputExpression.class).stream()
              .filter(i -> isWithin(i, decision))
              .forEach(i -> inputs.add(i.getText().getTextContent().trim()));
        }
      }
    }
    assertThat(inputs).as("inputs of decision %s", decisionId).isNotEmpty();
    return inputs;
  }

  private static boolean isWithin(org.camunda.bpm.model.xml.instance.ModelElementInstance element, Decision decision) {
    for (var parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
      if (parent == decision) {
        return true;
      }
    }
    return false;
  }

  private static DeclaredProcess declared(BpmnModelInstance model) {
    String key = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).iterator().next().getId();
    return ProcessCatalogue.find(key).orElseThrow(() -> new AssertionError("no descriptor for process " + key));
  }

  private static Map<String, List<FormField>> formFields() {
    Map<String, List<FormField>> forms = new HashMap<>();
    for (Path file : files(FORMS)) {
      JsonNode form = read(file);
      forms.put(form.path("id").asText(), FormFields.parse(form));
    }
    return forms;
  }

  private static List<JsonNode> formComponents(String formId) {
    for (Path file : files(FORMS)) {
      JsonNode form = read(file);
      if (formId.equals(form.path("id").asText())) {
        List<JsonNode> all = new ArrayList<>();
        form.path("components").forEach(all::add);
        return all;
      }
    }
    return List.of();
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> bpmnFiles() {
    return files(PROCESSES).stream().filter(f -> f.toString().endsWith(".bpmn")).toList();
  }

  private static BpmnModelInstance bpmn(Path file) {
    return Bpmn.readModelFromFile(file.toFile());
  }

  private static List<Path> files(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
