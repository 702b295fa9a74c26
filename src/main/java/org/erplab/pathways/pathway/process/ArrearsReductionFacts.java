package org.erplab.pathways.pathway.process;

import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.erplab.pathways.pathway.domain.ArrearsReductions;
import org.erplab.pathways.pathway.infrastructure.ArrearsReductionRecords.ArrearsReduction;
import org.erplab.pathways.pathway.infrastructure.TrainingRecords.Result;
import org.erplab.pathways.project.domain.Organisation;
import org.erplab.pathways.project.domain.OrganisationType;
import org.erplab.pathways.project.domain.ProjectDirectory;
import org.erplab.pathways.security.EngineAccess;
import org.erplab.pathways.security.Partitions;
import org.erplab.pathways.security.process.ProcessStarts;
import org.springframework.stereotype.Component;

/**
 * The arrears share's facts: {@link #afterCourseResult} records the reduction a course's result brings (if any) and
 * starts {@code arrears-reduction} for the project's ALER partner; {@code ${arrearsReductionFacts.registered(task)}}
 * files ALER's registration.
 */
@Component("arrearsReductionFacts")
public class ArrearsReductionFacts {

  private final ArrearsReductions reductions;
  private final ProjectDirectory projects;
  private final RuntimeService runtimeService;
  private final EngineAccess engine;

  public ArrearsReductionFacts(ArrearsReductions reductions, ProjectDirectory projects, RuntimeService runtimeService,
      EngineAccess engine) {
    this.reductions = reductions;
    this.projects = projects;
    this.runtimeService = runtimeService;
    this.engine = engine;
  }

  /** After Task_CourseResult of {@code training}: the reduction, if one is owed, and ALER's task to register it. */
  public void afterCourseResult(DelegateExecution execution, Result result) {
    UUID pathwayId = PathwayLifecycle.pathwayId(execution);
    String project = Partitions.projectOf(execution.getTenantId());
    reductions.afterCourseResult(pathwayId, project, result, () -> housingOrganisation(project))
        .ifPresent(this::start);
  }

  /** Complete listener of Task_RegisterArrearsReduction. */
  public void registered(DelegateTask task) {
    UUID id = UUID.fromString(ArrearsReductionProcess.Variables.ARREARS_REDUCTION_ID.get(task));
    String user = PlanFacts.currentUser(task.getExecution());
    if (!reductions.register(id, LocalDate.parse(ArrearsReductionProcess.Variables.REGISTERED_ON.get(task)), user)) {
      throw new IllegalStateException("Arrears reduction " + id + " was registered or cancelled already");
    }
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
