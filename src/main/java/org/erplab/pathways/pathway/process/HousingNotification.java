package org.erplab.pathways.pathway.process;

import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.erplab.pathways.pathway.domain.ArrearsReductions;
import org.erplab.pathways.pathway.domain.IndemnityAccruals;
import org.erplab.pathways.pathway.infrastructure.ArrearsReductionRecords.ArrearsReduction;
import org.erplab.pathways.project.domain.Organisation;
import org.erplab.pathways.project.domain.OrganisationType;
import org.erplab.pathways.project.domain.ProjectDirectory;
import org.erplab.pathways.security.EngineAccess;
import org.erplab.pathways.security.Partitions;
import org.erplab.pathways.security.process.ProcessStarts;
import org.springframework.stereotype.Component;

/**
 * Service task Task_NotifyHousing of {@code training} (element template "Notifica ALER"): when the project sends a
 * share of the indemnity to the rent arrears ({@code indemnityArrearsShare} more than 0), the reduction the course's
 * accrual brings is recorded ({@code arrears_reduction}) and an instance of {@code arrears-reduction} started in the
 * part of the project's ALER partner, with the pathway id as business key: the training does not wait for it. Nothing
 * when the share is 0 or nothing accrued since the previous reduction (so a retried job starts nothing twice). Reads
 * {@code pathwayId} and {@code courseCode}; sets no variable.
 */
@Component("housingNotification")
public class HousingNotification implements JavaDelegate {

  private final IndemnityAccruals accruals;
  private final ArrearsReductions reductions;
  private final ProjectDirectory projects;
  private final RuntimeService runtimeService;
  private final EngineAccess engine;

  public HousingNotification(IndemnityAccruals accruals, ArrearsReductions reductions, ProjectDirectory projects,
      RuntimeService runtimeService, EngineAccess engine) {
    this.accruals = accruals;
    this.reductions = reductions;
    this.projects = projects;
    this.runtimeService = runtimeService;
    this.engine = engine;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID pathwayId = PathwayLifecycle.pathwayId(execution);
    String project = Partitions.projectOf(execution.getTenantId());
    accruals.ofLatestResult(pathwayId, TrainingProcess.Variables.COURSE_CODE.get(execution))
        .flatMap(accrual -> reductions.afterAccrual(accrual, () -> housingOrganisation(project)))
        .ifPresent(this::start);
  }

  private void start(ArrearsReduction r) {
    engine.asSystem(() -> ProcessStarts.permit(ArrearsReductionProcess.KEY,
        Partitions.of(r.projectCode(), r.housingOrganisation()),
        () -> runtimeService.createProcessInstanceByKey(ArrearsReductionProcess.KEY)
            .processDefinitionWithoutTenantId()
            .businessKey(r.pathwayId().toString())
            .setVariables(Variables.createVariables()
                .putValue(PathwayProcess.Variables.PATHWAY_ID.name(), r.pathwayId().toString())
                .putValue(ArrearsReductionProcess.Variables.HOUSING_ORGANISATION.name(), r.housingOrganisation())
                .putValue(ArrearsReductionProcess.Variables.ARREARS_REDUCTION_ID.name(), r.id().toString())
                .putValue(ArrearsReductionProcess.Variables.ARREARS_AMOUNT.name(), r.amount().toPlainString())
                .putValue(ArrearsReductionProcess.Variables.ARREARS_PERIOD_FROM.name(), r.periodFrom().toString())
                .putValue(ArrearsReductionProcess.Variables.ARREARS_PERIOD_TO.name(), r.periodTo().toString()))
            .execute()));
  }

  /** The project's ALER partner, as the social services are its MUNICIPALITY partner. */
  private String housingOrganisation(String project) {
    return projects.organisations(project).stream()
        .filter(o -> o.type() == OrganisationType.ALER)
        .map(Organisation::code)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("Project " + project + " sends a share of the indemnity to the "
            + "rent arrears but has no ALER partner"));
  }
}
