package org.erplab.pathways.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.erplab.pathways.common.process.DeclaredProcess;
import org.erplab.pathways.pathway.process.ProcessCatalogue;
import org.erplab.pathways.security.Roles;
import org.erplab.pathways.worklist.domain.FormField;
import org.erplab.pathways.worklist.domain.FormFields;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The checks every set of models and forms passes before it runs: the build runs them on {@code processes/} and
 * {@code forms/} ({@code ModelCheckTest}, {@code ModelVariablesCheckTest}), and the engine runs them on every
 * deployment, whatever door it comes through ({@link DeploymentGuard}). Each problem says, in Italian, what a manager
 * must change in which file.
 *
 * <p>What lies outside the checked files (Spring beans, forms and decisions already deployed, the decisions the code
 * ships) comes from {@link Surroundings}.
 */
public final class ModelChecks {

  /** What kind of rule a problem breaks (the tests check one kind per test). */
  public enum Kind {
    UNSUPPORTED_FILE, UNREADABLE, FOREIGN_KEY, NOT_EXECUTABLE, HISTORY_TIME_TO_LIVE, FORM_REF, DECISION_REF,
    CALLED_ELEMENT, BEAN, CANDIDATE_GROUP, VARIABLE, GENERATED_ID, MISSING_ELEMENT, DECISION_SIGNATURE, FORM_ID,
    FORM_SCHEMA, FORM_COMPONENT, DUPLICATE_KEY
  }

  /** One broken rule, in one file, in words a manager understands. */
  public record Problem(Kind kind, String resource, String message) {
    @Override
    public String toString() {
      return resource + ": " + message;
    }
  }

  /** A file of a deployment: its name (e.g. {@code intake.bpmn}) and content. */
  public record ModelFile(String name, byte[] content) {}

  /** The inputs and outputs of a decision (expression or name, and type) and its hit policy: what callers rely on. */
  public record DecisionSignature(Set<String> inputs, Set<String> outputs, String hitPolicy) {}

  /** What the checked files may refer to outside themselves. */
  public interface Surroundings {
    /** A Spring bean of the application with this name exists. */
    boolean isBean(String name);

    /** A Camunda Form with this id is already deployed. */
    boolean isDeployedForm(String formId);

    /** A process with this key is already deployed. */
    boolean isDeployedProcess(String processKey);

    /** The decisions the application ships (processes/), by key: the only decision keys that may be deployed. */
    Map<String, DecisionSignature> shippedDecisions();

    /** The keys of the processes whose shipped models use this form (to check its fields against their variables). */
    Set<String> processesUsingForm(String formId);
  }

  /** Component types the form-js 1.8 of Tasklist 7.24 renders (its registered form fields). */
  public static final Set<String> TASKLIST_COMPONENT_TYPES = Set.of("textfield", "textarea", "number", "datetime",
      "checkbox", "checklist", "radio", "select", "taglist", "text", "image", "button", "group", "spacer", "separator",
      "dynamiclist", "iframe", "table", "html", "expression");
  /** The highest form schema version form-js 1.8 reads. */
  public static final int TASKLIST_SCHEMA_VERSION = 16;

  /** Ids as Camunda Modeler generates them (Activity_0abc123): nothing code, tests or forms refer to may look so. */
  public static final Pattern GENERATED_ID = Pattern.compile(
      "^(Activity|Gateway|Event|Flow|StartEvent|EndEvent|Task|SequenceFlow|DataObjectReference|Participant|Lane"
          + "|Process|Definitions|Decision|DecisionTable|InputClause|OutputClause|Rule|Input|Output|InputData"
          + "|UnaryTests|LiteralExpression|DMNShape|DMNEdge|Field|Row|Form|Text|Group)_[0-9a-z]{7}$");

  private static final String CAMUNDA_BPMN_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  /** {@code ${bean.method(} or {@code ${bean.property}}: the identifier before the first dot. */
  private static final Pattern BEAN_CALL =
      Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\.\\s*[A-Za-z_]\\w*\\s*\\(");
  private static final Pattern SINGLE_IDENTIFIER = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*$");
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![.'\\w])([A-Za-z_][A-Za-z0-9_]*)(?!\\s*\\()(?![\\w'])");
  private static final Pattern SET_VARIABLE = Pattern.compile("setVariable(?:Local)?\\(\\s*'([^']+)'");
  /** Objects the engine itself puts in the expression context. */
  private static final Set<String> ENGINE_CONTEXT_OBJECTS =
      Set.of("execution", "task", "authenticatedUserId", "variables", "caseExecution", "externalTask");
  /** Words of the expression language and objects the engine provides, not variables. */
  private static final Set<String> NOT_VARIABLES = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq",
      "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof", "execution", "task", "authenticatedUserId");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Surroundings surroundings;

  public ModelChecks(Surroundings surroundings) {
    this.surroundings = surroundings;
  }

  /** Every problem of these files, taken together as one deployment (a form or decision may come with its process). */
  public List<Problem> check(Collection<ModelFile> files) {
    List<Problem> problems = new ArrayList<>();
    Map<String, BpmnModelInstance> bpmn = new LinkedHashMap<>();
    Map<String, DmnModelInstance> dmn = new LinkedHashMap<>();
    Map<String, JsonNode> forms = new LinkedHashMap<>();
    Map<String, Document> xml = new LinkedHashMap<>();
    for (ModelFile file : files) {
      String name = file.name();
      try {
        if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
          bpmn.put(name, Bpmn.readModelFromStream(new ByteArrayInputStream(file.content())));
          xml.put(name, xml(file.content()));
        } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
          dmn.put(name, Dmn.readModelFromStream(new ByteArrayInputStream(file.content())));
          xml.put(name, xml(file.content()));
        } else if (name.endsWith(".form")) {
          forms.put(name, JSON.readTree(file.content()));
        } else {
          problems.add(new Problem(Kind.UNSUPPORTED_FILE, name, "si pubblicano solo modelli BPMN (.bpmn), tabelle "
              + "decisionali DMN (.dmn) e moduli (.form): togli questo file dalla pubblicazione"));
        }
      } catch (IOException | RuntimeException e) {
        problems.add(new Problem(Kind.UNREADABLE, name, "il file non si legge come " + kindOf(name)
            + ": salvalo di nuovo da Camunda Modeler e riprova"));
      }
    }
    Set<String> formIds = new TreeSet<>();
    forms.values().forEach(form -> formIds.add(form.path("id").asText()));
    Map<String, DecisionSignature> decisions = new HashMap<>();
    dmn.values().forEach(model -> model.getModelElementsByType(Decision.class)
        .forEach(decision -> decisions.put(decision.getId(), signature(decision))));
    Set<String> processKeys = new TreeSet<>();
    bpmn.values().forEach(model -> processesOf(model).forEach(p -> processKeys.add(p.getId())));

    Map<String, Set<String>> formUsers = new HashMap<>();
    bpmn.forEach((name, model) -> checkBpmn(name, model, xml.get(name), formIds, decisions, processKeys, formUsers,
        problems));
    dmn.forEach((name, model) -> checkDmn(name, model, xml.get(name), problems));
    forms.forEach((name, form) -> checkForm(name, form, formUsers, problems));
    return problems;
  }

  // ---------------------------------------------------------------------------------------------------- BPMN

  private void checkBpmn(String name, BpmnModelInstance model, Document xml, Set<String> formIds,
      Map<String, DecisionSignature> decisions, Set<String> processKeys, Map<String, Set<String>> formUsers,
      List<Problem> problems) {
    List<org.camunda.bpm.model.bpmn.instance.Process> processes = processesOf(model);
    if (processes.size() != 1) {
      problems.add(new Problem(Kind.FOREIGN_KEY, name, "il file contiene " + processes.size()
          + " processi: ne deve contenere esattamente uno"));
    }
    for (var process : processes) {
      Optional<DeclaredProcess> declared = ProcessCatalogue.find(process.getId());
      if (declared.isEmpty()) {
        problems.add(new Problem(Kind.FOREIGN_KEY, name, "il processo «" + process.getId() + "» non è uno dei "
            + "processi del sistema: si pubblicano solo nuove versioni dei processi esistenti ("
            + String.join(", ", ProcessCatalogue.PROCESSES.stream().map(DeclaredProcess::key).sorted().toList())
            + "); l'id del processo si imposta nel pannello delle proprietà"));
        continue;
      }
      if (!process.isExecutable()) {
        problems.add(new Problem(Kind.NOT_EXECUTABLE, name, "il processo «" + process.getId()
            + "» non è eseguibile: spunta «Executable» nel pannello delle proprietà"));
      }
      if (isBlank(process.getCamundaHistoryTimeToLiveString())) {
        problems.add(new Problem(Kind.HISTORY_TIME_TO_LIVE, name, "il processo «" + process.getId()
            + "» non ha un «History time to live»: impostalo (per esempio 3650 giorni) nel pannello delle proprietà"));
      }
      checkReferences(name, model, declared.get(), formIds, decisions, processKeys, formUsers, problems);
      checkVariables(name, model, declared.get(), decisions, problems);
      checkDescriptorIds(name, model, declared.get(), problems);
    }
    checkBeans(name, xml, problems);
    checkGeneratedIds(name, xml, problems);
  }

  private void checkReferences(String name, BpmnModelInstance model, DeclaredProcess process, Set<String> formIds,
      Map<String, DecisionSignature> decisions, Set<String> processKeys, Map<String, Set<String>> formUsers,
      List<Problem> problems) {
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String formRef = task.getCamundaFormRef();
      if (isBlank(formRef)) {
        problems.add(new Problem(Kind.FORM_REF, name, "il compito «" + label(task) + "» non ha un modulo: imposta "
            + "«Form type: Camunda Forms (linked)» e l'id del modulo"));
      } else {
        formUsers.computeIfAbsent(formRef, f -> new TreeSet<>()).add(process.key());
        if (!formIds.contains(formRef) && !surroundings.isDeployedForm(formRef)) {
          problems.add(new Problem(Kind.FORM_REF, name, "il compito «" + label(task) + "» usa il modulo «" + formRef
              + "», che non è né in questa pubblicazione né già pubblicato: allega il file .form"));
        }
      }
      checkCandidateGroups(name, task, process, problems);
    }
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      String decisionRef = task.getCamundaDecisionRef();
      if (isBlank(decisionRef) || (!decisions.containsKey(decisionRef)
          && !surroundings.shippedDecisions().containsKey(decisionRef))) {
        problems.add(new Problem(Kind.DECISION_REF, name, "il compito «" + label(task) + "» usa la decisione «"
            + decisionRef + "», che non esiste: le decisioni del sistema sono "
            + String.join(", ", new TreeSet<>(surroundings.shippedDecisions().keySet()))));
      }
    }
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      String called = call.getCalledElement();
      if (isBlank(called) || ProcessCatalogue.find(called).isEmpty()
          || (!processKeys.contains(called) && !surroundings.isDeployedProcess(called))) {
        problems.add(new Problem(Kind.CALLED_ELEMENT, name, "l'attività «" + label(call) + "» chiama il processo «"
            + called + "», che non è un processo pubblicato del sistema"));
      }
    }
  }

  private static void checkCandidateGroups(String name, UserTask task, DeclaredProcess process,
      List<Problem> problems) {
    String groups = task.getCamundaCandidateGroups();
    if (isBlank(groups)) {
      problems.add(new Problem(Kind.CANDIDATE_GROUP, name, "il compito «" + label(task) + "» non dice a quale ruolo "
          + "tocca: imposta «Candidate groups» con uno dei ruoli " + String.join(", ", new TreeSet<>(Roles.ALL))));
      return;
    }
    Matcher expression = EXPRESSION.matcher(groups.trim());
    if (expression.matches()) {
      Matcher identifier = SINGLE_IDENTIFIER.matcher(expression.group(1));
      if (!identifier.matches() || process.variable(identifier.group(1)).isEmpty()) {
        problems.add(new Problem(Kind.CANDIDATE_GROUP, name, "il compito «" + label(task) + "» assegna il compito con "
            + "«" + groups + "», che non è una variabile dichiarata del processo " + process.key()));
      } else if (!process.partitionedBy().map(v -> v.name()).orElse("").equals(identifier.group(1))) {
        // the worklist looks for such a task only in the part of the organisation it names (CandidateTaskKeys)
        problems.add(new Problem(Kind.CANDIDATE_GROUP, name, "il compito «" + label(task) + "» è assegnato "
            + "all'organizzazione «" + groups + "», ma il processo " + process.key() + " non si svolge nella parte di "
            + "quell'organizzazione: un compito di un'organizzazione va in un processo che gira nella sua parte"));
      }
      return;
    }
    Arrays.stream(groups.split(",")).map(String::trim).filter(group -> !Roles.ALL.contains(group))
        .forEach(group -> problems.add(new Problem(Kind.CANDIDATE_GROUP, name, "il compito «" + label(task)
            + "» è assegnato al gruppo «" + group + "», che non è un ruolo del sistema (ruoli: "
            + String.join(", ", new TreeSet<>(Roles.ALL)) + ")")));
  }

  private void checkVariables(String name, BpmnModelInstance model, DeclaredProcess process,
      Map<String, DecisionSignature> decisions, List<Problem> problems) {
    Set<String> reported = new TreeSet<>();
    Consumer<String> undeclared = variable -> {
      if (process.variable(variable).isEmpty() && reported.add(variable)) {
        problems.add(new Problem(Kind.VARIABLE, name, "il processo " + process.key() + " usa la variabile «" + variable
            + "», che non è dichiarata: si usano solo le variabili del processo (una nuova variabile va prima "
            + "aggiunta al sistema)"));
      }
    };
    expressions(model).forEach(expression -> variablesIn(expression).forEach(undeclared));
    for (BusinessRuleTask rule : model.getModelElementsByType(BusinessRuleTask.class)) {
      if (rule.getCamundaResultVariable() != null) {
        undeclared.accept(rule.getCamundaResultVariable());
      }
      DecisionSignature signature = decisions.getOrDefault(rule.getCamundaDecisionRef(),
          surroundings.shippedDecisions().get(rule.getCamundaDecisionRef()));
      if (signature != null) {
        signature.inputs().stream().map(input -> input.substring(0, input.lastIndexOf(':')))
            .flatMap(input -> variablesIn("${" + input + "}").stream()).forEach(undeclared);
      }
    }
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      Optional<DeclaredProcess> called = ProcessCatalogue.find(call.getCalledElement());
      List<ExtensionElements> extensions = List.copyOf(call.getChildElementsByType(ExtensionElements.class));
      for (CamundaIn in : extensions.stream().flatMap(e -> e.getChildElementsByType(CamundaIn.class).stream())
          .toList()) {
        if (in.getCamundaVariables() != null) {
          problems.add(new Problem(Kind.VARIABLE, name, "l'attività «" + label(call) + "» passa tutte le variabili al "
              + "processo chiamato: passa solo quelle che gli servono"));
        } else if (in.getCamundaSource() != null) {
          undeclared.accept(in.getCamundaSource());
          called.ifPresent(c -> mapped(name, call, c, in.getCamundaTarget(), problems));
        }
      }
      for (CamundaOut out : extensions.stream().flatMap(e -> e.getChildElementsByType(CamundaOut.class).stream())
          .toList()) {
        if (out.getCamundaVariables() != null) {
          problems.add(new Problem(Kind.VARIABLE, name, "l'attività «" + label(call) + "» riporta tutte le variabili "
              + "del processo chiamato: riporta solo quelle che servono"));
        } else {
          called.ifPresent(c -> mapped(name, call, c, out.getCamundaSource(), problems));
          undeclared.accept(out.getCamundaTarget());
        }
      }
      called.flatMap(DeclaredProcess::partitionedBy).map(v -> v.name()).ifPresent(undeclared);
    }
  }

  private static void mapped(String name, CallActivity call, DeclaredProcess called, String variable,
      List<Problem> problems) {
    if (variable == null || called.variable(variable).isEmpty()) {
      problems.add(new Problem(Kind.VARIABLE, name, "l'attività «" + label(call) + "» scambia la variabile «"
          + variable + "», che il processo " + called.key() + " non dichiara"));
    }
  }

  /** The element ids the process's descriptor names (the code refers to them) are still in the model. */
  private static void checkDescriptorIds(String name, BpmnModelInstance model, DeclaredProcess process,
      List<Problem> problems) {
    for (String id : DescriptorElements.of(process.key())) {
      if (model.getModelElementById(id) == null) {
        problems.add(new Problem(Kind.MISSING_ELEMENT, name, "manca l'elemento «" + id + "» del processo "
            + process.key() + ", a cui il sistema fa riferimento: non cambiarne l'id e non toglierlo"));
      }
    }
  }

  private void checkBeans(String name, Document xml, List<Problem> problems) {
    referencedBeans(xml).stream().filter(bean -> !surroundings.isBean(bean))
        .forEach(bean -> problems.add(new Problem(Kind.BEAN, name, "il modello chiama «" + bean + "», che non è un "
            + "componente del sistema: scegli un elemento dai modelli (element templates) o correggi il nome")));
  }

  private static void checkGeneratedIds(String name, Document xml, List<Problem> problems) {
    walkElements(xml.getDocumentElement(), element -> {
      String id = element.getAttribute("id");
      if (GENERATED_ID.matcher(id).matches()) {
        problems.add(new Problem(Kind.GENERATED_ID, name, "l'elemento «" + id + "» ha l'id generato da Modeler: "
            + "dagli un id che dica cos'è (per esempio Task_VerificaDocumenti, Flow_DocumentiCompleti)"));
      }
    });
  }

  // ---------------------------------------------------------------------------------------------------- DMN

  private void checkDmn(String name, DmnModelInstance model, Document xml, List<Problem> problems) {
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      DecisionSignature shipped = surroundings.shippedDecisions().get(decision.getId());
      if (shipped == null) {
        problems.add(new Problem(Kind.FOREIGN_KEY, name, "la decisione «" + decision.getId() + "» non è una delle "
            + "decisioni del sistema (" + String.join(", ", new TreeSet<>(surroundings.shippedDecisions().keySet()))
            + "): si pubblicano solo nuove versioni delle decisioni esistenti"));
        continue;
      }
      if (isBlank(decision.getCamundaHistoryTimeToLiveString())) {
        problems.add(new Problem(Kind.HISTORY_TIME_TO_LIVE, name, "la decisione «" + decision.getId() + "» non ha un "
            + "«History time to live»: impostalo (per esempio 3650 giorni) nel pannello delle proprietà"));
      }
      DecisionSignature given = signature(decision);
      if (!given.inputs().equals(shipped.inputs())) {
        problems.add(new Problem(Kind.DECISION_SIGNATURE, name, "la decisione «" + decision.getId() + "» deve "
            + "leggere gli stessi dati, con gli stessi tipi, che il processo le passa: " + shipped.inputs()
            + "; qui legge " + given.inputs() + ". Cambia le regole, non le colonne di input"));
      }
      if (!given.outputs().equals(shipped.outputs())) {
        problems.add(new Problem(Kind.DECISION_SIGNATURE, name, "la decisione «" + decision.getId() + "» deve "
            + "dare gli stessi risultati, con gli stessi nomi e tipi, che il processo legge: " + shipped.outputs()
            + "; qui dà " + given.outputs()));
      }
      if (!given.hitPolicy().equals(shipped.hitPolicy())) {
        problems.add(new Problem(Kind.DECISION_SIGNATURE, name, "la decisione «" + decision.getId() + "» deve "
            + "mantenere la hit policy " + shipped.hitPolicy() + " (qui " + given.hitPolicy() + "): il processo "
            + "legge i risultati in quel modo"));
      }
    }
    checkGeneratedIds(name, xml, problems);
  }

  /** The inputs ({@code expression:type}), outputs ({@code name:type}) and hit policy of a decision table. */
  public static DecisionSignature signature(Decision decision) {
    Set<String> inputs = new TreeSet<>();
    Set<String> outputs = new TreeSet<>();
    String hitPolicy = "";
    for (DecisionTable table : decision.getChildElementsByType(DecisionTable.class)) {
      hitPolicy = String.valueOf(table.getHitPolicy()) + (table.getAggregation() == null ? ""
          : " " + table.getAggregation());
      for (Input input : table.getInputs()) {
        var expression = input.getInputExpression();
        String text = expression == null || expression.getText() == null ? ""
            : expression.getText().getTextContent().trim();
        inputs.add(text + ":" + (expression == null ? "" : String.valueOf(expression.getTypeRef())));
      }
      for (Output output : table.getOutputs()) {
        outputs.add(output.getName() + ":" + output.getTypeRef());
      }
    }
    return new DecisionSignature(inputs, outputs, hitPolicy);
  }

  /** The signature of every decision of a DMN file. */
  public static Map<String, DecisionSignature> signatures(byte[] dmn) {
    Map<String, DecisionSignature> signatures = new HashMap<>();
    Dmn.readModelFromStream(new ByteArrayInputStream(dmn)).getModelElementsByType(Decision.class)
        .forEach(decision -> signatures.put(decision.getId(), signature(decision)));
    return signatures;
  }

  // ---------------------------------------------------------------------------------------------------- forms

  private void checkForm(String name, JsonNode form, Map<String, Set<String>> formUsers, List<Problem> problems) {
    String id = form.path("id").asText("");
    String fileName = name.substring(name.lastIndexOf('/') + 1).replaceFirst("\\.form$", "");
    if (!id.equals(fileName)) {
      problems.add(new Problem(Kind.FORM_ID, name, "l'id del modulo («" + id + "») deve essere uguale al nome del "
          + "file («" + fileName + "»)"));
    }
    if (!form.path("schemaVersion").canConvertToInt()
        || form.path("schemaVersion").asInt() > TASKLIST_SCHEMA_VERSION) {
      problems.add(new Problem(Kind.FORM_SCHEMA, name, "il modulo è salvato con la versione di schema "
          + form.path("schemaVersion").asText("?") + ", che Tasklist non sa mostrare (al massimo "
          + TASKLIST_SCHEMA_VERSION + "): in Modeler scegli come piattaforma di esecuzione Camunda 7.21 o precedente"
          + " e salva di nuovo"));
    }
    Set<String> keys = new TreeSet<>();
    Set<String> ids = new TreeSet<>();
    for (JsonNode component : components(form)) {
      String type = component.path("type").asText("");
      if (!TASKLIST_COMPONENT_TYPES.contains(type)) {
        problems.add(new Problem(Kind.FORM_COMPONENT, name, "il campo «" + component.path("key").asText(
            component.path("id").asText("?")) + "» è di tipo «" + type + "», che Tasklist non sa mostrare: usa solo "
            + String.join(", ", new TreeSet<>(TASKLIST_COMPONENT_TYPES))));
      }
      String key = component.path("key").asText("");
      if (!key.isEmpty() && !keys.add(key)) {
        problems.add(new Problem(Kind.DUPLICATE_KEY, name, "la chiave «" + key + "» è usata da due campi"));
      }
      String componentId = component.path("id").asText("");
      if (!componentId.isEmpty() && !ids.add(componentId)) {
        problems.add(new Problem(Kind.DUPLICATE_KEY, name, "l'id «" + componentId + "» è usato da due campi"));
      }
      for (String generated : List.of(componentId, component.path("layout").path("row").asText())) {
        if (GENERATED_ID.matcher(generated).matches()) {
          problems.add(new Problem(Kind.GENERATED_ID, name, "il campo con id «" + generated + "» ha l'id generato da "
              + "Modeler: dagli un id che dica cos'è"));
        }
      }
    }
    Set<String> users = new TreeSet<>(formUsers.getOrDefault(id, Set.of()));
    users.addAll(surroundings.processesUsingForm(id));
    List<FormField> fields = FormFields.parse(form);
    for (String processKey : users) {
      ProcessCatalogue.find(processKey).ifPresent(process -> fields.stream()
          .filter(field -> process.variable(field.key()).isEmpty())
          .forEach(field -> problems.add(new Problem(Kind.VARIABLE, name, "il campo «" + field.key() + "» non è una "
              + "variabile dichiarata del processo " + process.key() + ", che usa questo modulo"))));
    }
  }

  /** All components of a form, including those nested in groups and dynamic lists. */
  public static List<JsonNode> components(JsonNode container) {
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode component : container.path("components")) {
      all.add(component);
      all.addAll(components(component));
    }
    return all;
  }

  // ---------------------------------------------------------------------------------------------------- scanning

  /** The Spring beans a BPMN file names: every delegate expression and every {@code ${bean.method(...)}}. */
  public static Set<String> referencedBeans(Document xml) {
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
    walkElements(xml.getDocumentElement(), element -> {
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

  /** Variables read (or written by name) in an expression: identifiers that are not beans, methods or literals. */
  public static Set<String> variablesIn(String text) {
    Set<String> variables = new LinkedHashSet<>();
    Matcher expression = EXPRESSION.matcher(text == null ? "" : text);
    while (expression.find()) {
      String body = expression.group(1);
      Matcher set = SET_VARIABLE.matcher(body);
      while (set.find()) {
        variables.add(set.group(1));
      }
      String withoutStrings = body.replaceAll("'[^']*'", "''");
      Matcher identifier = IDENTIFIER.matcher(withoutStrings);
      while (identifier.find()) {
        String name = identifier.group(1);
        int end = identifier.end();
        boolean beanOrObject = end < withoutStrings.length() && withoutStrings.charAt(end) == '.';
        if (!beanOrObject && !NOT_VARIABLES.contains(name)) {
          variables.add(name);
        }
      }
    }
    return variables;
  }

  /**
   * Every expression of a model: conditions, attributes (candidate groups, due dates, listeners), timers; not the
   * delegate expressions, which name Spring beans.
   */
  public static List<String> expressions(BpmnModelInstance model) {
    List<String> found = new ArrayList<>();
    String text = Bpmn.convertToString(model).replace("&apos;", "'").replace("&amp;", "&");
    Matcher matcher = Pattern.compile("(delegateExpression=\")?([$#]\\{[^}]*})").matcher(text);
    while (matcher.find()) {
      if (matcher.group(1) == null) {
        found.add(matcher.group(2));
      }
    }
    return found;
  }

  public static Document xml(byte[] content) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
    } catch (Exception e) {
      throw new IllegalArgumentException("not XML", e);
    }
  }

  public static void walkElements(Element element, Consumer<Element> visitor) {
    visitor.accept(element);
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        walkElements(childElement, visitor);
      }
    }
  }

  private static List<org.camunda.bpm.model.bpmn.instance.Process> processesOf(BpmnModelInstance model) {
    return List.copyOf(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class));
  }

  private static String label(org.camunda.bpm.model.bpmn.instance.FlowElement element) {
    return isBlank(element.getName()) ? element.getId() : element.getName();
  }

  private static String kindOf(String name) {
    return name.endsWith(".form") ? "modulo (JSON)" : name.endsWith(".dmn") ? "DMN" : "BPMN";
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  /** Groups problems by kind, for the build's tests. */
  public static Map<Kind, List<Problem>> byKind(List<Problem> problems) {
    Map<Kind, List<Problem>> grouped = new HashMap<>();
    problems.forEach(p -> grouped.computeIfAbsent(p.kind(), k -> new ArrayList<>()).add(p));
    return grouped;
  }
}
