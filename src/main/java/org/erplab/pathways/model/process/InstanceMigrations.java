package org.erplab.pathways.model.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.common.domain.FieldError;
import org.erplab.pathways.common.process.InvalidFieldsException;
import org.erplab.pathways.common.process.UnknownResourceException;
import org.erplab.pathways.model.infrastructure.MigrationRecords;
import org.erplab.pathways.model.infrastructure.MigrationRecords.Migration;
import org.erplab.pathways.model.infrastructure.MigrationRecords.MovedInstance;
import org.erplab.pathways.security.Partitions;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the running instances of one version of a model onto another with Camunda's migration API (ADR 0029), for the
 * projects of the caller only: a plan maps the activities that are equal in both versions, plus the mappings given
 * (an activity renamed); the dry run tries each instance in a transaction that is rolled back and says, per instance,
 * why it cannot move; the real run hands the instances that can move to one batch ({@code executeAsync}) and records
 * it in {@code process_migration}, which {@link #status} brings up to date from the batch.
 *
 * <p>The caller's role and projects are checked before: this runs as the system (no engine authentication).
 */
@Component
public class InstanceMigrations {

  public static final String RUNNING = "RUNNING";
  public static final String COMPLETED = "COMPLETED";
  public static final String FAILED = "FAILED";
  public static final String NOTHING_TO_MOVE = "NOTHING_TO_MOVE";

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final HistoryService historyService;
  private final MigrationRecords records;
  private final TransactionTemplate transaction;

  public InstanceMigrations(RepositoryService repositoryService, RuntimeService runtimeService,
      ManagementService managementService, HistoryService historyService, MigrationRecords records,
      PlatformTransactionManager transactions) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.historyService = historyService;
    this.records = records;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** An explicit mapping: the instances in activity {@code from} of the source version go to {@code to}. */
  public record Mapping(String from, String to) {}

  /** One instance in scope: whether it can move, and if not why (in Italian, for the manager). */
  public record InstanceCheck(String processInstanceId, String projectCode, boolean canMove, List<String> reasons) {}

  /** The result of a dry run or of a real run ({@code migrationId} and {@code batchId} only for a real run). */
  public record Result(String processKey, int sourceVersion, int targetVersion, boolean dryRun, int canMove,
      int cannotMove, List<InstanceCheck> instances, UUID migrationId, String batchId) {}

  /**
   * The dry run or the real run of moving the instances of {@code processKey} at {@code sourceVersion}, in the
   * {@code projects} given, onto {@code targetVersion}.
   */
  public Result migrate(String processKey, int sourceVersion, int targetVersion, List<Mapping> mappings,
      boolean dryRun, Collection<String> projects, String user) {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).withoutTenantId().count()
        == 0) {
      throw new UnknownResourceException();
    }
    List<FieldError> errors = new ArrayList<>();
    ProcessDefinition source = version(processKey, sourceVersion, "sourceVersion", errors);
    ProcessDefinition target = version(processKey, targetVersion, "targetVersion", errors);
    if (source != null && target != null && source.getId().equals(target.getId())) {
      errors.add(new FieldError("targetVersion", "deve essere diversa dalla versione di partenza"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidFieldsException("The migration cannot be planned", errors);
    }
    MigrationPlan plan = plan(source, target, mappings);
    BpmnModelInstance sourceModel = repositoryService.getBpmnModelInstance(source.getId());
    List<InstanceCheck> checks = runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId())
        .list().stream()
        .filter(i -> i.getTenantId() != null && projects.contains(Partitions.projectOf(i.getTenantId())))
        .sorted(Comparator.comparing(ProcessInstance::getId))
        .map(i -> check(i, plan, sourceModel, targetVersion))
        .toList();
    List<InstanceCheck> movable = checks.stream().filter(InstanceCheck::canMove).toList();
    int cannot = checks.size() - movable.size();
    if (dryRun) {
      return new Result(processKey, sourceVersion, targetVersion, true, movable.size(), cannot, checks, null, null);
    }
    UUID id = UUID.randomUUID();
    String mappingText = mappings.stream().map(m -> m.from() + ">" + m.to()).collect(Collectors.joining(","));
    String batchId = transaction.execute(status -> {
      Batch batch = movable.isEmpty() ? null : runtimeService.newMigration(plan)
          .processInstanceIds(movable.stream().map(InstanceCheck::processInstanceId).toList())
          .skipCustomListeners().executeAsync();
      records.insert(new Migration(id, processKey, sourceVersion, targetVersion, source.getId(), target.getId(),
              mappingText.isEmpty() ? null : mappingText, movable.size(), cannot, batch == null ? null : batch.getId(),
              batch == null ? NOTHING_TO_MOVE : RUNNING, user, EngineClock.now(), batch == null ? EngineClock.now() : null),
          movable.stream().map(c -> new MovedInstance(c.processInstanceId(), c.projectCode())).toList());
      return batch == null ? null : batch.getId();
    });
    return new Result(processKey, sourceVersion, targetVersion, false, movable.size(), cannot, checks, id, batchId);
  }

  /**
   * The record brought up to date: a batch still running is {@code RUNNING} (or {@code FAILED} when a job of it ran
   * out of retries); once the batch is over, {@code COMPLETED} when none of the instances it moved is left on the
   * source version, {@code FAILED} otherwise (then recorded with its end).
   */
  public Migration status(Migration m) {
    if (!RUNNING.equals(m.outcome()) || m.batchId() == null) {
      return m;
    }
    Batch batch = managementService.createBatchQuery().batchId(m.batchId()).singleResult();
    if (batch != null) {
      boolean failed = managementService.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId())
          .noRetriesLeft().count() > 0;
      return failed ? withOutcome(m, FAILED, null) : m;
    }
    HistoricBatch done = historyService.createHistoricBatchQuery().batchId(m.batchId()).singleResult();
    List<String> moved = records.instances(m.id()).stream().map(MovedInstance::processInstanceId).toList();
    long left = moved.isEmpty() ? 0 : runtimeService.createProcessInstanceQuery()
        .processDefinitionId(m.sourceDefinitionId()).processInstanceIds(new java.util.HashSet<>(moved)).count();
    String outcome = left == 0 ? COMPLETED : FAILED;
    var finishedAt = done != null && done.getEndTime() != null
        ? done.getEndTime().toInstant().atZone(EngineClock.ZONE).toOffsetDateTime() : EngineClock.now();
    records.finish(m.id(), outcome, finishedAt);
    return withOutcome(m, outcome, finishedAt);
  }

  private static Migration withOutcome(Migration m, String outcome, java.time.OffsetDateTime finishedAt) {
    return new Migration(m.id(), m.processKey(), m.sourceVersion(), m.targetVersion(), m.sourceDefinitionId(),
        m.targetDefinitionId(), m.mappings(), m.instanceCount(), m.skippedCount(), m.batchId(), outcome,
        m.requestedBy(), m.requestedAt(), finishedAt);
  }

  private ProcessDefinition version(String key, int version, String field, List<FieldError> errors) {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
        .withoutTenantId().processDefinitionVersion(version).singleResult();
    if (definition == null) {
      errors.add(new FieldError(field, "non è una versione deployata del modello"));
    }
    return definition;
  }

  private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target, List<Mapping> mappings) {
    BpmnModelInstance sourceModel = repositoryService.getBpmnModelInstance(source.getId());
    BpmnModelInstance targetModel = repositoryService.getBpmnModelInstance(target.getId());
    List<FieldError> errors = new ArrayList<>();
    MigrationPlanBuilder builder = runtimeService.createMigrationPlan(source.getId(), target.getId())
        .mapEqualActivities();
    for (int i = 0; i < mappings.size(); i++) {
      Mapping m = mappings.get(i);
      boolean ok = true;
      if (m.from() == null || !(sourceModel.getModelElementById(m.from()) instanceof FlowElement)) {
        errors.add(new FieldError("mappings[" + i + "].from", "non è un'attività della versione " + source.getVersion()));
        ok = false;
      }
      if (m.to() == null || !(targetModel.getModelElementById(m.to()) instanceof FlowElement)) {
        errors.add(new FieldError("mappings[" + i + "].to", "non è un'attività della versione " + target.getVersion()));
        ok = false;
      }
      if (ok) {
        builder.mapActivities(m.from(), m.to());
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidFieldsException("The migration cannot be planned", errors);
    }
    try {
      return builder.build();
    } catch (MigrationPlanValidationException e) {
      for (MigrationInstructionValidationReport report : e.getValidationReport().getInstructionReports()) {
        String from = report.getMigrationInstruction().getSourceActivityId();
        String to = report.getMigrationInstruction().getTargetActivityId();
        errors.add(new FieldError("mappings", "«" + from + "» → «" + to + "» non si può applicare: "
            + String.join("; ", report.getFailures())));
      }
      if (errors.isEmpty()) {
        errors.add(new FieldError("mappings", "il piano di migrazione non è valido"));
      }
      throw new InvalidFieldsException("The migration cannot be planned", errors);
    }
  }

  /** Tries to move the instance in a transaction that is then rolled back: the engine's own checks, per instance. */
  private InstanceCheck check(ProcessInstance instance, MigrationPlan plan, BpmnModelInstance sourceModel,
      int targetVersion) {
    String project = Partitions.projectOf(instance.getTenantId());
    List<String> reasons = transaction.execute(status -> {
      status.setRollbackOnly();
      try {
        runtimeService.newMigration(plan).processInstanceIds(instance.getId()).skipCustomListeners().execute();
        return List.of();
      } catch (MigratingProcessInstanceValidationException e) {
        return reasons(e.getValidationReport(), sourceModel, targetVersion);
      } catch (ProcessEngineException e) {
        return List.of("il motore rifiuta lo spostamento: " + e.getClass().getSimpleName());
      }
    });
    return new InstanceCheck(instance.getId(), project, reasons.isEmpty(), reasons);
  }

  private static List<String> reasons(MigratingProcessInstanceValidationReport report, BpmnModelInstance sourceModel,
      int targetVersion) {
    List<String> reasons = new ArrayList<>(report.getFailures());
    for (MigratingActivityInstanceValidationReport a : report.getActivityInstanceReports()) {
      for (String failure : a.getFailures()) {
        reasons.add(where(a.getSourceScopeId(), sourceModel) + explain(failure, targetVersion));
      }
    }
    for (MigratingTransitionInstanceValidationReport t : report.getTransitionInstanceReports()) {
      for (String failure : t.getFailures()) {
        reasons.add(where(t.getSourceScopeId(), sourceModel) + explain(failure, targetVersion));
      }
    }
    return reasons.isEmpty() ? List.of("il motore rifiuta lo spostamento") : reasons;
  }

  private static String where(String activityId, BpmnModelInstance model) {
    String name = model.getModelElementById(activityId) instanceof FlowElement e && e.getName() != null
        ? " (" + e.getName() + ")" : "";
    return "ferma in «" + activityId + "»" + name + ": ";
  }

  private static String explain(String failure, int targetVersion) {
    if (failure.contains("no migration instruction")) {
      return "l'attività non ha una corrispondente nella versione " + targetVersion
          + " (indicare una corrispondenza {from, to})";
    }
    return failure;
  }
}
