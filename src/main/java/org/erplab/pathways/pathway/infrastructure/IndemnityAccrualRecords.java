package org.erplab.pathways.pathway.infrastructure;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code indemnity_accrual}: the participation indemnity each course's result accrued. */
@Repository
public class IndemnityAccrualRecords {

  private final JdbcClient jdbc;

  public IndemnityAccrualRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The accrual of a course's attempt ({@code uq_indemnity_accrual}). */
  public Optional<Accrual> find(UUID pathwayId, String courseCode, int attempt) {
    return jdbc.sql("select * from indemnity_accrual where pathway_id = ? and course_code = ? and attempt = ?")
        .params(pathwayId, courseCode, attempt).query(Accrual.class).optional();
  }

  /** The pathway's accruals, oldest first. */
  public List<Accrual> ofPathway(UUID pathwayId) {
    return jdbc.sql("select * from indemnity_accrual where pathway_id = ? order by computed_at, id")
        .param(pathwayId).query(Accrual.class).list();
  }

  /** What the pathway's accruals add up to: its payable indemnity at the latest one (0 before the first). */
  public BigDecimal total(UUID pathwayId) {
    return jdbc.sql("select coalesce(sum(accrued), 0) from indemnity_accrual where pathway_id = ?")
        .param(pathwayId).query(BigDecimal.class).single();
  }

  public void insert(Accrual a) {
    jdbc.sql("""
            insert into indemnity_accrual (id, pathway_id, project_code, course_code, attempt, accrued,
            cumulative_payable, computed_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(a.id(), a.pathwayId(), a.projectCode(), a.courseCode(), a.attempt(), a.accrued(),
            a.cumulativePayable(), a.computedAt())
        .update();
  }

  /**
   * What a course's result (attempt {@code attempt}) added to the pathway's payable indemnity ({@code accrued}, in
   * euro), and the payable indemnity then ({@code cumulativePayable}).
   */
  public record Accrual(UUID id, UUID pathwayId, String projectCode, String courseCode, int attempt,
      BigDecimal accrued, BigDecimal cumulativePayable, OffsetDateTime computedAt) {}
}
