package org.erplab.pathways.audit.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.erplab.pathways.common.api.ApiTime;
import org.erplab.pathways.security.EngineAccess;
import org.springframework.stereotype.Component;

/**
 * The processes a pathway ran, read from the engine's history for the auditors' diagrams (ADR 0038): the instances
 * whose business key is the pathway's id (the root and what runs beside it) and, recursively, the instances they
 * called ({@code superProcessInstanceId}); for each, per activity, how many times it was entered, completed (ended
 * without being cancelled) and is active now. Access is the caller's to decide first: these reads run as the system.
 */
@Component
public class PathwayDiagrams {

  private final HistoryService history;
  private final RepositoryService repository;
  private final EngineAccess engine;

  PathwayDiagrams(HistoryService history, RepositoryService repository, EngineAccess engine) {
    this.history = history;
    this.repository = repository;
    this.engine = engine;
  }

  /** Times an activity was entered, completed and is active now, in one process instance. */
  public record ActivityCount(int entered, int completed, int active) {}

  /** A process instance of the pathway and its activities by id (sorted). */
  public record ProcessRun(String processInstanceId, String superProcessInstanceId, String processDefinitionId,
      String key, String name, int version, OffsetDateTime startedAt, OffsetDateTime endedAt,
      Map<String, ActivityCount> activities) {}

  /** The pathway's process instances, in the order they started; empty for a pathway the engine never ran. */
  public List<ProcessRun> runsOf(UUID pathwayId) {
    return engine.asSystem(() -> instancesOf(pathwayId).stream()
        .sorted(Comparator.comparing(HistoricProcessInstance::getStartTime).thenComparing(HistoricProcessInstance::getId))
        .map(this::run)
        .toList());
  }

  /** The BPMN XML of a process definition the pathway ran; empty for any other. */
  public Optional<String> xmlOf(UUID pathwayId, String processDefinitionId) {
    return engine.asSystem(() -> {
      boolean ran = instancesOf(pathwayId).stream()
          .anyMatch(p -> p.getProcessDefinitionId().equals(processDefinitionId));
      if (!ran) {
        return Optional.empty();
      }
      try (InputStream xml = repository.getProcessModel(processDefinitionId)) {
        return Optional.of(new String(xml.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private List<HistoricProcessInstance> instancesOf(UUID pathwayId) {
    Map<String, HistoricProcessInstance> found = new LinkedHashMap<>();
    Deque<HistoricProcessInstance> toVisit = new ArrayDeque<>(
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(pathwayId.toString()).list());
    while (!toVisit.isEmpty()) {
      HistoricProcessInstance instance = toVisit.pop();
      if (found.putIfAbsent(instance.getId(), instance) == null) {
        toVisit.addAll(history.createHistoricProcessInstanceQuery().superProcessInstanceId(instance.getId()).list());
      }
    }
    return new ArrayList<>(found.values());
  }

  private ProcessRun run(HistoricProcessInstance instance) {
    Map<String, int[]> counts = new TreeMap<>();
    for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId()).list()) {
      int[] count = counts.computeIfAbsent(activity.getActivityId(), id -> new int[3]);
      count[0]++;
      if (activity.getEndTime() == null) {
        count[2]++;
      } else if (!activity.isCanceled()) {
        count[1]++;
      }
    }
    Map<String, ActivityCount> activities = new LinkedHashMap<>();
    counts.forEach((id, c) -> activities.put(id, new ActivityCount(c[0], c[1], c[2])));
    return new ProcessRun(instance.getId(), instance.getSuperProcessInstanceId(), instance.getProcessDefinitionId(),
        instance.getProcessDefinitionKey(), instance.getProcessDefinitionName(),
        instance.getProcessDefinitionVersion() == null ? 0 : instance.getProcessDefinitionVersion(),
        ApiTime.of(instance.getStartTime()), ApiTime.of(instance.getEndTime()), activities);
  }
}
