package org.erplab.pathways.pathway.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.LORENTEGGIO;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.setClock;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.vars;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.erplab.pathways.pathway.domain.ArrearsReductions;
import org.erplab.pathways.pathway.domain.IndemnityAccruals;
import org.erplab.pathways.pathway.domain.PathwayClocks;
import org.erplab.pathways.pathway.domain.PathwayExits;
import org.erplab.pathways.pathway.domain.Plans;
import org.erplab.pathways.pathway.domain.Training;
import org.erplab.pathways.pathway.infrastructure.ArrearsReductionRecords.ArrearsReduction;
import org.erplab.pathways.support.ModelCoverage;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.erplab.pathways.support.ProjectParameters;
import org.erplab.pathways.support.TestDeployments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The arrears share (Giussano's "do ut des"): when a course's result is decided in a project that sends a share of the
 * indemnity to the rent arrears, the amount is recorded and ALER (the project's ALER partner) gets a task to register
 * the reduction, while the training goes on. Each result is followed by two steps of the training model: the indemnity
 * the course accrued is recorded (Task_CourseIndemnity), then ALER notified (Task_NotifyHousing). LORENTEGGIO is given a
 * share of 1/3 for these tests (its default is 0), at 5.00 euro per attended hour.
 */
@PathwaysSpringTest
@ModelCoverage({ArrearsReductionProcess.KEY})
class ArrearsReductionProcessTest {

  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;
  @Autowired Plans plans;
  @Autowired Training training;
  @Autowired ArrearsReductions reductions;
  @Autowired IndemnityAccruals accruals;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;
  @Autowired PathwayClocks clocks;
  @Autowired PathwayExits exits;
  @Autowired RuntimeService runtimeService;
  @Autowired org.erplab.pathways.pathway.domain.PathwayRecords pathwayRecords;

  private ProcessTestSupport support;

  @BeforeEach
  void setUp() {
    support = ProcessTestSupport.onExampleDay(context);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    ProjectParameters.clear(context, LORENTEGGIO, Training.ARREARS_SHARE);
  }

  @Test
  void shouldAskAlerToRegisterAThirdOfTheCoursesIndemnityWhileTheNextCourseGoesOn() {
    // given, when: a project with a share of 1/3; MAG-01 attended 31 hours and ended
    UUID pathway = warehouseCourseEndedInAProjectWithAShareOfAThird();

    // then: the result, the course's indemnity and ALER's notification, each a step of the training model
    assertThat(activitiesInOrder(trainingInstance(pathway))).containsSubsequence(
        TrainingProcess.Elements.TASK_COURSE_RESULT, TrainingProcess.Elements.TASK_COURSE_INDEMNITY,
        TrainingProcess.Elements.TASK_NOTIFY_HOUSING, TrainingProcess.Elements.GATEWAY_COURSE_COMPLETED);
    // 31 h x 5.00 = 155.00 euro accrued by MAG-01's first attempt, the pathway's whole indemnity so far
    assertThat(accruals.ofPathway(pathway)).singleElement().satisfies(a -> {
      assertThat(a.projectCode()).isEqualTo(LORENTEGGIO);
      assertThat(a.courseCode()).isEqualTo("MAG-01");
      assertThat(a.attempt()).isEqualTo(1);
      assertThat(a.accrued()).isEqualByComparingTo("155.00");
      assertThat(a.cumulativePayable()).isEqualByComparingTo("155.00");
    });
    // a third of it, 51.666..., is 51.67 to the cent
    assertThat(reductions.ofPathway(pathway)).singleElement().satisfies(r -> {
      assertThat(r.courseCode()).isEqualTo("MAG-01");
      assertThat(r.indemnity()).isEqualByComparingTo("155.00");
      assertThat(r.amount()).isEqualByComparingTo("51.67");
      assertThat(r.share()).isEqualTo("1/3");
      assertThat(r.periodFrom()).isEqualTo(LocalDate.of(2027, 1, 11));
      assertThat(r.periodTo()).isEqualTo(LocalDate.of(2027, 2, 12));
      assertThat(r.housingOrganisation()).isEqualTo("ALER_MI");
      assertThat(r.registeredOn()).isNull();
    });
    // ALER's task, in ALER's part of the project, with the amount and period to show; a deadline record of 10 working
    // days (from Saturday 13 February 2027: Friday 26 February)
    ProcessInstance aler = alerInstance(pathway);
    assertThat(aler.getTenantId()).isEqualTo("LORENTEGGIO.ALER_MI");
    assertThat(support.task(pathway, ArrearsReductionProcess.Elements.TASK_REGISTER_ARREARS_REDUCTION))
        .hasCandidateGroup("ALER_MI");
    assertThat(runtimeService.getVariables(aler.getId()))
        .containsEntry(ArrearsReductionProcess.Variables.ARREARS_AMOUNT.name(), "51.67")
        .containsEntry(ArrearsReductionProcess.Variables.ARREARS_PERIOD_FROM.name(), "2027-01-11")
        .containsEntry(ArrearsReductionProcess.Variables.ARREARS_PERIOD_TO.name(), "2027-02-12");
    assertThat(jdbc.sql("select length_value || ':' || state || ':' || cast(due_at at time zone 'Europe/Rome' as date) "
            + "from deadline where pathway_id = ? and kind = 'ARREARS_REDUCTION'")
        .param(pathway).query(String.class).single()).isEqualTo("10:OPEN:2027-02-26");
    // ALER has a part in the pathway while its task is open (need to know)
    assertThat(pathwayRecords.hasOpenTaskIn(pathway, "LORENTEGGIO.ALER_MI")).isTrue();
    // the training did not wait: CUC-02 runs
    assertThat(support.record(pathway).stage()).isEqualTo("TRAINING");
    assertThat(support.timer(pathway, TrainingProcess.Elements.TIMER_COURSE_ENDED)).isNotNull();

    // when: ALER registers it, not on a day to come
    setClock(LocalDateTime.of(2027, 2, 16, 10, 0));
    assertThatThrownBy(() -> support.complete(pathway, ArrearsReductionProcess.Elements.TASK_REGISTER_ARREARS_REDUCTION,
        vars(ArrearsReductionProcess.Variables.REGISTERED_ON.name(), "2027-02-17")))
        .hasMessageContaining(ArrearsReductionProcess.Variables.REGISTERED_ON.name());
    support.complete(pathway, ArrearsReductionProcess.Elements.TASK_REGISTER_ARREARS_REDUCTION,
        vars(ArrearsReductionProcess.Variables.REGISTERED_ON.name(), "2027-02-16"));

    // then
    assertThat(aler).isEnded();
    assertThat(pathwayRecords.hasOpenTaskIn(pathway, "LORENTEGGIO.ALER_MI")).isFalse();
    assertThat(support.passedActivities(aler.getId()))
        .contains(ArrearsReductionProcess.Elements.END_REGISTERED);
    assertThat(reductions.ofPathway(pathway)).singleElement()
        .satisfies(r -> assertThat(r.registeredOn()).isEqualTo(LocalDate.of(2027, 2, 16)));
    assertThat(jdbc.sql("select state from deadline where pathway_id = ? and kind = 'ARREARS_REDUCTION'")
        .param(pathway).query(String.class).single()).isEqualTo("MET");
  }

  @Test
  void shouldRecordOnlyWhatAccruedSinceThePreviousReduction() {
    UUID pathway = warehouseCourseEndedInAProjectWithAShareOfAThird();

    // CUC-02: 16 of 20 hours (80 %): 80.00 euro, a third of the whole 235.00 is 78.33, less the 51.67 recorded: 26.66
    setClock(LocalDateTime.of(2027, 3, 12, 18, 0));
    for (int day : new int[] {15, 16}) {
      training.record(support.record(pathway), "CUC-02", LocalDate.of(2027, 2, day), new BigDecimal("8"),
          "operator.lorenteggio").orElseThrow();
    }
    setClock(LocalDateTime.of(2027, 3, 13, 0, 0));
    support.fireTimer(pathway, TrainingProcess.Elements.TIMER_COURSE_ENDED);

    assertThat(accruals.ofPathway(pathway))
        .extracting(a -> a.courseCode() + ":" + a.attempt() + ":" + a.accrued() + ":" + a.cumulativePayable())
        .containsExactly("MAG-01:1:155.00:155.00", "CUC-02:1:80.00:235.00");
    assertThat(reductions.ofPathway(pathway)).extracting(r -> r.courseCode() + ":" + r.indemnity() + ":" + r.amount())
        .containsExactly("MAG-01:155.00:51.67", "CUC-02:80.00:26.66");
    // the pathway went on to its next stage (the operator writes the internship's agreement) while ALER's tasks wait
    assertThat(support.openTasks(pathway)).extracting(t -> t.getTaskDefinitionKey()).containsExactlyInAnyOrder(
        ArrearsReductionProcess.Elements.TASK_REGISTER_ARREARS_REDUCTION,
        ArrearsReductionProcess.Elements.TASK_REGISTER_ARREARS_REDUCTION,
        InternshipProcess.Elements.TASK_INTERNSHIP_AGREEMENT);
    assertThat(support.record(pathway).stage()).isEqualTo("INTERNSHIP");
  }

  @Test
  void shouldRecordNothingInAProjectThatSendsNoShare() {
    UUID pathway = support.inTraining(plans, twoCourses());
    attend(pathway, "7.5", 11, 12, 13, 14);
    setClock(LocalDateTime.of(2027, 2, 13, 0, 0));

    support.fireTimer(pathway, TrainingProcess.Elements.TIMER_COURSE_ENDED);

    assertThat(training.results(pathway)).singleElement().satisfies(r -> assertThat(r.completed()).isTrue());
    // the indemnity is recorded all the same (30 h x 5.00); ALER's step passes, doing nothing
    assertThat(accruals.ofPathway(pathway)).singleElement()
        .satisfies(a -> assertThat(a.accrued()).isEqualByComparingTo("150.00"));
    assertThat(support.passedActivities(trainingInstance(pathway)))
        .contains(TrainingProcess.Elements.TASK_NOTIFY_HOUSING);
    assertThat(reductions.ofPathway(pathway)).isEmpty();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(pathway.toString())
        .processDefinitionKey(ArrearsReductionProcess.KEY).count()).isZero();
  }

  @Test
  void shouldRecordNothingWhenNoHourWasAttended() {
    oneThirdToTheArrears();
    UUID pathway = support.inTraining(plans, twoCourses());
    setClock(LocalDateTime.of(2027, 2, 13, 0, 0));

    support.fireTimer(pathway, TrainingProcess.Elements.TIMER_COURSE_ENDED);

    assertThat(reductions.ofPathway(pathway)).isEmpty();
    assertThat(accruals.ofPathway(pathway)).singleElement()
        .satisfies(a -> assertThat(a.accrued()).isEqualByComparingTo("0.00"));
    support.task(pathway, TrainingProcess.Elements.TASK_COURSE_OUTCOME);
  }

  @Test
  void shouldRecordTheIndemnityAndNotifyAlerOnceWhenTheStepsRunAgain() {
    // given: MAG-01 attended 22.5 of 40 hours (56 %, not completed): 112.50 euro, a third 37.50; the operator's task
    oneThirdToTheArrears();
    UUID pathway = support.inTraining(plans, twoCourses());
    attend(pathway, "7.5", 11, 12, 13);
    setClock(LocalDateTime.of(2027, 2, 13, 0, 0));
    support.fireTimer(pathway, TrainingProcess.Elements.TIMER_COURSE_ENDED);
    support.task(pathway, TrainingProcess.Elements.TASK_COURSE_OUTCOME);

    // when: the two steps run again for the same result (a job retried, an instance moved back before them)
    runtimeService.createProcessInstanceModification(trainingInstance(pathway))
        .startBeforeActivity(TrainingProcess.Elements.TASK_COURSE_INDEMNITY)
        .execute();
    accruals.afterCourseResult(pathway, LORENTEGGIO, "MAG-01");

    // then: one accrual, one reduction, one ALER instance
    assertThat(accruals.ofPathway(pathway)).singleElement().satisfies(a -> {
      assertThat(a.attempt()).isEqualTo(1);
      assertThat(a.accrued()).isEqualByComparingTo("112.50");
    });
    assertThat(reductions.ofPathway(pathway)).singleElement()
        .satisfies(r -> assertThat(r.amount()).isEqualByComparingTo("37.50"));
    alerInstance(pathway);
  }

  @Test
  void shouldRecordTheIndemnityAndNotifyAlerInTheResultStepOfTrainingsOnAnEarlierModel() throws IOException {
    // given: the training model before ADR 0032 (one result step doing all three) is the latest when the pathway
    // enters training
    TestDeployments deployments = TestDeployments.remember(repositoryService);
    try {
      String legacy;
      try (InputStream in = getClass().getClassLoader()
          .getResourceAsStream("legacy/training-before-indemnity-steps.bpmn")) {
        legacy = repositoryService.createDeployment().name("legacy-training")
            .addInputStream("processes/training/training.bpmn", in).deployWithResult()
            .getDeployedProcessDefinitions().get(0).getId();
      }
      oneThirdToTheArrears();
      UUID pathway = support.inTraining(plans, twoCourses());
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(trainingInstance(pathway))
          .singleResult().getProcessDefinitionId()).isEqualTo(legacy);
      attend(pathway, "7.5", 11, 12, 13, 14);
      attend(pathway, "1", 15);

      // when: MAG-01 ends
      setClock(LocalDateTime.of(2027, 2, 13, 0, 0));
      support.fireTimer(pathway, TrainingProcess.Elements.TIMER_COURSE_ENDED);

      // then: the same facts as the steps of the latest model record, from the result step alone
      assertThat(support.passedActivities(trainingInstance(pathway)))
          .contains(TrainingProcess.Elements.TASK_COURSE_RESULT)
          .doesNotContain(TrainingProcess.Elements.TASK_COURSE_INDEMNITY, TrainingProcess.Elements.TASK_NOTIFY_HOUSING);
      assertThat(accruals.ofPathway(pathway)).singleElement()
          .satisfies(a -> assertThat(a.accrued()).isEqualByComparingTo("155.00"));
      assertThat(reductions.ofPathway(pathway)).singleElement()
          .satisfies(r -> assertThat(r.amount()).isEqualByComparingTo("51.67"));
      assertThat(alerInstance(pathway).getTenantId()).isEqualTo("LORENTEGGIO.ALER_MI");
    } finally {
      deployments.removeNew();
    }
  }

  @Test
  void shouldSuspendAlersTaskWithThePathwayAndCancelItWhenThePersonWithdraws() {
    oneThirdToTheArrears();
    UUID pathway = support.inTraining(plans, twoCourses());
    attend(pathway, "7.5", 11, 12, 13, 14);
    setClock(LocalDateTime.of(2027, 2, 13, 0, 0));
    support.fireTimer(pathway, TrainingProcess.Elements.TIMER_COURSE_ENDED);
    ProcessInstance aler = alerInstance(pathway);

    // suspended with the pathway: ALER's task cannot be worked, its deadline stops with the pathway's clocks
    setClock(LocalDateTime.of(2027, 2, 15, 10, 0));
    clocks.suspend(pathway, "ILLNESS", null, "operator.lorenteggio", null);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(aler.getId()).singleResult().isSuspended())
        .isTrue();
    assertThatThrownBy(() -> support.complete(pathway, ArrearsReductionProcess.Elements.TASK_REGISTER_ARREARS_REDUCTION,
        vars(ArrearsReductionProcess.Variables.REGISTERED_ON.name(), "2027-02-15")))
        .hasMessageContaining("suspended");
    clocks.resume(pathway, null, "operator.lorenteggio", null);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(aler.getId()).singleResult().isSuspended())
        .isFalse();

    // withdrawn: ALER's task ends with the pathway, the reduction is cancelled, its deadline too
    exits.withdraw(pathway, "MOVED", LocalDate.of(2027, 2, 15), "operator.lorenteggio");

    assertThat(aler).isEnded();
    assertThat(support.openTasks(pathway)).isEmpty();
    assertThat(reductions.ofPathway(pathway)).singleElement().satisfies(r -> {
      assertThat(r.cancelledAt()).isNotNull();
      assertThat(r.registeredOn()).isNull();
    });
    assertThat(jdbc.sql("select state from deadline where pathway_id = ? and kind = 'ARREARS_REDUCTION'")
        .param(pathway).query(String.class).single()).isEqualTo("CANCELLED");
  }

  /**
   * LORENTEGGIO sends a third to the arrears; MAG-01 attended 31 hours (7.5 on four days, 1 on a fifth: 77.5 %,
   * completed) and ended: the clock at the start of 13 February 2027.
   */
  private UUID warehouseCourseEndedInAProjectWithAShareOfAThird() {
    oneThirdToTheArrears();
    UUID pathway = support.inTraining(plans, twoCourses());
    attend(pathway, "7.5", 11, 12, 13, 14);
    attend(pathway, "1", 15);
    setClock(LocalDateTime.of(2027, 2, 13, 0, 0));
    support.fireTimer(pathway, TrainingProcess.Elements.TIMER_COURSE_ENDED);
    return pathway;
  }

  private void oneThirdToTheArrears() {
    ProjectParameters.set(context, LORENTEGGIO, Training.ARREARS_SHARE, "1/3");
  }

  /** Ids of the activities an instance passed, in the order they started. */
  private List<String> activitiesInOrder(String processInstanceId) {
    return historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .orderPartiallyByOccurrence().asc().list().stream().map(a -> a.getActivityId()).toList();
  }

  /** The pathway's (only) training instance. */
  private String trainingInstance(UUID pathway) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(pathway.toString())
        .processDefinitionKey(TrainingProcess.KEY).singleResult().getId();
  }

  private ProcessInstance alerInstance(UUID pathway) {
    List<ProcessInstance> instances = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(pathway.toString()).processDefinitionKey(ArrearsReductionProcess.KEY).list();
    assertThat(instances).as("arrears-reduction of pathway %s", pathway).hasSize(1);
    return instances.get(0);
  }

  /** Records {@code hours} of MAG-01 on those days of January 2027 (the clock set after them). */
  private void attend(UUID pathway, String hours, int... januaryDays) {
    setClock(LocalDateTime.of(2027, 2, 12, 18, 0));
    for (int day : januaryDays) {
      training.record(support.record(pathway), "MAG-01", LocalDate.of(2027, 1, day), new BigDecimal(hours),
          "operator.lorenteggio").orElseThrow();
    }
  }

  /** MAG-01, 40 h, 11 January to 12 February 2027; CUC-02, 20 h, 15 February to 12 March 2027; an internship. */
  static Plans.Draft twoCourses() {
    return new Plans.Draft(
        List.of(new Plans.ServiceLine("COACHING", new BigDecimal("10"), new BigDecimal("400.00"))),
        List.of(new Plans.CourseLine("MAG-01", "Logistica di magazzino", new BigDecimal("40"),
                LocalDate.of(2027, 1, 11), LocalDate.of(2027, 2, 12)),
            new Plans.CourseLine("CUC-02", "Aiuto cucina", new BigDecimal("20"),
                LocalDate.of(2027, 2, 15), LocalDate.of(2027, 3, 12))),
        true, new BigDecimal("1500.00"));
  }
}
