package org.erplab.pathways.pathway.infrastructure;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code pathway_closure}: one row per closed pathway, its outcome and final hours and indemnity. */
@Repository
public class ClosureRecords {

  private final JdbcClient jdbc;

  public ClosureRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the closure unless the pathway has one already; false when it had. */
  public boolean insert(Closure c) {
    return jdbc.sql("""
            insert into pathway_closure (pathway_id, project_code, outcome, stage_at_closure, closed_at,
            training_hours_planned, training_hours_attended, indemnity, indemnity_arrears_share)
            select ?, ?, ?, ?, ?, ?, ?, ?, ? where not exists (select 1 from pathway_closure where pathway_id = ?)""")
        .params(c.pathwayId(), c.projectCode(), c.outcome(), c.stageAtClosure(), c.closedAt(),
            c.trainingHoursPlanned(), c.trainingHoursAttended(), c.indemnity(), c.indemnityArrearsShare(),
            c.pathwayId())
        .update() == 1;
  }

  public Optional<Closure> find(UUID pathwayId) {
    return jdbc.sql("select * from pathway_closure where pathway_id = ?").param(pathwayId).query(Closure.class)
        .optional();
  }

  /** Closed pathways without a closure row (closed before the table existed). */
  public List<UUID> closedWithoutRow() {
    return jdbc.sql("""
            select p.id from pathway p where p.status = 'CLOSED'
            and not exists (select 1 from pathway_closure c where c.pathway_id = p.id)""")
        .query(UUID.class).list();
  }

  /** A pathway's closure: one outcome, the stage reached, the final training hours and indemnity. */
  public record Closure(UUID pathwayId, String projectCode, String outcome, String stageAtClosure,
      OffsetDateTime closedAt, BigDecimal trainingHoursPlanned, BigDecimal trainingHoursAttended, BigDecimal indemnity,
      BigDecimal indemnityArrearsShare) {}
}
