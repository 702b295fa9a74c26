package org.erplab.pathways.worklist.process;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.erplab.pathways.security.EngineAccess;
import org.erplab.pathways.security.Partitions;
import org.erplab.pathways.worklist.infrastructure.WorklistQueries;
import org.springframework.stereotype.Component;

/**
 * The kinds of task (user task ids) whose candidate groups may include one of a caller's groups, read from the
 * deployed models: a task's candidate groups are the model's, never changed by hand ({@code DoorRules} refuses it at
 * every door). A literal list ({@code cpi}, {@code lab}) counts for those groups; an expression
 * ({@code ${operatorOrganisation}}, an organisation known only when the task is created) counts for every caller.
 *
 * <p>The worklist walks each of these kinds apart ({@link WorklistQueries}), so a lab's walk does not pass over the
 * CPI's open tasks that rank above its own. The deployed definitions are listed at every call (one small statement:
 * a model deployed on another node counts at once); each definition's tasks are read once, a definition never
 * changes.
 */
@Component
public class CandidateTaskKeys {

  /** Candidate groups of a kind of task: a literal list, or {@code null} for an expression (any group). */
  private final Map<String, Map<String, Set<String>>> byDefinition = new ConcurrentHashMap<>();
  private final RepositoryService repositoryService;
  private final EngineAccess engine;
  private final WorklistQueries queries;

  public CandidateTaskKeys(RepositoryService repositoryService, EngineAccess engine, WorklistQueries queries) {
    this.repositoryService = repositoryService;
    this.engine = engine;
    this.queries = queries;
  }

  /**
   * Per tenant, the kinds of task one of the groups may be a candidate of there. A task whose candidate group is an
   * expression runs in the part of the organisation it names ({@code ModelChecks}: the expression is the variable its
   * process is partitioned by), so in an organisation's part those kinds count only for that organisation's people;
   * in the project's own tenant they count for everybody (none should be there).
   */
  public Map<String, Set<String>> byTenant(Collection<String> tenants, Collection<String> groups) {
    Kinds kinds = kindsOf(groups);
    Set<String> all = new TreeSet<>(kinds.byRole());
    all.addAll(kinds.byOrganisation());
    Map<String, Set<String>> byTenant = new HashMap<>();
    for (String tenant : tenants) {
      boolean othersPart = Partitions.isPart(tenant) && !groups.contains(Partitions.organisationOf(tenant));
      byTenant.put(tenant, othersPart ? kinds.byRole() : all);
    }
    return byTenant;
  }

  /** The kinds of task a role list names for one of the groups, and those an organisation's expression names. */
  record Kinds(Set<String> byRole, Set<String> byOrganisation) {}

  private Kinds kindsOf(Collection<String> groups) {
    Set<String> byRole = new TreeSet<>();
    Set<String> byOrganisation = new TreeSet<>();
    for (String definitionId : queries.processDefinitionIds()) {
      candidatesOf(definitionId).forEach((taskKey, candidates) -> {
        if (candidates == null) {
          byOrganisation.add(taskKey);
        } else if (candidates.stream().anyMatch(groups::contains)) {
          byRole.add(taskKey);
        }
      });
    }
    return new Kinds(byRole, byOrganisation);
  }

  private Map<String, Set<String>> candidatesOf(String definitionId) {
    return byDefinition.computeIfAbsent(definitionId, id -> engine.asSystem(() -> {
      BpmnModelInstance model = repositoryService.getBpmnModelInstance(id);
      Map<String, Set<String>> candidates = new HashMap<>();
      if (model != null) {
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
          Set<String> groups = groupsOf(task.getCamundaCandidateGroups());
          candidates.put(task.getId(), candidates.containsKey(task.getId())
              ? union(candidates.get(task.getId()), groups) : groups);
        }
      }
      return candidates;
    }));
  }

  /** The literal groups of an attribute, or {@code null} if any part is an expression. */
  static Set<String> groupsOf(String attribute) {
    if (attribute == null || attribute.isBlank()) {
      return Set.of();
    }
    List<String> parts = Arrays.stream(attribute.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
    if (parts.stream().anyMatch(p -> p.contains("${") || p.contains("#{"))) {
      return null;
    }
    return parts.stream().collect(Collectors.toUnmodifiableSet());
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    if (a == null || b == null) {
      return null;
    }
    Set<String> both = new TreeSet<>(a);
    both.addAll(b);
    return Set.copyOf(both);
  }
}
