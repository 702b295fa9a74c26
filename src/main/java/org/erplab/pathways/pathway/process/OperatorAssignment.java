package org.erplab.pathways.pathway.process;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.erplab.pathways.pathway.domain.PathwayRecords;
import org.erplab.pathways.project.domain.OrganisationType;
import org.erplab.pathways.project.domain.ProjectDirectory;
import org.springframework.stereotype.Component;

/**
 * Complete listener of Task_AssignOperator: records the chosen organisation on the pathway. That it is an accredited
 * operator of the project is checked before, at every door, by the task's completion rule
 * ({@code PathwayTaskRules}).
 */
@Component("operatorAssignment")
public class OperatorAssignment implements TaskListener {

  private final ProjectDirectory projects;
  private final PathwayRecords pathways;

  public OperatorAssignment(ProjectDirectory projects, PathwayRecords pathways) {
    this.projects = projects;
    this.pathways = pathways;
  }

  @Override
  public void notify(DelegateTask task) {
    pathways.recordOperator(UUID.fromString(PathwayProcess.Variables.PATHWAY_ID.get(task)),
        PathwayProcess.Variables.OPERATOR_ORGANISATION.get(task));
  }

  public boolean isAccreditedOperator(String projectCode, Object organisation) {
    return organisation instanceof String code
        && projects.isPartner(projectCode, code, OrganisationType.ACCREDITED_OPERATOR);
  }
}
