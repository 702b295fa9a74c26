package org.erplab.pathways.pathway.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.erplab.pathways.pathway.domain.Pathway;
import org.erplab.pathways.pathway.domain.PathwayClosures;
import org.erplab.pathways.support.PathwaysSpringTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The closure records of pathways closed before table {@code pathway_closure} existed, filed at start-up; and the
 * table's one-outcome rule. Closures filed as pathways close: {@code PathwayProcessTest}, {@code
 * SelfEmploymentProcessTest}.
 */
@PathwaysSpringTest
class PathwayClosuresTest {

  @Autowired ApplicationContext context;
  @Autowired PathwayClosures closures;
  @Autowired JdbcClient jdbc;
  @Autowired org.erplab.pathways.pathway.domain.PathwayExits exits;

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
  void shouldFileOnceTheClosureOfAPathwayClosedBeforeTheTableExisted() {
    // given: closed by an earlier version, the record says only CLOSED, no closure row
    UUID closedEarlier = support.registerPathway(ProcessTestSupport.LORENTEGGIO, Pathway.Channel.LAB).pathwayId();
    support.closeRecord(closedEarlier, "PLAN_NOT_SIGNED", LocalDateTime.of(2026, 10, 5, 12, 0));
    UUID open = support.registerPathway(ProcessTestSupport.LORENTEGGIO, Pathway.Channel.LAB).pathwayId();
    assertThat(closures.of(closedEarlier)).isEmpty();

    // when: at start-up (twice: the second files nothing)
    closures.backfill();
    closures.backfill();

    // then: its outcome, moment, the stage that outcome closes, no hours nor indemnity (no register)
    assertThat(jdbc.sql("select count(*) from pathway_closure where pathway_id = ?").param(closedEarlier)
        .query(Integer.class).single()).isEqualTo(1);
    assertThat(closures.of(closedEarlier)).get().satisfies(c -> {
      assertThat(c.outcome()).isEqualTo("PLAN_NOT_SIGNED");
      assertThat(c.stageAtClosure()).isEqualTo("PLAN");
      assertThat(c.closedAt().toInstant()).isEqualTo(support.record(closedEarlier).closedAt().toInstant());
      assertThat(c.trainingHoursAttended()).isEqualByComparingTo("0");
      assertThat(c.indemnity()).isEqualByComparingTo("0");
    });
    assertThat(closures.of(open)).isEmpty();
  }

  @Test
  void shouldFileTheClosureOfAPathwayWithdrawnWhenNoInstanceRuns() {
    // given: a pathway whose model ended in its stage (training done, the placement not built yet)
    UUID waiting = support.registerPathway(ProcessTestSupport.LORENTEGGIO, Pathway.Channel.LAB).pathwayId();
    jdbc.sql("update pathway set stage = 'PLACEMENT' where id = ?").param(waiting).update();

    // when (on the real clock: the record was created today)
    ClockUtil.reset();
    exits.withdraw(waiting, "MOVED", java.time.LocalDate.now(ProcessTestSupport.ROME), "cpi.milano");

    // then
    assertThat(support.record(waiting).outcome()).isEqualTo("WITHDRAWN");
    assertThat(closures.of(waiting)).get().satisfies(c -> {
      assertThat(c.outcome()).isEqualTo("WITHDRAWN");
      assertThat(c.stageAtClosure()).isEqualTo("PLACEMENT");
    });
  }

  @Test
  void shouldRefuseAnOutcomeOutsideTheNineOfTheProgramme() {
    UUID pathway = support.registerPathway(ProcessTestSupport.LORENTEGGIO, Pathway.Channel.LAB).pathwayId();

    assertThatThrownBy(() -> jdbc.sql("""
            insert into pathway_closure (pathway_id, project_code, outcome, stage_at_closure, closed_at,
            training_hours_planned, training_hours_attended, indemnity, indemnity_arrears_share)
            values (?, 'LORENTEGGIO', 'CLOSED_SOMEHOW', 'INTAKE', now(), 0, 0, 0, 0)""").param(pathway).update())
        .hasMessageContaining("ck_pathway_closure_outcome");
  }
}
