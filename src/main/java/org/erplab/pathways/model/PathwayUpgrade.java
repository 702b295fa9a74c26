package org.erplab.pathways.model;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.erplab.pathways.pathway.process.AssessmentProcess;
import org.erplab.pathways.pathway.process.PathwayProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.camunda.bpm.engine.variable.Variables;
import org.erplab.pathways.security.process.ProcessStarts;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running pathways of earlier versions of the {@code pathway} model onto the latest one at start-up, so that
 * every pathway obeys the same rules (ADR 0010):
 * <ul>
 *   <li>a pathway waiting in a stage the latest model still has (intake, eligibility, operator assignment) is migrated
 *       as it is: the stage it waits in goes on, and hands back only what the latest model maps;
 *   <li>a pathway of the first version waiting for the operator's first appointment (a task of the pathway itself
 *       then, visible to the whole project) is moved into the hand-over stage, which runs in the operator's part of
 *       the project: the old task is cancelled and the operator gets a new one, due from the day of the upgrade;
 *   <li>a pathway whose model ended at the hand-over (before the skills assessment existed) starts again at the skills
 *       assessment ({@link #resumeHandedOver()});
 *   <li>a pathway whose model ended ready for the plan (before the plan existed) starts again at the plan
 *       ({@link #resumeReadyForPlan()});
 *   <li>a pathway whose model ended with the plan signed (before training existed) starts again at the training
 *       ({@link #resumeReadyForTraining()});
 *   <li>a pathway whose model ended after the training with an internship ahead (before the internship existed)
 *       starts again at the internship ({@link #resumeReadyForInternship()});
 *   <li>a pathway whose model ended ready for the placement (before the placement existed) starts again at the
 *       placement ({@link #resumeReadyForPlacement()}).
 * </ul>
 * Idempotent: pathways already on the latest version are left alone.
 */
@Component
public class PathwayUpgrade {

  private static final Logger LOG = LoggerFactory.getLogger(PathwayUpgrade.class);
  /** Activities of the first version that the latest version moved into the hand-over stage. */
  static final List<String> FIRST_VERSION_HANDOVER = List.of("Task_FirstAppointment", "Task_AppointmentOverdue");

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final TransactionTemplate transaction;
  private final JdbcClient jdbc;

  public PathwayUpgrade(RepositoryService repositoryService, RuntimeService runtimeService,
      PlatformTransactionManager transactions, JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.transaction = new TransactionTemplate(transactions);
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(5)
  public void upgrade() {
    ProcessDefinition latest = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(PathwayProcess.KEY).withoutTenantId().latestVersion().singleResult();
    if (latest == null) {
      return;
    }
    resumeHandedOver();
    resumeReadyForPlan();
    resumeReadyForTraining();
    resumeReadyForInternship();
    resumeReadyForPlacement();
    for (ProcessDefinition old : repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(PathwayProcess.KEY).withoutTenantId().list()) {
      if (old.getVersion() < latest.getVersion()) {
        try {
          transaction.executeWithoutResult(status -> upgrade(old, latest));
        } catch (RuntimeException e) {
          // the system still starts; these pathways stay on their version until the cause is fixed and it restarts
          // the engine's validation report names activities and instances, nothing about people
          LOG.error("Pathways of model version {} could not be moved to version {}: {}", old.getVersion(),
              latest.getVersion(), e.getMessage());
        }
      }
    }
  }

  void upgrade(ProcessDefinition old, ProcessDefinition latest) {
    List<ProcessInstance> instances = runtimeService.createProcessInstanceQuery().processDefinitionId(old.getId()).list();
    if (instances.isEmpty()) {
      return;
    }
    var builder = runtimeService.createMigrationPlan(old.getId(), latest.getId()).mapEqualActivities();
    for (String activity : FIRST_VERSION_HANDOVER) {
      if (repositoryService.getBpmnModelInstance(old.getId()).getModelElementById(activity) != null
          && repositoryService.getBpmnModelInstance(latest.getId()).getModelElementById(activity) == null) {
        // kept as a placeholder on the assignment, then replaced by the hand-over stage below
        builder.mapActivities(activity, PathwayProcess.Elements.TASK_ASSIGN_OPERATOR);
      }
    }
    MigrationPlan plan = builder.build();
    List<String> ids = instances.stream().map(ProcessInstance::getId).toList();
    List<String> atFirstAppointment = ids.stream().filter(this::waitsForTheFirstVersionsAppointment).toList();
    runtimeService.newMigration(plan).processInstanceIds(ids).skipCustomListeners().execute();
    for (String id : atFirstAppointment) {
      ActivityInstance tree = runtimeService.getActivityInstance(id);
      var modification = runtimeService.createProcessInstanceModification(id)
          .startBeforeActivity(PathwayProcess.Elements.CALL_HANDOVER);
      for (ActivityInstance placeholder : tree.getActivityInstances(PathwayProcess.Elements.TASK_ASSIGN_OPERATOR)) {
        modification.cancelActivityInstance(placeholder.getId());
      }
      modification.execute(true, false);
    }
    LOG.info("Pathways moved from version {} to version {} of the model: {} ({} into the hand-over stage)",
        old.getVersion(), latest.getVersion(), ids.size(), atFirstAppointment.size());
  }

  /**
   * Pathways that ended their model at the hand-over (models before the skills assessment existed: the record says
   * SKILLS_ASSESSMENT, no instance runs) get a {@code pathway} instance that starts at the skills assessment, in their
   * operator's part of the project.
   */
  void resumeHandedOver() {
    int resumed = resume("SKILLS_ASSESSMENT", PathwayProcess.Elements.CALL_ASSESSMENT);
    if (resumed > 0) {
      LOG.info("Pathways handed over on an earlier model resumed at the skills assessment: {}", resumed);
    }
  }

  /**
   * Pathways that ended their model ready for the plan (models before the plan existed: the record says PLAN, no
   * instance runs) get a {@code pathway} instance that starts at the plan, in their operator's part of the project:
   * the operator drafts it, due from the day of the upgrade.
   */
  void resumeReadyForPlan() {
    int resumed = resume("PLAN", PathwayProcess.Elements.CALL_PLAN);
    if (resumed > 0) {
      LOG.info("Pathways ready for the plan on an earlier model resumed at the plan: {}", resumed);
    }
  }

  /**
   * Pathways whose model ended with the plan signed (models before training existed: the record says TRAINING, no
   * instance runs) get a {@code pathway} instance that starts at the training, in their operator's part of the
   * project: it follows the signed plan's courses.
   */
  void resumeReadyForTraining() {
    int resumed = resume("TRAINING", PathwayProcess.Elements.CALL_TRAINING);
    if (resumed > 0) {
      LOG.info("Pathways with a signed plan on an earlier model resumed at the training: {}", resumed);
    }
  }

  /**
   * Pathways whose model ended after the training with an internship ahead (models before the internship existed: the
   * record says INTERNSHIP, no instance runs) get a {@code pathway} instance that starts at the internship, in their
   * operator's part of the project, with the EQF level of their latest skills assessment (the cap decision needs it).
   */
  void resumeReadyForInternship() {
    int resumed = resume("INTERNSHIP", PathwayProcess.Elements.CALL_INTERNSHIP);
    if (resumed > 0) {
      LOG.info("Pathways with an internship ahead on an earlier model resumed at the internship: {}", resumed);
    }
  }

  /**
   * Pathways whose model ended after the training or the internship (models before the placement existed: the record
   * says PLACEMENT, no instance runs) get a {@code pathway} instance that starts at the placement, in their operator's
   * part of the project.
   */
  void resumeReadyForPlacement() {
    int resumed = resume("PLACEMENT", PathwayProcess.Elements.CALL_PLACEMENT);
    if (resumed > 0) {
      LOG.info("Pathways ready for the placement on an earlier model resumed at the placement: {}", resumed);
    }
  }

  /** Starts a pathway instance before {@code activity} for every open pathway in {@code stage} without one. */
  private int resume(String stage, String activity) {
    List<Map<String, Object>> waiting = jdbc.sql("select id, participant_id, project_code, channel, "
            + "operator_organisation, (select a.eqf_level from skills_assessment a where a.pathway_id = pathway.id "
            + "order by a.assessed_at desc limit 1) as eqf_level from pathway where status = 'ACTIVE' and stage = ? "
            + "and operator_organisation is not null")
        .param(stage).query().listOfRows();
    int resumed = 0;
    for (Map<String, Object> row : waiting) {
      String id = String.valueOf(row.get("id"));
      if (runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).count() > 0) {
        continue;
      }
      String project = (String) row.get("project_code");
      String instanceId = transaction.execute(status -> ProcessStarts.permit(PathwayProcess.KEY, project,
          () -> runtimeService.createProcessInstanceByKey(PathwayProcess.KEY)
              .processDefinitionWithoutTenantId()
              .businessKey(id)
              .setVariables(Variables.createVariables()
                  .putValue(PathwayProcess.Variables.PATHWAY_ID.name(), id)
                  .putValue(PathwayProcess.Variables.PARTICIPANT_ID.name(), String.valueOf(row.get("participant_id")))
                  .putValue(PathwayProcess.Variables.PROJECT_CODE.name(), project)
                  .putValue(PathwayProcess.Variables.CHANNEL.name(), row.get("channel"))
                  .putValue(PathwayProcess.Variables.OPERATOR_ORGANISATION.name(), row.get("operator_organisation"))
                  .putValue(AssessmentProcess.Variables.EQF_LEVEL.name(), row.get("eqf_level") == null ? null
                      : ((Number) row.get("eqf_level")).intValue()))
              .startBeforeActivity(activity)
              .execute()
              .getId()));
      jdbc.sql("update pathway set process_instance_id = ? where id = ?").params(instanceId, row.get("id")).update();
      resumed++;
    }
    return resumed;
  }

  private boolean waitsForTheFirstVersionsAppointment(String instanceId) {
    ActivityInstance tree = runtimeService.getActivityInstance(instanceId);
    return FIRST_VERSION_HANDOVER.stream().anyMatch(a -> tree.getActivityInstances(a).length > 0);
  }
}
