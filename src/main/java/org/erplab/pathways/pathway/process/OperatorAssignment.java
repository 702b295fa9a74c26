package org.erplab.pathways.pathway.process;

import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.erplab.pathways.pathway.domain.PathwayRecords;
import org.erplab.pathways.project.domain.OrganisationType;
import org.erplab.pathways.project.domain.ProjectDirectory;
import org.springframework.stereotype.Component;

/**
 * Complete listener of Task_AssignOperator, whatever door it is completed through: the chosen organisation must be an
 * accredited operator of the pathway's project. Records it on the pathway.
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
    Object organisation = task.getVariable(PathwayProcess.Variables.OPERATOR_ORGANISATION);
    if (!isAccreditedOperator(task.getTenantId(), organisation)) {
      throw new ProcessEngineException("operatorOrganisation: '" + organisation
          + "' is not an accredited operator of project " + task.getTenantId());
    }
    pathways.recordOperator(UUID.fromString((String) task.getVariable(PathwayProcess.Variables.PATHWAY_ID)),
        organisation.toString());
  }

  public boolean isAccreditedOperator(String projectCode, Object organisation) {
    return organisation instanceof String code
        && projects.isPartner(projectCode, code, OrganisationType.ACCREDITED_OPERATOR);
  }
}
