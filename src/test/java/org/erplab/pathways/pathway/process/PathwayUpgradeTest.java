package org.erplab.pathways.pathway.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.LORENTEGGIO;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.interview;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.erplab.pathways.model.PathwayUpgrade;
import org.erplab.pathways.pathway.domain.Pathway.Channel;
import org.erplab.pathways.security.process.ProcessStarts;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Pathways started on the first version of the model ({@code src/test/resources/legacy/pathway-v1.bpmn}, as a
 * database from before the upgrade holds them) are moved onto the latest version at start-up: one waiting at intake
 * goes on under the latest mappings, one waiting for the operator's first appointment moves into the hand-over stage
 * in the operator's part of the project.
 */
@PathwaysSpringTest
class PathwayUpgradeTest {

  static final String RESOURCE = "processes/pathway/pathway.bpmn";

  @Autowired ApplicationContext context;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired PathwayUpgrade upgrade;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  private ProcessTestSupport support;
  private final List<String> deployments = new ArrayList<>();

  @BeforeEach
  void setUp() {
    support = ProcessTestSupport.onExampleDay(context);
  }

  @AfterEach
  void restoreTheModels() {
    // the test's deployments go, with their instances: the latest pathway is again the one the application deployed
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true, true));
    ClockUtil.reset();
  }

  /**
   * A pathway whose model ended where a later stage now starts (no instance runs): handed over before the skills
   * assessment existed (record in SKILLS_ASSESSMENT), assessed LABOUR before the plan existed (record in PLAN), its
   * plan signed before training existed (record in TRAINING: it follows the signed plan's course to its end), its
   * training done before the internship existed (record in INTERNSHIP: the operator writes the agreement), its
   * training or internship done before the placement existed (record in PLACEMENT: the operator records a hire).
   */
  static Stream<Arguments> stagesAdded() {
    return Stream.of(
        Arguments.of("SKILLS_ASSESSMENT", PathwayProcess.Elements.CALL_ASSESSMENT,
            AssessmentProcess.Elements.TASK_SKILLS_ASSESSMENT),
        Arguments.of("PLAN", PathwayProcess.Elements.CALL_PLAN, PlanProcess.Elements.TASK_DRAFT_PLAN),
        Arguments.of("TRAINING", PathwayProcess.Elements.CALL_TRAINING, TrainingProcess.Elements.TIMER_COURSE_ENDED),
        Arguments.of("INTERNSHIP", PathwayProcess.Elements.CALL_INTERNSHIP,
            InternshipProcess.Elements.TASK_INTERNSHIP_AGREEMENT),
        Arguments.of("PLACEMENT", PathwayProcess.Elements.CALL_PLACEMENT,
            PlacementProcess.Elements.TASK_RECORD_PLACEMENT));
  }

  @ParameterizedTest(name = "stage {0}: resumed at {1}")
  @MethodSource("stagesAdded")
  void shouldResumeAtTheNextStageAPathwayWhoseModelEndedBeforeIt(String stage, String callActivity, String waitingAt) {
    // given: a pathway of SOLCO whose model ended before that stage existed
    ProcessTestSupport.RegisteredPathway waiting = support.registerPathway(LORENTEGGIO,
        org.erplab.pathways.pathway.domain.Pathway.Channel.LAB);
    jdbc.sql("update pathway set stage = ?, operator_organisation = 'SOLCO' where id = ?")
        .params(stage, waiting.pathwayId()).update();
    if ("TRAINING".equals(stage)) {
      signedPlan(waiting.pathwayId());
    }
    if ("INTERNSHIP".equals(stage)) {
      assessedAtEqfFour(waiting.pathwayId());
    }

    // when: the upgrade runs, as at start-up (twice: the second changes nothing)
    upgrade.upgrade();
    upgrade.upgrade();

    // then: one pathway instance, at that stage, the operator's task in its part of the project
    List<ProcessInstance> instances = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(waiting.pathwayId().toString()).processDefinitionKey(PathwayProcess.KEY).list();
    assertThat(instances).hasSize(1);
    assertThat(instances.get(0)).isWaitingAtExactly(callActivity);
    assertThat(instances.get(0).getTenantId()).isEqualTo(LORENTEGGIO);
    ProcessInstance stageInstance = runtimeService.createProcessInstanceQuery()
        .superProcessInstanceId(instances.get(0).getId()).singleResult();
    assertThat(stageInstance).isWaitingAt(waitingAt);
    assertThat(stageInstance.getTenantId()).isEqualTo(LORENTEGGIO + ".SOLCO");
    assertThat(support.record(waiting.pathwayId()).processInstanceId()).isEqualTo(instances.get(0).getId());
    if ("INTERNSHIP".equals(stage)) {
      // the cap from the latest skills assessment's EQF level (4: 12 months)
      assertThat(jdbc.sql("select max_months from internship where pathway_id = ?").param(waiting.pathwayId())
          .query(Integer.class).single()).isEqualTo(12);
    }
  }

  @Test
  void shouldMoveFirstVersionPathwaysOntoTheLatestModel() throws IOException {
    // given the first version of the model, as the latest, with a pathway at intake and one at the first appointment
    ProcessDefinition firstVersion = deploy("legacy/pathway-v1.bpmn");
    // (the first version hands every variable to the processes it calls: only variables the intake declares can
    // travel now, so the pathway at intake is set up holding just those)
    ProcessInstance atIntake = startFirstVersion(firstVersion, "CallActivity_Intake", Map.of());
    ProcessInstance atAppointment = startFirstVersion(firstVersion, "Task_FirstAppointment",
        Map.of(PathwayProcess.Variables.OPERATOR_ORGANISATION.name(), "SOLCO"));
    assertThat(atAppointment.getTenantId()).isEqualTo(LORENTEGGIO);
    assertThat(taskService.createTaskQuery().processInstanceId(atAppointment.getId()).singleResult()
        .getTaskDefinitionKey()).isEqualTo("Task_FirstAppointment");

    // when the current model is deployed (the latest again) and the upgrade runs, as at start-up
    ProcessDefinition latest = deploy(RESOURCE);
    upgrade.upgrade();

    // then both are on the latest model
    assertThat(definitionOf(atIntake.getId())).isEqualTo(latest.getId());
    assertThat(definitionOf(atAppointment.getId())).isEqualTo(latest.getId());
    // the one at the first appointment waits in the hand-over stage, in SOLCO's part of the project only
    ProcessInstance pathway = runtimeService.createProcessInstanceQuery().processInstanceId(atAppointment.getId())
        .singleResult();
    assertThat(pathway).isWaitingAtExactly(PathwayProcess.Elements.CALL_HANDOVER);
    ProcessInstance handover = runtimeService.createProcessInstanceQuery()
        .superProcessInstanceId(atAppointment.getId()).singleResult();
    assertThat(handover.getTenantId()).isEqualTo(LORENTEGGIO + ".SOLCO");
    assertThat(handover).isWaitingAtExactly(HandoverProcess.Elements.TASK_FIRST_APPOINTMENT);
    assertThat(taskService.createTaskQuery().processInstanceId(atAppointment.getId()).count())
        .as("no task left on the pathway itself").isZero();
    assertThat(taskService.createTaskQuery().processInstanceId(handover.getId()).singleResult().getTenantId())
        .isEqualTo(LORENTEGGIO + ".SOLCO");
    // the one at intake goes on, handing back only what the latest model maps
    support.complete(UUID.fromString(atIntake.getBusinessKey()), IntakeProcess.Elements.TASK_INTAKE_INTERVIEW,
        interview());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(atIntake.getId()).singleResult())
        .hasPassed(PathwayProcess.Elements.CALL_INTAKE).isNotEnded();
    assertThat(runtimeService.getVariables(atIntake.getId()))
        .containsEntry(PathwayProcess.Variables.INTAKE_OUTCOME.name(), "COMPLETED")
        .doesNotContainKeys(IntakeProcess.Variables.CONSENT_GIVEN.name(), IntakeProcess.Variables.EDUCATION.name());

    // and a second run changes nothing
    upgrade.upgrade();
    assertThat(definitionOf(atAppointment.getId())).isEqualTo(latest.getId());
  }

  @Test
  void shouldLetAPathwayInTrainingOnTheModelBeforeAmendmentsAmendItsPlanOnceUpgraded() throws IOException {
    // given: the model as it was before plan amendments, a pathway of it in training (its plan signed)
    ProcessDefinition before = deploy("legacy/pathway-v6.bpmn");
    ProcessTestSupport.RegisteredPathway registered = support.registerPathway(LORENTEGGIO, Channel.LAB);
    UUID pathwayId = registered.pathwayId();
    jdbc.sql("update pathway set stage = 'TRAINING', operator_organisation = 'SOLCO' where id = ?")
        .param(pathwayId).update();
    signedPlan(pathwayId);
    ProcessInstance inTraining = ProcessStarts.permit(PathwayProcess.KEY, LORENTEGGIO,
        () -> runtimeService.createProcessInstanceById(before.getId())
            .businessKey(pathwayId.toString())
            .setVariables(Map.of(PathwayProcess.Variables.PATHWAY_ID.name(), pathwayId.toString(),
                PathwayProcess.Variables.OPERATOR_ORGANISATION.name(), "SOLCO"))
            .startBeforeActivity(PathwayProcess.Elements.CALL_TRAINING)
            .execute());
    jdbc.sql("update pathway set process_instance_id = ? where id = ?").params(inTraining.getId(), pathwayId).update();
    assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(inTraining.getId())
        .eventName(PathwayInstances.PLAN_AMENDMENT_REQUESTED).count()).isZero();

    // when: the current model is the latest again and the upgrade runs
    ProcessDefinition latest = deploy(RESOURCE);
    upgrade.upgrade();

    // then: on the latest model, still in training, and its plan can be amended
    assertThat(definitionOf(inTraining.getId())).isEqualTo(latest.getId());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(inTraining.getId()).singleResult())
        .isWaitingAtExactly(PathwayProcess.Elements.CALL_TRAINING);
    context.getBean(org.erplab.pathways.pathway.domain.PlanAmendments.class).request(pathwayId,
        new org.erplab.pathways.pathway.domain.Plans.Draft(List.of(), List.of(), true, new java.math.BigDecimal("1500")),
        "operator.lorenteggio");
    assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(inTraining.getId())
        .processDefinitionKey(PlanAmendmentProcess.KEY).count()).isOne();
  }

  /** A pathway of the first version, waiting at the activity, as a database from before the upgrade holds it. */
  private ProcessInstance startFirstVersion(ProcessDefinition firstVersion, String activity, Map<String, Object> more) {
    ProcessTestSupport.RegisteredPathway registered = support.registerPathway(LORENTEGGIO, Channel.LAB);
    Map<String, Object> variables = new java.util.HashMap<>(more);
    variables.put(PathwayProcess.Variables.PATHWAY_ID.name(), registered.pathwayId().toString());
    variables.put(PathwayProcess.Variables.CHANNEL.name(), Channel.LAB.name());
    return ProcessStarts.permit(PathwayProcess.KEY, LORENTEGGIO,
        () -> runtimeService.createProcessInstanceById(firstVersion.getId())
            .businessKey(registered.pathwayId().toString())
            .setVariables(variables)
            .startBeforeActivity(activity)
            .execute());
  }

  private String definitionOf(String processInstanceId) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
        .getProcessDefinitionId();
  }

  private ProcessDefinition deploy(String classpathResource) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(classpathResource)) {
      String id = repositoryService.createDeployment().name("upgrade-test")
          .addInputStream(RESOURCE, in).deploy().getId();
      deployments.add(id);
      return repositoryService.createProcessDefinitionQuery().deploymentId(id).singleResult();
    }
  }

  /** A signed plan with one course, MAG-01, ending in February 2027. */
  private void assessedAtEqfFour(UUID pathwayId) {
    jdbc.sql("""
            insert into skills_assessment (id, pathway_id, project_code, operator_organisation, assessed_at,
            orientation_hours, ready_for_work, needs_social_support, self_employment_interest, eqf_level, availability,
            route) values (?, ?, ?, 'SOLCO', current_timestamp, 10, true, false, false, 4, 'FULL_TIME', 'LABOUR')""")
        .params(UUID.randomUUID(), pathwayId, LORENTEGGIO).update();
  }

  private void signedPlan(UUID pathwayId) {
    UUID planId = UUID.randomUUID();
    jdbc.sql("""
            insert into plan_version (id, pathway_id, project_code, version, status, internship_planned, indemnity_cap,
            services_total, created_by, created_at, signed_on)
            values (?, ?, ?, 1, 'SIGNED', true, 1500, 0, 'operator.lorenteggio', current_timestamp, ?)""")
        .params(planId, pathwayId, LORENTEGGIO, LocalDate.of(2026, 11, 23)).update();
    jdbc.sql("""
            insert into plan_course (plan_id, line, code, title, planned_hours, start_date, end_date)
            values (?, 1, 'MAG-01', 'Logistica di magazzino', 40, ?, ?)""")
        .params(planId, LocalDate.of(2027, 1, 11), LocalDate.of(2027, 2, 12)).update();
  }
}
