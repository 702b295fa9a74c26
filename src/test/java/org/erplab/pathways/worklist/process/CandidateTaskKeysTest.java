package org.erplab.pathways.worklist.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The kinds of task the worklist walks for a caller's groups, read from the deployed models: a role's literal tasks,
 * and every task whose candidate group is an organisation (an expression), never another role's tasks.
 */
@PathwaysSpringTest
class CandidateTaskKeysTest {

  @Autowired
  CandidateTaskKeys keys;

  @Autowired
  RepositoryService repositoryService;

  /** The kinds walked for the groups in a project's own tenant: every kind they may have. */
  private Set<String> inProject(List<String> groups) {
    return keys.byTenant(List.of("LORENTEGGIO"), groups).get("LORENTEGGIO");
  }

  @Test
  void shouldGiveARoleItsOwnTasksAndTheOrganisationsTasks() {
    Set<String> lab = inProject(List.of("lab", "LAB_LORENTEGGIO"));
    Set<String> cpi = inProject(List.of("cpi", "AFOL_MILANO"));

    assertThat(lab).contains("Task_CallBack", "Task_IntakeInterview", "Task_FirstAppointment",
            "Task_RegisterArrearsReduction", "Task_SocialReferral")
        .doesNotContain("Task_VerifyEligibility", "Task_AssignOperator", "Task_ProgrammeEnding");
    assertThat(cpi).contains("Task_VerifyEligibility", "Task_AssignOperator", "Task_FirstAppointment")
        .doesNotContain("Task_CallBack", "Task_IntakeInterview");
    assertThat(inProject(List.of("nobody"))).doesNotContain("Task_CallBack", "Task_VerifyEligibility")
        .contains("Task_FirstAppointment");
  }

  @Test
  void shouldLookForAnOrganisationsTasksOnlyInItsOwnPart() {
    java.util.Map<String, Set<String>> lab = keys.byTenant(List.of("LORENTEGGIO", "LORENTEGGIO.SOLCO"),
        List.of("lab", "LAB_LORENTEGGIO"));
    java.util.Map<String, Set<String>> solco = keys.byTenant(List.of("LORENTEGGIO", "LORENTEGGIO.SOLCO",
        "LORENTEGGIO.MESTIERI"), List.of("operator", "SOLCO"));

    assertThat(lab.get("LORENTEGGIO")).contains("Task_CallBack", "Task_FirstAppointment");
    assertThat(lab.get("LORENTEGGIO.SOLCO")).contains("Task_CallBack").doesNotContain("Task_FirstAppointment");
    assertThat(solco.get("LORENTEGGIO.SOLCO")).contains("Task_FirstAppointment", "Task_DraftPlan")
        .doesNotContain("Task_CallBack", "Task_ApprovePlan");
    assertThat(solco.get("LORENTEGGIO.MESTIERI")).doesNotContain("Task_FirstAppointment");
  }

  @Test
  void shouldCoverEveryUserTaskOfEveryDeployedModelForSomeRole() {
    Set<String> all = inProject(List.of("lab", "cpi", "manager", "operator", "auditor", "admin", "social", "housing"));
    List<String> modelled = repositoryService.createProcessDefinitionQuery().list().stream()
        .flatMap(definition -> repositoryService.getBpmnModelInstance(definition.getId())
            .getModelElementsByType(UserTask.class).stream())
        .map(UserTask::getId).distinct().toList();

    assertThat(modelled).hasSizeGreaterThan(20);
    assertThat(all).containsAll(modelled);
  }

  @Test
  void shouldReadLiteralListsAndExpressions() {
    assertThat(CandidateTaskKeys.groupsOf("cpi, lab")).containsExactlyInAnyOrder("cpi", "lab");
    assertThat(CandidateTaskKeys.groupsOf("${operatorOrganisation}")).isNull();
    assertThat(CandidateTaskKeys.groupsOf("lab,#{x}")).isNull();
    assertThat(CandidateTaskKeys.groupsOf(" ")).isEmpty();
  }
}
