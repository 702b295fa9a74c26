package org.erplab.pathways.pathway.infrastructure;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The other pathways of a pathway's person across every project (tables {@code participant} and {@code pathway}), and
 * table {@code enrolment_match}, where the ones found at the end of the intake are kept.
 */
@Repository
public class EnrolmentMatchRecords {

  private final JdbcClient jdbc;

  public EnrolmentMatchRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Pathways of the same fiscal code as the pathway's participant, in any project, other than the pathway itself, open
   * or closed at or after {@code closedSince}; newest first. One query along indexes: the pathway's primary key, its
   * participant's, {@code ix_participant_fiscal_code}, {@code ix_pathway_participant}. Only the project, stage, status
   * and closure instant leave the query.
   */
  public List<OtherPathway> otherPathways(UUID pathwayId, OffsetDateTime closedSince) {
    return jdbc.sql("""
            select other.project_code, other.stage, other.status, other.closed_at
            from pathway own
            join participant person on person.id = own.participant_id
            join participant same on same.fiscal_code = person.fiscal_code
            join pathway other on other.participant_id = same.id
            where own.id = ? and other.id <> own.id
              and (other.status <> 'CLOSED' or other.closed_at >= ?)
            order by other.created_at desc""")
        .params(pathwayId, closedSince)
        .query((rs, i) -> new OtherPathway(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, OffsetDateTime.class)))
        .list();
  }

  public void insert(EnrolmentMatch m) {
    jdbc.sql("""
            insert into enrolment_match (id, pathway_id, project_code, other_project_code, other_stage, other_status,
            other_closed_month, found_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(m.id(), m.pathwayId(), m.projectCode(), m.otherProjectCode(), m.otherStage(), m.otherStatus(),
            m.otherClosedMonth(), m.foundAt())
        .update();
  }

  public List<EnrolmentMatch> ofPathway(UUID pathwayId) {
    return jdbc.sql("select * from enrolment_match where pathway_id = ? order by found_at, other_project_code")
        .param(pathwayId).query(EnrolmentMatch.class).list();
  }

  /** Another pathway of the person, as the query returns it: nothing that names the person or the record. */
  public record OtherPathway(String projectCode, String stage, String status, OffsetDateTime closedAt) {}

  /** One row of {@code enrolment_match}. */
  public record EnrolmentMatch(UUID id, UUID pathwayId, String projectCode, String otherProjectCode,
      String otherStage, String otherStatus, String otherClosedMonth, OffsetDateTime foundAt) {}
}
