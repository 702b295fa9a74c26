package org.erplab.pathways.model.process;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.erplab.pathways.common.domain.FieldError;
import org.erplab.pathways.common.process.InvalidFieldsException;
import org.erplab.pathways.common.process.UnknownResourceException;
import org.erplab.pathways.security.Partitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a changed decision table would decide differently, before it is deployed (ADR 0029): the changed DMN file is
 * parsed, never deployed, and both it and the deployed version are evaluated, with a DMN engine of their own, on the
 * inputs Camunda's history recorded for the last evaluations of the decision. Only the rules may change: inputs
 * (variable and type), outputs (name and type) and the hit policy must stay those of the deployed version, which the
 * processes read.
 *
 * <p>The inputs are exactly those the history holds, including derived values that were transient in the process
 * (ageAtIntake, disabled, disadvantaged: never stored as variables, but recorded as decision inputs). An input the
 * history lacks for an evaluation (made by an earlier version without it) is evaluated as empty (null), and counted.
 */
@Component
public class DecisionImpact {

  private static final Logger LOG = LoggerFactory.getLogger(DecisionImpact.class);
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  /** What an empty result means, where it means something (ADR 0005: no reason, the person is eligible). */
  private static final Map<String, String> EMPTY_RESULT = Map.of("eligibility", "ELIGIBLE");
  private static final String NO_RULE = "nessuna regola";

  private final RepositoryService repositoryService;
  private final HistoryService historyService;
  /**
   * A DMN engine of its own: the process engine's writes history and metrics for every evaluation, and a what-if
   * evaluation is neither.
   */
  private final DmnEngine dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private final IdentityService identityService;

  public DecisionImpact(RepositoryService repositoryService, HistoryService historyService,
      IdentityService identityService) {
    this.repositoryService = repositoryService;
    this.historyService = historyService;
    this.identityService = identityService;
  }

  /** One input of a decision table: the variable its expression reads, its type and label. */
  public record Column(String id, String variable, String typeRef, String label) {}

  /** How many recorded evaluations lacked an input (evaluated with it empty). */
  public record MissingInput(String input, String label, int count) {}

  /** Evaluations whose result would go from {@code from} to {@code to}: result rows, empty when no rule applies. */
  public record Transition(List<Map<String, Object>> from, List<Map<String, Object>> to, String fromLabel,
      String toLabel, int count) {}

  public record Impact(String decisionKey, int deployedVersion, int evaluated, int changed, int notAsRecorded,
      List<MissingInput> missingInputs, List<Transition> transitions, String summary) {}

  /**
   * Re-evaluates the decision {@code key} of {@code file} on the last {@code last} evaluations recorded in the
   * {@code projects} given (and their organisations' parts); an unknown key is a {@link UnknownResourceException}, a file that cannot stand in for the deployed version
   * an {@link InvalidFieldsException} naming the problem.
   */
  public Impact assess(String key, byte[] file, Collection<String> projects, int last) {
    DecisionDefinition deployed = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key)
        .withoutTenantId().latestVersion().singleResult();
    if (deployed == null) {
      throw new UnknownResourceException();
    }
    DecisionTable deployedTable = table(repositoryService.getDmnModelInstance(deployed.getId()), key);
    DmnModelInstance changedModel = read(file);
    DecisionTable changedTable = table(changedModel, key);
    if (deployedTable == null) {
      throw invalid("la decisione «" + key + "» in uso non è una tabella decisionale: non si può confrontare");
    }
    if (changedTable == null) {
      throw invalid("il file non contiene la tabella decisionale «" + key + "» (l'id della decisione deve restare «"
          + key + "»)");
    }
    List<Column> inputs = inputs(deployedTable);
    checkSameShape(deployedTable, changedTable, inputs);
    DmnDecision before = parse(key, repositoryService.getDmnModelInstance(deployed.getId()));
    DmnDecision after = parse(key, changedModel);
    List<String> outputs = List.copyOf(outputs(deployedTable).keySet());
    Map<String, Object> empty = new LinkedHashMap<>();
    inputs.forEach(c -> empty.put(c.variable(), null));
    // every rule's expressions are read at least once, even when the history holds no evaluation
    evaluate(after, empty, "modificata");

    List<String> tenantIds = identityService.createTenantQuery().list().stream().map(Tenant::getId)
        .filter(t -> projects.contains(Partitions.projectOf(t))).toList();
    List<HistoricDecisionInstance> history = tenantIds.isEmpty() ? List.of()
        : historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey(key)
            .tenantIdIn(tenantIds.toArray(String[]::new)).includeInputs().includeOutputs()
            .orderByEvaluationTime().desc().listPage(0, last);
    Map<String, Column> byId = inputs.stream().collect(Collectors.toMap(Column::id, c -> c));
    Map<String, Integer> missing = new LinkedHashMap<>();
    Map<List<List<Map<String, Object>>>, Integer> transitions = new LinkedHashMap<>();
    int changed = 0;
    int notAsRecorded = 0;
    for (HistoricDecisionInstance evaluation : history) {
      Map<String, Object> variables = new LinkedHashMap<>();
      inputs.forEach(c -> variables.put(c.variable(), null));
      java.util.Set<String> present = new java.util.HashSet<>();
      for (HistoricDecisionInputInstance input : evaluation.getInputs()) {
        Column column = byId.get(input.getClauseId());
        if (column != null) {
          variables.put(column.variable(), input.getValue());
          present.add(column.id());
        }
      }
      inputs.stream().filter(c -> !present.contains(c.id())).forEach(c -> missing.merge(c.id(), 1, Integer::sum));
      List<Map<String, Object>> from = canonical(evaluate(before, variables, "in uso"), outputs);
      List<Map<String, Object>> to = canonical(evaluate(after, variables, "modificata"), outputs);
      if (!from.equals(recorded(evaluation, outputs))) {
        notAsRecorded++;
      }
      if (!from.equals(to)) {
        changed++;
        transitions.merge(List.of(from, to), 1, Integer::sum);
      }
    }
    List<Transition> list = transitions.entrySet().stream()
        .map(e -> new Transition(e.getKey().get(0), e.getKey().get(1), label(key, e.getKey().get(0)),
            label(key, e.getKey().get(1)), e.getValue()))
        .sorted(Comparator.comparingInt(Transition::count).reversed().thenComparing(Transition::fromLabel)
            .thenComparing(Transition::toLabel))
        .toList();
    List<MissingInput> missingInputs = missing.entrySet().stream()
        .map(e -> new MissingInput(byId.get(e.getKey()).variable(), byId.get(e.getKey()).label(), e.getValue()))
        .toList();
    return new Impact(key, deployed.getVersion(), history.size(), changed, notAsRecorded, missingInputs, list,
        summary(key, history.size(), changed, list, missingInputs));
  }

  private static DmnModelInstance read(byte[] file) {
    try {
      return Dmn.readModelFromStream(new ByteArrayInputStream(file));
    } catch (RuntimeException e) {
      throw invalid("il file non è un modello DMN leggibile (si salva da Camunda Modeler come .dmn)");
    }
  }

  private static DecisionTable table(DmnModelInstance model, String key) {
    return model.getModelElementById(key) instanceof Decision decision
        && decision.getExpression() instanceof DecisionTable table ? table : null;
  }

  private static List<Column> inputs(DecisionTable table) {
    return table.getInputs().stream().map(DecisionImpact::column).toList();
  }

  private static Column column(Input input) {
    String text = input.getInputExpression() == null || input.getInputExpression().getText() == null ? ""
        : input.getInputExpression().getText().getTextContent().trim();
    String type = input.getInputExpression() == null ? null : input.getInputExpression().getTypeRef();
    return new Column(input.getId(), text, type, input.getLabel() == null ? text : input.getLabel());
  }

  /** Inputs, outputs and hit policy as deployed: the process fills those inputs and reads those outputs. */
  private static void checkSameShape(DecisionTable deployed, DecisionTable changed, List<Column> inputs) {
    List<FieldError> errors = new ArrayList<>();
    for (Column c : inputs) {
      if (!PLAIN_NAME.matcher(c.variable()).matches()) {
        errors.add(new FieldError("file", "l'ingresso «" + c.label() + "» della versione in uso è un'espressione, non "
            + "una variabile: la cronologia non basta a rivalutarlo"));
      }
    }
    Map<String, Column> before = inputs.stream().collect(Collectors.toMap(Column::variable, c -> c, (a, b) -> a));
    Map<String, Column> after = inputs(changed).stream()
        .collect(Collectors.toMap(Column::variable, c -> c, (a, b) -> a));
    for (Column c : before.values()) {
      Column now = after.get(c.variable());
      if (now == null) {
        errors.add(new FieldError("file", "manca l'ingresso «" + c.label() + "» (" + c.variable()
            + "): il processo lo fornisce, la decisione deve leggerlo"));
      } else if (!Objects.equals(c.typeRef(), now.typeRef())) {
        errors.add(new FieldError("file", "l'ingresso «" + c.label() + "» (" + c.variable() + ") è di tipo "
            + c.typeRef() + " nella versione in uso e " + now.typeRef() + " nel file"));
      }
    }
    for (Column c : after.values()) {
      if (!before.containsKey(c.variable())) {
        errors.add(new FieldError("file", "l'ingresso «" + c.label() + "» (" + c.variable() + ") non c'è nella "
            + "versione in uso: il processo non lo fornisce e la cronologia non lo ha"));
      }
    }
    Map<String, String> outBefore = outputs(deployed);
    Map<String, String> outAfter = outputs(changed);
    for (Map.Entry<String, String> o : outBefore.entrySet()) {
      if (!outAfter.containsKey(o.getKey())) {
        errors.add(new FieldError("file", "manca l'uscita «" + o.getKey() + "»: il processo la legge"));
      } else if (!Objects.equals(o.getValue(), outAfter.get(o.getKey()))) {
        errors.add(new FieldError("file", "l'uscita «" + o.getKey() + "» è di tipo " + o.getValue()
            + " nella versione in uso e " + outAfter.get(o.getKey()) + " nel file"));
      }
    }
    outAfter.keySet().stream().filter(o -> !outBefore.containsKey(o)).forEach(o -> errors.add(new FieldError("file",
        "l'uscita «" + o + "» non c'è nella versione in uso: il processo non la leggerebbe")));
    if (deployed.getHitPolicy() != changed.getHitPolicy()
        || !Objects.equals(deployed.getAggregation(), changed.getAggregation())) {
      errors.add(new FieldError("file", "la politica di scelta delle regole (hit policy) è " + changed.getHitPolicy()
          + " invece di " + deployed.getHitPolicy() + ": il processo legge i risultati in un altro modo"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFieldsException("The decision cannot replace the deployed one", errors);
    }
  }

  private static Map<String, String> outputs(DecisionTable table) {
    Map<String, String> outputs = new LinkedHashMap<>();
    for (Output output : table.getOutputs()) {
      outputs.put(output.getName(), output.getTypeRef());
    }
    return outputs;
  }

  private DmnDecision parse(String key, DmnModelInstance model) {
    try {
      return dmnEngine.parseDecision(key, model);
    } catch (RuntimeException e) {
      // the engine's message quotes the model, never a person's data; kept out of the answer all the same
      LOG.info("Changed decision {} cannot be parsed: {}", key, e.getClass().getSimpleName());
      throw invalid("la decisione non si può leggere: controllare le espressioni delle regole e i tipi");
    }
  }

  private List<Map<String, Object>> evaluate(DmnDecision decision, Map<String, Object> variables, String which) {
    try {
      return dmnEngine.evaluateDecisionTable(decision, variables).getResultList();
    } catch (RuntimeException e) {
      LOG.info("Decision {} ({}) cannot be evaluated: {}", decision.getKey(), which, e.getClass().getSimpleName());
      throw invalid("la versione " + which + " della decisione non si può valutare sui dati registrati: "
          + "un'espressione di una regola non è valida per il tipo del suo ingresso");
    }
  }

  /** The result rows the history recorded: the outputs of each matched rule, in rule order. */
  private static List<Map<String, Object>> recorded(HistoricDecisionInstance evaluation, List<String> outputs) {
    Map<Integer, Map<String, Object>> rows = new TreeMap<>();
    for (HistoricDecisionOutputInstance output : evaluation.getOutputs()) {
      rows.computeIfAbsent(output.getRuleOrder() == null ? 0 : output.getRuleOrder(), r -> new LinkedHashMap<>())
          .put(output.getVariableName(), output.getValue());
    }
    return canonical(new ArrayList<>(rows.values()), outputs);
  }

  /**
   * Rows in a stable order (COLLECT lists follow rule order, which a change may move), each row's outputs in the
   * table's order.
   */
  private static List<Map<String, Object>> canonical(List<Map<String, Object>> rows, List<String> outputs) {
    return rows.stream().map(r -> {
      Map<String, Object> row = new LinkedHashMap<>();
      outputs.stream().filter(r::containsKey).forEach(o -> row.put(o, r.get(o)));
      return row;
    }).sorted(Comparator.comparing(Object::toString)).toList();
  }

  private static String label(String key, List<Map<String, Object>> rows) {
    if (rows.isEmpty()) {
      return EMPTY_RESULT.getOrDefault(key, NO_RULE);
    }
    return rows.stream()
        .map(r -> r.values().stream().map(String::valueOf).collect(Collectors.joining("/")))
        .collect(Collectors.joining(" + "));
  }

  private static String summary(String key, int evaluated, int changed, List<Transition> transitions,
      List<MissingInput> missing) {
    if (evaluated == 0) {
      return "Nessuna valutazione di «" + key + "» nella cronologia dei progetti indicati: nulla da confrontare.";
    }
    StringBuilder text = new StringBuilder();
    if (changed == 0) {
      text.append("Nessuna delle ").append(evaluated).append(" valutazioni cambierebbe esito.");
    } else {
      text.append(changed).append(" di ").append(evaluated).append(changed == 1 ? " valutazioni cambierebbe esito: "
          : " valutazioni cambierebbero esito: ");
      text.append(transitions.stream().map(t -> t.count() + " " + t.fromLabel()
              + (t.count() == 1 ? " diventerebbe " : " diventerebbero ") + t.toLabel())
          .collect(Collectors.joining("; "))).append('.');
    }
    for (MissingInput m : missing) {
      text.append(' ').append(m.count()).append(m.count() == 1 ? " valutazione non aveva" : " valutazioni non avevano")
          .append(" il dato «").append(m.label()).append("» (").append(m.input())
          .append("): valutate con il dato vuoto, come la decisione lo riceverebbe.");
    }
    return text.toString();
  }

  private static InvalidFieldsException invalid(String message) {
    return new InvalidFieldsException("The decision cannot replace the deployed one",
        List.of(new FieldError("file", message)));
  }
}
