package org.erplab.pathways.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.erplab.pathways.common.process.ProcessVariable;
import org.erplab.pathways.pathway.process.ProcessCatalogue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ScannedGenericBeanDefinition;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Static checks over every model under {@code processes/} and every form under {@code forms/}: they parse, have a
 * complete diagram, meaningful ids and names, and every reference (form, decision, called process, Spring bean,
 * candidate group) resolves. Runs on the files in the working tree, without an engine.
 */
class ModelCheckTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final Path FORMS = Path.of("forms");
  private static final String BASE_PACKAGE = "org.erplab.pathways";
  private static final String CAMUNDA_BPMN_NS = "http://camunda.org/schema/1.0/bpmn";

  /** Ids as Camunda Modeler generates them (Activity_0abc123): nothing code, tests or forms refer to may look so. */
  private static final Pattern GENERATED_ID =
      Pattern.compile(
          "^(Activity|Gateway|Event|Flow|StartEvent|EndEvent|Task|SequenceFlow|DataObjectReference|Participant|Lane"
              + "|Process|Definitions|Decision|DecisionTable|InputClause|OutputClause|Rule|Input|Output|InputData"
              + "|UnaryTests|LiteralExpression|DMNShape|DMNEdge|Field|Row|Form|Text|Group)_[0-9a-z]{7}$");

  private static final Pattern KEBAB_CASE = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  /** {@code ${bean.method(} or {@code ${bean.property}}: the identifier before the first dot. */
  private static final Pattern BEAN_CALL = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\.\\s*[A-Za-z_]\\w*\\s*\\(");
  private static final Pattern SINGLE_IDENTIFIER = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*$");
  /** Objects the engine itself puts in the expression context. */
  private static final Set<String> ENGINE_CONTEXT_OBJECTS =
      Set.of("execution", "task", "authenticatedUserId", "variables", "caseExecution", "externalTask");

  private static final Set<String> CANDIDATE_GROUPS =
      Set.of("lab", "cpi", "operator", "social", "housing", "manager", "auditor", "admin");

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
      walkElements(xml(file).getDocumentElement(), element -> {
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
  void shouldUseNoGeneratedIds() {
    List<String> problems = new ArrayList<>();
    for (Path file : modelFiles()) {
      walkElements(xml(file).getDocumentElement(), element -> {
        String id = element.getAttribute("id");
        if (GENERATED_ID.matcher(id).matches()) {
          problems.add(file + ": generated id " + id + " on " + element.getLocalName());
        }
      });
    }
    forms().forEach((file, form) -> components(form).forEach(component -> {
      for (String id : List.of(component.path("id").asText(), component.path("layout").path("row").asText())) {
        if (GENERATED_ID.matcher(id).matches()) {
          problems.add(file + ": generated id " + id);
        }
      }
    }));
    assertThat(problems).isEmpty();
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

  @Test
  void shouldGiveEveryProcessAndDecisionAHistoryTimeToLive() {
    // mandatory since 7.20: the engine refuses to deploy a process or a decision without it
    List<String> problems = new ArrayList<>();
    for (Path file : dmnFiles()) {
      dmn(file).getModelElementsByType(Decision.class).stream()
          .filter(decision -> isBlank(decision.getCamundaHistoryTimeToLiveString()))
          .forEach(decision -> problems.add(file + ": decision " + decision.getId() + " has no historyTimeToLive"));
    }
    for (Path file : bpmnFiles()) {
      for (var process : processesOf(bpmn(file))) {
        if (!process.isExecutable()) {
          problems.add(file + ": " + process.getId() + " is not executable");
        }
        if (isBlank(process.getCamundaHistoryTimeToLiveString())) {
          problems.add(file + ": " + process.getId() + " has no historyTimeToLive");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldGiveEveryFormAnIdEqualToItsFileNameAndUniqueKeys() {
    Map<Path, JsonNode> forms = forms();
    assertThat(forms).isNotEmpty();
    List<String> problems = new ArrayList<>();
    forms.forEach((file, form) -> {
      String fileName = file.getFileName().toString().replaceFirst("\\.form$", "");
      if (!fileName.equals(form.path("id").asText())) {
        problems.add(file + ": form id " + form.path("id").asText() + " differs from the file name");
      }
      if (form.path("schemaVersion").asInt(Integer.MAX_VALUE) > 16) {
        problems.add(file + ": schemaVersion above 16, Tasklist 7.24 cannot render it");
      }
      Set<String> keys = new HashSet<>();
      Set<String> ids = new HashSet<>();
      for (JsonNode component : components(form)) {
        String key = component.path("key").asText("");
        if (!key.isEmpty() && !keys.add(key)) {
          problems.add(file + ": key " + key + " used twice");
        }
        String id = component.path("id").asText("");
        if (!id.isEmpty() && !ids.add(id)) {
          problems.add(file + ": component id " + id + " used twice");
        }
      }
    });
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldResolveEveryFormRef() {
    Map<String, Path> formsById = new HashMap<>();
    forms().forEach((file, form) -> formsById.put(form.path("id").asText(), file));
    List<String> problems = new ArrayList<>();
    for (Path file : bpmnFiles()) {
      BpmnModelInstance model = bpmn(file);
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String formRef = task.getCamundaFormRef();
        if (formRef == null) {
          problems.add(file + ": " + task.getId() + " has no camunda:formRef");
        } else if (!formsById.containsKey(formRef)) {
          problems.add(file + ": " + task.getId() + " refers to form " + formRef + ", not found under forms/");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldResolveEveryDecisionRef() {
    Set<String> decisions =
        dmnFiles().stream()
            .flatMap(file -> dmn(file).getModelElementsByType(Decision.class).stream())
            .map(Decision::getId)
            .collect(Collectors.toSet());
    List<String> problems = new ArrayList<>();
    for (Path file : bpmnFiles()) {
      for (BusinessRuleTask task : bpmn(file).getModelElementsByType(BusinessRuleTask.class)) {
        if (!decisions.contains(task.getCamundaDecisionRef())) {
          problems.add(file + ": " + task.getId() + " refers to unknown decision " + task.getCamundaDecisionRef());
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldResolveEveryCalledElement() {
    Set<String> processes =
        bpmnFiles().stream()
            .flatMap(file -> processesOf(bpmn(file)).stream())
            .map(org.camunda.bpm.model.bpmn.instance.Process::getId)
            .collect(Collectors.toSet());
    List<String> problems = new ArrayList<>();
    for (Path file : bpmnFiles()) {
      for (CallActivity call : bpmn(file).getModelElementsByType(CallActivity.class)) {
        if (!processes.contains(call.getCalledElement())) {
          problems.add(file + ": " + call.getId() + " calls unknown process " + call.getCalledElement());
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldUseOnlyKnownCandidateGroups() {
    Set<String> variables = declaredVariables();
    assertThat(variables).as("process variables declared in the descriptors").isNotEmpty();
    List<String> problems = new ArrayList<>();
    for (Path file : bpmnFiles()) {
      for (UserTask task : bpmn(file).getModelElementsByType(UserTask.class)) {
        String groups = task.getCamundaCandidateGroups();
        if (isBlank(groups)) {
          problems.add(file + ": " + task.getId() + " has no candidate group");
          continue;
        }
        Matcher expression = EXPRESSION.matcher(groups.trim());
        if (expression.matches()) {
          Matcher identifier = SINGLE_IDENTIFIER.matcher(expression.group(1));
          if (!identifier.matches() || !variables.contains(identifier.group(1))) {
            problems.add(file + ": " + task.getId() + " candidate group " + groups + " is not a declared variable");
          }
          continue;
        }
        Arrays.stream(groups.split(","))
            .map(String::trim)
            .filter(group -> !CANDIDATE_GROUPS.contains(group))
            .forEach(group -> problems.add(file + ": " + task.getId() + " unknown candidate group " + group));
      }
    }
    assertThat(problems).isEmpty();
  }

  /**
   * Every {@code delegateExpression} and every {@code ${bean.method(...)}} names a Spring bean of the application.
   * Plain variable expressions ({@code ${channel == 'LAB'}}) and engine objects ({@code execution}) are not beans.
   */
  @Test
  void shouldReferOnlyToExistingSpringBeans() {
    Set<String> beans = springBeanNames();
    Map<String, Set<String>> missing = new TreeMap<>();
    for (Path file : bpmnFiles()) {
      referencedBeans(file).stream()
          .filter(bean -> !beans.contains(bean))
          .forEach(bean -> missing.computeIfAbsent(bean, b -> new TreeSet<>()).add(file.toString()));
    }
    assertThat(missing).as("beans referenced by the models but not found in " + BASE_PACKAGE).isEmpty();
  }

  @Test
  void shouldFindTheBeanReferencesInTheModels() {
    // guards the scanner above: if it found nothing, the bean check would pass vacuously
    Set<String> referenced = new TreeSet<>();
    bpmnFiles().forEach(file -> referenced.addAll(referencedBeans(file)));
    assertThat(referenced).contains("deadlines", "recordContactAttempt").doesNotContain("execution", "channel");
  }

  // ---------------------------------------------------------------------------------------------------------------

  private static Set<String> referencedBeans(Path file) {
    Set<String> beans = new TreeSet<>();
    BiConsumer<String, String> collect = (attributeName, value) -> {
      Matcher expression = EXPRESSION.matcher(value);
      while (expression.find()) {
        String body = expression.group(1);
        Matcher call = BEAN_CALL.matcher(body);
        Matcher identifier = SINGLE_IDENTIFIER.matcher(body);
        if (call.find()) {
          beans.add(call.group(1));
        } else if ("delegateExpression".equals(attributeName) && identifier.matches()) {
          beans.add(identifier.group(1));
        }
      }
    };
    walkElements(xml(file).getDocumentElement(), element -> {
      NamedNodeMap attributes = element.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Attr attribute = (Attr) attributes.item(i);
        String name = CAMUNDA_BPMN_NS.equals(attribute.getNamespaceURI()) || attribute.getNamespaceURI() == null
            ? attribute.getLocalName() : attribute.getName();
        collect.accept(name, attribute.getValue());
      }
      for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
          collect.accept(null, child.getNodeValue());
        }
      }
    });
    beans.removeAll(ENGINE_CONTEXT_OBJECTS);
    return beans;
  }

  /** Bean names of the application's components (annotation value or decapitalised class name) and @Bean methods. */
  private static Set<String> springBeanNames() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    Set<String> names = new TreeSet<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents(BASE_PACKAGE)) {
      if (isTestClass(candidate)) {
        continue;
      }
      names.add(AnnotationBeanNameGenerator.INSTANCE.generateBeanName(candidate, registry));
      if (candidate instanceof AnnotatedBeanDefinition annotated) {
        for (MethodMetadata method : annotated.getMetadata().getAnnotatedMethods(Bean.class.getName())) {
          Map<String, Object> bean = method.getAnnotationAttributes(Bean.class.getName());
          String[] declared = bean == null ? new String[0] : (String[]) bean.get("name");
          names.add(declared != null && declared.length > 0 ? declared[0] : method.getMethodName());
        }
      }
    }
    return names;
  }

  private static boolean isTestClass(BeanDefinition candidate) {
    if (candidate instanceof ScannedGenericBeanDefinition scanned && scanned.getResource() != null) {
      return scanned.getResource().getDescription().contains("test-classes");
    }
    return false;
  }

  /** Every variable name some process descriptor declares. */
  private static Set<String> declaredVariables() {
    return ProcessCatalogue.PROCESSES.stream().flatMap(p -> p.variables().stream()).map(ProcessVariable::name)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<org.camunda.bpm.model.bpmn.instance.Process> processesOf(BpmnModelInstance model) {
    return List.copyOf(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class));
  }

  private static List<Path> modelFiles() {
    return filesUnder(PROCESSES);
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

  private static void walkElements(Element element, Consumer<Element> visitor) {
    visitor.accept(element);
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        walkElements(childElement, visitor);
      }
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

  /** All components of a form, including those nested in groups and dynamic lists. */
  private static List<JsonNode> components(JsonNode container) {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode component : container.path("components")) {
      all.add(component);
      all.addAll(components(component));
    }
    return all;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
