package org.erplab.pathways.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.erplab.pathways.model.ModelChecks.Kind;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Static checks over every model under {@code processes/} and every form under {@code forms/}: they parse, have a
 * complete diagram, meaningful ids and names, and every reference (form, decision, called process, Spring bean,
 * candidate group) resolves. Runs on the files in the working tree, without an engine.
 */
class ModelCheckTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final Path FORMS = Path.of("forms");
  private static final Pattern KEBAB_CASE = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldHoldOnlyModelsUnderProcessesAndFormsUnderForms() {
    assertThat(modelFiles()).isNotEmpty().allMatch(file -> isBpmn(file) || isDmn(file), "is a .bpmn or .dmn file");
    assertThat(filesUnder(FORMS))
        .isNotEmpty()
        .allMatch(file -> file.getFileName().toString().endsWith(".form"), "is a .form file");
  }

  @Test
  void shouldParseEveryModel() {
    assertThat(bpmnFiles()).isNotEmpty();
    assertThat(dmnFiles()).isNotEmpty();
    List<String> problems = new ArrayList<>();
    for (Path file : modelFiles()) {
      try {
        if (isBpmn(file)) {
          Bpmn.validateModel(Bpmn.readModelFromFile(file.toFile()));
        } else if (isDmn(file)) {
          Dmn.validateModel(Dmn.readModelFromFile(file.toFile()));
        } else {
          problems.add(file + ": neither .bpmn nor .dmn");
        }
      } catch (RuntimeException e) {
        problems.add(file + ": " + e.getMessage());
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldKeepEachProcessInAFolderNamedAfterItsKey() {
    List<String> problems = new ArrayList<>();
    for (Path file : bpmnFiles()) {
      List<org.camunda.bpm.model.bpmn.instance.Process> processes = processesOf(bpmn(file));
      String folder = file.getParent().getFileName().toString();
      String fileKey = file.getFileName().toString().replaceFirst("\\.bpmn$", "");
      if (processes.size() != 1) {
        problems.add(file + ": " + processes.size() + " processes, expected one");
      }
      for (var process : processes) {
        if (!process.getId().equals(folder) || !process.getId().equals(fileKey)) {
          problems.add(file + ": process key " + process.getId() + " differs from folder or file name");
        }
        if (!KEBAB_CASE.matcher(process.getId()).matches()) {
          problems.add(file + ": process key " + process.getId() + " is not kebab-case");
        }
      }
    }
    for (Path file : dmnFiles()) {
      for (Decision decision : dmn(file).getModelElementsByType(Decision.class)) {
        if (!KEBAB_CASE.matcher(decision.getId()).matches()) {
          problems.add(file + ": decision id " + decision.getId() + " is not kebab-case");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldDrawEveryFlowNodeAndSequenceFlow() {
    List<String> problems = new ArrayList<>();
    for (Path file : bpmnFiles()) {
      BpmnModelInstance model = bpmn(file);
      if (model.getModelElementsByType(BpmnDiagram.class).isEmpty()) {
        problems.add(file + ": no BPMNDiagram");
      }
      Set<String> shapes =
          model.getModelElementsByType(BpmnShape.class).stream()
              .filter(shape -> shape.getBpmnElement() != null && shape.getBounds() != null)
              .map(shape -> shape.getBpmnElement().getId())
              .collect(Collectors.toSet());
      Set<String> edges =
          model.getModelElementsByType(BpmnEdge.class).stream()
              .filter(edge -> edge.getBpmnElement() != null && edge.getWaypoints().size() >= 2)
              .map(edge -> edge.getBpmnElement().getId())
              .collect(Collectors.toSet());
      model.getModelElementsByType(FlowNode.class).stream()
          .filter(node -> !shapes.contains(node.getId()))
          .forEach(node -> problems.add(file + ": no shape for " + node.getId()));
      model.getModelElementsByType(SequenceFlow.class).stream()
          .filter(flow -> !edges.contains(flow.getId()))
          .forEach(flow -> problems.add(file + ": no edge with waypoints for " + flow.getId()));
    }
    for (Path file : dmnFiles()) {
      Set<String> drawn = new HashSet<>();
      ModelChecks.walkElements(xml(file).getDocumentElement(), element -> {
        if ("DMNShape".equals(element.getLocalName())) {
          drawn.add(element.getAttribute("dmnElementRef"));
        }
      });
      dmn(file).getModelElementsByType(Decision.class).stream()
          .filter(decision -> !drawn.contains(decision.getId()))
          .forEach(decision -> problems.add(file + ": no DMNShape for decision " + decision.getId()));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldPassEveryCheckTheEngineRunsOnADeployment() {
    // the same checks DeploymentGuard runs on a manager's deployment, here on the whole working tree
    assertThat(RepositoryModels.files()).hasSizeGreaterThan(40);
    assertThat(RepositoryModels.all()).isEmpty();
  }

  @Test
  void shouldUseNoGeneratedIds() {
    assertThat(problems(Kind.GENERATED_ID)).isEmpty();
  }

  @Test
  void shouldNameEveryProcessAndFlowNode() {
    List<String> problems = new ArrayList<>();
    for (Path file : bpmnFiles()) {
      BpmnModelInstance model = bpmn(file);
      processesOf(model).stream()
          .filter(process -> isBlank(process.getName()))
          .forEach(process -> problems.add(file + ": process " + process.getId() + " has no name"));
      model.getModelElementsByType(FlowNode.class).stream()
          .filter(node -> isBlank(node.getName()))
          .forEach(node -> problems.add(file + ": " + node.getId() + " has no name"));
    }
    assertThat(problems).isEmpty();
  }

  // mandatory since 7.20: the engine refuses to deploy a process or a decision without it
  @Test
  void shouldGiveEveryProcessAndDecisionAHistoryTimeToLive() {
    assertThat(problems(Kind.HISTORY_TIME_TO_LIVE, Kind.NOT_EXECUTABLE)).isEmpty();
  }

  @Test
  void shouldGiveEveryFormAnIdEqualToItsFileNameAndUniqueKeys() {
    assertThat(forms()).isNotEmpty();
    assertThat(problems(Kind.FORM_ID, Kind.FORM_SCHEMA, Kind.FORM_COMPONENT, Kind.DUPLICATE_KEY)).isEmpty();
  }

  @Test
  void shouldResolveEveryFormRef() {
    assertThat(problems(Kind.FORM_REF)).isEmpty();
  }

  @Test
  void shouldResolveEveryDecisionRef() {
    assertThat(problems(Kind.DECISION_REF, Kind.DECISION_SIGNATURE)).isEmpty();
  }

  @Test
  void shouldResolveEveryCalledElement() {
    assertThat(problems(Kind.CALLED_ELEMENT)).isEmpty();
  }

  @Test
  void shouldUseOnlyKnownCandidateGroups() {
    assertThat(problems(Kind.CANDIDATE_GROUP)).isEmpty();
  }

  /**
   * Every {@code delegateExpression} and every {@code ${bean.method(...)}} names a Spring bean of the application.
   * Plain variable expressions ({@code ${channel == 'LAB'}}) and engine objects ({@code execution}) are not beans.
   */
  @Test
  void shouldReferOnlyToExistingSpringBeans() {
    assertThat(problems(Kind.BEAN)).isEmpty();
  }

  @Test
  void shouldFindTheBeanReferencesInTheModels() {
    // guards the scanner above: if it found nothing, the bean check would pass vacuously
    Set<String> referenced = new TreeSet<>();
    bpmnFiles().forEach(file -> referenced.addAll(ModelChecks.referencedBeans(xml(file))));
    assertThat(referenced).contains("deadlines", "recordContactAttempt").doesNotContain("execution", "channel");
  }

  // ---------------------------------------------------------------------------------------------------------------





  private static List<org.camunda.bpm.model.bpmn.instance.Process> processesOf(BpmnModelInstance model) {
    return List.copyOf(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class));
  }

  /** The models under processes/, without the element templates for Camunda Modeler (processes/element-templates/). */
  private static List<Path> modelFiles() {
    return filesUnder(PROCESSES).stream().filter(file -> !file.startsWith(RepositoryModels.ELEMENT_TEMPLATES)).toList();
  }

  private static List<Path> bpmnFiles() {
    return modelFiles().stream().filter(ModelCheckTest::isBpmn).toList();
  }

  private static List<Path> dmnFiles() {
    return modelFiles().stream().filter(ModelCheckTest::isDmn).toList();
  }

  private static boolean isBpmn(Path file) {
    return file.getFileName().toString().endsWith(".bpmn");
  }

  private static boolean isDmn(Path file) {
    return file.getFileName().toString().endsWith(".dmn");
  }

  private static List<Path> filesUnder(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BpmnModelInstance bpmn(Path file) {
    return Bpmn.readModelFromFile(file.toFile());
  }

  private static DmnModelInstance dmn(Path file) {
    return Dmn.readModelFromFile(file.toFile());
  }

  private static Document xml(Path file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(file.toFile());
    } catch (Exception e) {
      throw new IllegalStateException("cannot parse " + file, e);
    }
  }


  private static Map<Path, JsonNode> forms() {
    Map<Path, JsonNode> forms = new TreeMap<>();
    for (Path file : filesUnder(FORMS)) {
      if (!file.getFileName().toString().endsWith(".form")) {
        continue;
      }
      try {
        forms.put(file, JSON.readTree(file.toFile()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot parse " + file, e);
      }
    }
    return forms;
  }


  private static List<ModelChecks.Problem> problems(Kind... kinds) {
    List<ModelChecks.Problem> found = new ArrayList<>();
    for (Kind kind : kinds) {
      found.addAll(RepositoryModels.problems(kind));
    }
    return found;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
