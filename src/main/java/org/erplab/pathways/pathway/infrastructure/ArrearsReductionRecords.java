package org.erplab.pathways.pathway.infrastructure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code arrears_reduction}: the shares of a pathway's indemnity sent to the household's rent arrears. */
@Repository
public class ArrearsReductionRecords {

  private final JdbcClient jdbc;

  public ArrearsReductionRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The pathway's reductions, oldest first ({@code ix_arrears_reduction_pathway}). */
  public List<ArrearsReduction> ofPathway(UUID pathwayId) {
    return jdbc.sql("select * from arrears_reduction where pathway_id = ? order by computed_at, id")
        .param(pathwayId).query(ArrearsReduction.class).list();
  }

  public Optional<ArrearsReduction> find(UUID id) {
    return jdbc.sql("select * from arrears_reduction where id = ?").param(id).query(ArrearsReduction.class).optional();
  }

  public void insert(ArrearsReduction r) {
    jdbc.sql("""
            insert into arrears_reduction (id, pathway_id, project_code, course_code, course_attempt, period_from,
            period_to, indemnity, share, amount, housing_organisation, computed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(r.id(), r.pathwayId(), r.projectCode(), r.courseCode(), r.courseAttempt(), r.periodFrom(), r.periodTo(),
            r.indemnity(), r.share(), r.amount(), r.housingOrganisation(), r.computedAt())
        .update();
  }

  /** ALER registered the reduction on {@code day}; false when it was registered or cancelled already. */
  public boolean register(UUID id, LocalDate day, String user) {
    return jdbc.sql("""
            update arrears_reduction set registered_on = ?, registered_by = ?
            where id = ? and registered_on is null and cancelled_at is null""")
        .params(day, user, id).update() > 0;
  }

  /** The pathway's reductions not registered yet are cancelled (the pathway was withdrawn or interrupted). */
  public int cancelOpen(UUID pathwayId, OffsetDateTime at) {
    return jdbc.sql("""
            update arrears_reduction set cancelled_at = ?
            where pathway_id = ? and registered_on is null and cancelled_at is null""")
        .params(at, pathwayId).update();
  }

  /**
   * A share of the indemnity sent to the rent arrears: {@code indemnity} accrued on the course (attempt
   * {@code courseAttempt}) in its period, {@code amount} of it for the arrears at {@code share}; amounts in euro.
   */
  public record ArrearsReduction(UUID id, UUID pathwayId, String projectCode, String courseCode, int courseAttempt,
      LocalDate periodFrom, LocalDate periodTo, BigDecimal indemnity, String share, BigDecimal amount,
      String housingOrganisation, OffsetDateTime computedAt, LocalDate registeredOn, String registeredBy,
      OffsetDateTime cancelledAt) {}
}
