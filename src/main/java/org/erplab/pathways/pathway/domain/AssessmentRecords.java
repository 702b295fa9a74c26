package org.erplab.pathways.pathway.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code skills_assessment}: every assessment of a pathway and the route it chose; the re-assessment date. */
@Repository
public class AssessmentRecords {

  private final JdbcClient jdbc;

  public AssessmentRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(SkillsAssessment a) {
    jdbc.sql("""
            insert into skills_assessment (id, pathway_id, project_code, operator_organisation, assessed_at,
            orientation_hours, ready_for_work, needs_social_support, self_employment_interest, eqf_level, availability,
            route) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(a.id(), a.pathwayId(), a.projectCode(), a.operatorOrganisation(), a.assessedAt(), a.orientationHours(),
            a.readyForWork(), a.needsSocialSupport(), a.selfEmploymentInterest(), a.eqfLevel(), a.availability(),
            a.route())
        .update();
  }

  public List<SkillsAssessment> ofPathway(UUID pathwayId) {
    return jdbc.sql("select * from skills_assessment where pathway_id = ? order by assessed_at")
        .param(pathwayId).query(SkillsAssessment.class).list();
  }

  /** Orientation hours the pathway had in earlier assessments. */
  public int orientationHoursSoFar(UUID pathwayId) {
    return jdbc.sql("select coalesce(sum(orientation_hours), 0) from skills_assessment where pathway_id = ?")
        .param(pathwayId).query(Integer.class).single();
  }

  public void recordReassessmentDate(UUID pathwayId, LocalDate day) {
    jdbc.sql("update pathway set reassessment_date = ? where id = ?").params(day, pathwayId).update();
  }

  /** One skills assessment: what the operator found and the route decision {@code pathway-route} chose. */
  public record SkillsAssessment(UUID id, UUID pathwayId, String projectCode, String operatorOrganisation,
      OffsetDateTime assessedAt, int orientationHours, boolean readyForWork, boolean needsSocialSupport,
      boolean selfEmploymentInterest, int eqfLevel, String availability, String route) {}
}
