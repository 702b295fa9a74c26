package org.erplab.pathways.pathway.infrastructure;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code eligibility_screening} and {@code eligibility_reason}: what the eligibility decision said at the end of
 * the intake, the items the CPI had to verify, and how the screening ended with its reasons (ADR 0023).
 */
@Repository
public class EligibilityRecords {

  public static final String TO_VERIFY = "TO_VERIFY";
  public static final String INELIGIBLE = "INELIGIBLE";

  private final JdbcClient jdbc;

  public EligibilityRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A new screening of the pathway with the decision's outcome and the items to verify; an ELIGIBLE or INELIGIBLE
   * decision is concluded by {@link #conclude} when the process reaches its end.
   */
  public void screened(UUID pathwayId, String screeningOutcome, Collection<String> itemsToVerify, OffsetDateTime at) {
    UUID id = UUID.randomUUID();
    jdbc.sql("""
            insert into eligibility_screening (id, pathway_id, project_code, screened_at, screening_outcome)
            select ?, id, project_code, ?, ? from pathway where id = ?""")
        .params(id, at, screeningOutcome, pathwayId)
        .update();
    reasons(id, TO_VERIFY, itemsToVerify);
  }

  /** Concludes the pathway's open screening (the latest) with its outcome and, when ineligible, its reasons. */
  public void conclude(UUID pathwayId, String outcome, Collection<String> reasons, OffsetDateTime at) {
    jdbc.sql("""
            select id from eligibility_screening where pathway_id = ? and outcome is null
            order by screened_at desc limit 1""")
        .param(pathwayId)
        .query(UUID.class)
        .optional()
        .ifPresent(id -> {
          jdbc.sql("update eligibility_screening set outcome = ?, concluded_at = ? where id = ?")
              .params(outcome, at, id).update();
          if (INELIGIBLE.equals(outcome)) {
            reasons(id, INELIGIBLE, reasons);
          }
        });
  }

  private void reasons(UUID screeningId, String kind, Collection<String> reasons) {
    for (String reason : new LinkedHashSet<>(reasons)) {
      jdbc.sql("insert into eligibility_reason (screening_id, kind, reason) values (?, ?, ?)")
          .params(screeningId, kind, reason).update();
    }
  }
}
