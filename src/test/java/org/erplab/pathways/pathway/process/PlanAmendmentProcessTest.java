package org.erplab.pathways.pathway.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.LORENTEGGIO;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.rome;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.setClock;
import static org.erplab.pathways.pathway.process.ProcessTestSupport.vars;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.pathway.domain.PathwayExits;
import org.erplab.pathways.pathway.domain.PlanAmendments;
import org.erplab.pathways.pathway.domain.Plans;
import org.erplab.pathways.pathway.domain.Training;
import org.erplab.pathways.pathway.infrastructure.PlanRecords;
import org.erplab.pathways.support.ModelCoverage;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;

/**
 * Amendments of a signed plan: written while the training runs, approved by the CPI and signed by the person, only
 * then the current version (the training follows its courses); rejected or lapsed, the signed version stays current;
 * refused before the first signature, while another is under way and after closure; cancelled by a withdrawal. The
 * plan signed on the example day has MAG-01 (40 h, 11 January to 12 February 2027).
 */
@PathwaysSpringTest
@ModelCoverage({PlanAmendmentProcess.KEY})
class PlanAmendmentProcessTest {

  private static final String OPERATOR = "operator.lorenteggio";

  @Autowired ApplicationContext context;
  @Autowired Plans plans;
  @Autowired PlanRecords planRecords;
  @Autowired PlanAmendments amendments;
  @Autowired Training training;
  @Autowired PathwayExits exits;
  @Autowired RuntimeService runtimeService;

  private ProcessTestSupport support;

  @BeforeEach
  void setUp() {
    support = ProcessTestSupport.onExampleDay(context);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldMakeTheSignedAmendmentCurrentAndFollowItsNewCourseWhileTheTrainingGoesOn() {
    // given: in training, MAG-01 running
    UUID pathway = support.inTraining(plans, oneCourse());

    // when: the operator amends the plan, adding CUC-02
    PlanRecords.Version amendment = amendments.request(pathway, withKitchenCourse(), OPERATOR);

    // then: version 2 goes to the CPI, version 1 stays current, the training goes on
    assertThat(amendment.version()).isEqualTo(2);
    assertThat(amendment.status()).isEqualTo("SUBMITTED");
    assertThat(amendment.amends()).isEqualTo(1);
    assertThat(support.task(pathway, PlanAmendmentProcess.Elements.TASK_APPROVE_PLAN)).hasCandidateGroup("cpi");
    assertThat(current(pathway)).isEqualTo("1:SIGNED");
    assertThat(training.courses(pathway)).extracting(Training.Course::code).containsExactly("MAG-01");
    assertThat(support.timer(pathway, TrainingProcess.Elements.TIMER_COURSE_ENDED)).isNotNull();
    assertThatThrownBy(() -> amendments.request(pathway, withKitchenCourse(), OPERATOR))
        .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(HttpStatus.CONFLICT));

    // when: the CPI approves it and the person signs it
    support.complete(pathway, PlanAmendmentProcess.Elements.TASK_APPROVE_PLAN,
        vars(PlanProcess.Variables.PLAN_APPROVED.name(), true));
    assertThat(current(pathway)).isEqualTo("1:SIGNED");
    assertThat(support.task(pathway, PlanAmendmentProcess.Elements.TASK_RECORD_SIGNATURE)).hasCandidateGroup("SOLCO");
    support.complete(pathway, PlanAmendmentProcess.Elements.TASK_RECORD_SIGNATURE,
        vars(PlanProcess.Variables.SIGNED_ON.name(), "2026-11-23"));

    // then: version 2 is current, every version kept
    assertThat(current(pathway)).isEqualTo("2:SIGNED");
    assertThat(planRecords.versions(pathway)).extracting(v -> v.version() + ":" + v.status() + ":" + v.amends())
        .containsExactly("1:SIGNED:null", "2:SIGNED:1");
    assertThat(support.passedActivities(amendmentInstance(pathway))).contains(PlanAmendmentProcess.Elements.END_SIGNED);
    assertThat(support.openTasks(pathway)).isEmpty();

    // when: MAG-01 ends completed
    setClock(LocalDateTime.of(2027, 2, 12, 18, 0));
    for (int day : new int[] {11, 12, 13, 14}) {
      training.record(support.record(pathway), "MAG-01", LocalDate.of(2027, 1, day), new BigDecimal("7.5"), OPERATOR)
          .orElseThrow();
    }
    setClock(LocalDateTime.of(2027, 2, 13, 0, 0));
    support.fireTimer(pathway, TrainingProcess.Elements.TIMER_COURSE_ENDED);

    // then: the next course is the amendment's CUC-02, to its end on 12 March 2027
    assertThat(support.record(pathway).stage()).isEqualTo("TRAINING");
    assertThat(support.timer(pathway, TrainingProcess.Elements.TIMER_COURSE_ENDED).getDuedate())
        .isEqualTo(rome(LocalDate.of(2027, 3, 13).atStartOfDay()));
  }

  @Test
  void shouldKeepTheSignedVersionCurrentWhenTheCpiRejectsTheAmendment() {
    UUID pathway = support.inTraining(plans, oneCourse());
    amendments.request(pathway, withKitchenCourse(), OPERATOR);

    assertThatThrownBy(() -> support.complete(pathway, PlanAmendmentProcess.Elements.TASK_APPROVE_PLAN,
        vars(PlanProcess.Variables.PLAN_APPROVED.name(), false)))
        .hasMessageContaining(PlanProcess.Variables.REJECTION_REASON.name());
    support.complete(pathway, PlanAmendmentProcess.Elements.TASK_APPROVE_PLAN,
        vars(PlanProcess.Variables.PLAN_APPROVED.name(), false,
            PlanProcess.Variables.REJECTION_REASON.name(), "il corso di cucina non è finanziabile"));

    assertThat(current(pathway)).isEqualTo("1:SIGNED");
    assertThat(planRecords.versions(pathway)).extracting(v -> v.version() + ":" + v.status())
        .containsExactly("1:SIGNED", "2:REJECTED");
    assertThat(support.passedActivities(amendmentInstance(pathway)))
        .contains(PlanAmendmentProcess.Elements.END_REJECTED);
    assertThat(training.courses(pathway)).extracting(Training.Course::code).containsExactly("MAG-01");
    assertThat(support.historicVariables(amendmentInstance(pathway)))
        .doesNotContainKey(PlanProcess.Variables.REJECTION_REASON.name());
    // a new amendment may follow
    assertThat(amendments.request(pathway, withKitchenCourse(), OPERATOR).version()).isEqualTo(3);
  }

  @Test
  void shouldLetAnAmendmentLapseWhenItIsNotSignedInTime() {
    UUID pathway = support.inTraining(plans, oneCourse());
    amendments.request(pathway, withKitchenCourse(), OPERATOR);
    support.complete(pathway, PlanAmendmentProcess.Elements.TASK_APPROVE_PLAN,
        vars(PlanProcess.Variables.PLAN_APPROVED.name(), true));

    // 30 calendar days after the approval
    support.fireTimer(pathway, PlanAmendmentProcess.Elements.TIMER_SIGNATURE_OVERDUE);

    assertThat(planRecords.versions(pathway)).extracting(v -> v.version() + ":" + v.status())
        .containsExactly("1:SIGNED", "2:LAPSED");
    assertThat(current(pathway)).isEqualTo("1:SIGNED");
    assertThat(support.passedActivities(amendmentInstance(pathway))).contains(PlanAmendmentProcess.Elements.END_LAPSED);
    assertThat(support.record(pathway).status()).isEqualTo("ACTIVE");
  }

  @Test
  void shouldEndACourseTheAmendmentRemovedWithoutAResultAndFollowTheNextOne() {
    UUID pathway = support.inTraining(plans, oneCourse());
    amendments.request(pathway, new Plans.Draft(coaching(), List.of(kitchen()), true, new BigDecimal("1500.00")),
        OPERATOR);
    support.complete(pathway, PlanAmendmentProcess.Elements.TASK_APPROVE_PLAN,
        vars(PlanProcess.Variables.PLAN_APPROVED.name(), true));
    support.complete(pathway, PlanAmendmentProcess.Elements.TASK_RECORD_SIGNATURE,
        vars(PlanProcess.Variables.SIGNED_ON.name(), "2026-11-23"));

    support.fireTimer(pathway, TrainingProcess.Elements.TIMER_COURSE_ENDED);

    assertThat(training.results(pathway)).isEmpty();
    assertThat(support.timer(pathway, TrainingProcess.Elements.TIMER_COURSE_ENDED).getDuedate())
        .isEqualTo(rome(LocalDate.of(2027, 3, 13).atStartOfDay()));
  }

  @Test
  void shouldRefuseAnAmendmentBeforeTheFirstSignatureAndAfterTheClosure() {
    UUID atPlan = support.inTraining(plans, oneCourse());
    exits.withdraw(atPlan, "MOVED", LocalDate.of(2026, 11, 23), OPERATOR);
    assertConflict(atPlan);

    UUID unsigned = support.startPathway(LORENTEGGIO, org.erplab.pathways.pathway.domain.Pathway.Channel.LAB)
        .pathwayId();
    assertConflict(unsigned);
    assertThat(planRecords.versions(unsigned)).isEmpty();
  }

  @Test
  void shouldRefuseAnAmendmentBeyondTheProjectsCapsNamingTheLine() {
    UUID pathway = support.inTraining(plans, oneCourse());
    Plans.Draft tooDear = new Plans.Draft(
        List.of(new Plans.ServiceLine("COACHING", new BigDecimal("10"), new BigDecimal("2500.00")),
            new Plans.ServiceLine("CERTIFICATION", new BigDecimal("2"), new BigDecimal("600.00"))),
        List.of(), true, new BigDecimal("1500.00"));

    assertThatThrownBy(() -> amendments.request(pathway, tooDear, OPERATOR)).satisfies(e -> {
      assertThat(((ApiException) e).status()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(((ApiException) e).errors()).extracting(f -> f.field()).containsExactly("services[1].cost");
    });
    assertThat(planRecords.versions(pathway)).hasSize(1);
  }

  @Test
  void shouldCancelTheAmendmentWhenThePersonWithdraws() {
    UUID pathway = support.inTraining(plans, oneCourse());
    amendments.request(pathway, withKitchenCourse(), OPERATOR);
    String amendment = amendmentInstance(pathway);

    exits.withdraw(pathway, "MOVED", LocalDate.of(2026, 11, 23), OPERATOR);

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(amendment).count()).isZero();
    assertThat(support.openTasks(pathway)).isEmpty();
    assertThat(planRecords.versions(pathway)).extracting(v -> v.version() + ":" + v.status())
        .containsExactly("1:SIGNED", "2:CANCELLED");
    assertThat(support.record(pathway).outcome()).isEqualTo("WITHDRAWN");
  }

  @Test
  void shouldCancelTheAmendmentWhenTheOperatorClosesThePathwayAfterACourseNotCompleted() {
    UUID pathway = support.inTraining(plans, oneCourse());
    amendments.request(pathway, withKitchenCourse(), OPERATOR);
    String amendment = amendmentInstance(pathway);
    support.fireTimer(pathway, TrainingProcess.Elements.TIMER_COURSE_ENDED);

    support.complete(pathway, TrainingProcess.Elements.TASK_COURSE_OUTCOME,
        vars(TrainingProcess.Variables.NEXT_STEP.name(), "CLOSE"));

    assertThat(support.record(pathway).outcome()).isEqualTo("COMPLETED_NOT_PLACED");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(amendment).count()).isZero();
    assertThat(support.openTasks(pathway)).isEmpty();
    assertThat(planRecords.versions(pathway)).extracting(v -> v.version() + ":" + v.status())
        .containsExactly("1:SIGNED", "2:CANCELLED");
  }

  private void assertConflict(UUID pathway) {
    assertThatThrownBy(() -> amendments.request(pathway, withKitchenCourse(), OPERATOR))
        .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(HttpStatus.CONFLICT));
  }

  private String current(UUID pathway) {
    PlanRecords.Version v = planRecords.current(pathway).orElseThrow();
    return v.version() + ":" + v.status();
  }

  private String amendmentInstance(UUID pathway) {
    ProcessInstance root = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(pathway.toString())
        .processDefinitionKey(PathwayProcess.KEY).singleResult();
    return support.calledInstanceId(root.getId(), PlanAmendmentProcess.KEY);
  }

  private static Plans.Draft oneCourse() {
    return new Plans.Draft(coaching(), List.of(warehouse()), true, new BigDecimal("1500.00"));
  }

  private static Plans.Draft withKitchenCourse() {
    return new Plans.Draft(coaching(), List.of(warehouse(), kitchen()), true, new BigDecimal("1500.00"));
  }

  private static List<Plans.ServiceLine> coaching() {
    return List.of(new Plans.ServiceLine("COACHING", new BigDecimal("10"), new BigDecimal("400.00")));
  }

  private static Plans.CourseLine warehouse() {
    return new Plans.CourseLine("MAG-01", "Logistica di magazzino", new BigDecimal("40"), LocalDate.of(2027, 1, 11),
        LocalDate.of(2027, 2, 12));
  }

  private static Plans.CourseLine kitchen() {
    return new Plans.CourseLine("CUC-02", "Aiuto cucina", new BigDecimal("20"), LocalDate.of(2027, 2, 15),
        LocalDate.of(2027, 3, 12));
  }
}
