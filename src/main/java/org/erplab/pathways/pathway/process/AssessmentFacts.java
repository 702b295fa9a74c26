package org.erplab.pathways.pathway.process;

import java.time.LocalDate;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.pathway.domain.AssessmentRecords;
import org.erplab.pathways.pathway.domain.AssessmentRecords.SkillsAssessment;
import org.erplab.pathways.pathway.process.AssessmentProcess.Variables;
import org.erplab.pathways.project.domain.Organisation;
import org.erplab.pathways.project.domain.OrganisationType;
import org.erplab.pathways.project.domain.ProjectDirectory;
import org.erplab.pathways.security.Partitions;
import org.springframework.stereotype.Component;

/**
 * The skills assessment's and the social inclusion's facts and choices: {@code ${assessmentFacts.record(execution)}}
 * files an assessment with its route (table {@code skills_assessment}); {@code socialServices(execution)} names the
 * project's social services (its MUNICIPALITY partner) before the social referral is called;
 * {@code recordReassessment(execution)} puts the re-assessment day on the pathway, {@code reassessmentAt(execution)}
 * is the start of the re-assessment day the social services set (Europe/Rome).
 */
@Component("assessmentFacts")
public class AssessmentFacts {

  private final AssessmentRecords records;
  private final ProjectDirectory projects;

  public AssessmentFacts(AssessmentRecords records, ProjectDirectory projects) {
    this.records = records;
    this.projects = projects;
  }

  public void record(DelegateExecution execution) {
    records.insert(new SkillsAssessment(UUID.randomUUID(), PathwayLifecycle.pathwayId(execution),
        Partitions.projectOf(execution.getTenantId()), PathwayProcess.Variables.OPERATOR_ORGANISATION.get(execution),
        EngineClock.now(), Variables.ORIENTATION_HOURS.get(execution), Variables.READY_FOR_WORK.get(execution),
        Variables.NEEDS_SOCIAL_SUPPORT.get(execution), Variables.SELF_EMPLOYMENT_INTEREST.get(execution),
        Variables.EQF_LEVEL.get(execution), Variables.AVAILABILITY.get(execution),
        Variables.PATHWAY_ROUTE.get(execution)));
  }

  /** Start listener of the social referral's call: the organisation of the project's social services. */
  public void socialServices(DelegateExecution execution) {
    String project = Partitions.projectOf(execution.getTenantId());
    String social = projects.organisations(project).stream()
        .filter(o -> o.type() == OrganisationType.MUNICIPALITY)
        .map(Organisation::code)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("Project " + project + " has no MUNICIPALITY partner"));
    SocialReferralProcess.Variables.SOCIAL_ORGANISATION.set(execution, social);
  }

  /** End listener of the social referral's call: the re-assessment date, when one was set, goes on the pathway. */
  public void recordReassessment(DelegateExecution execution) {
    if (SocialReferralProcess.Variables.REASSESSMENT_DATE.get(execution) != null) {
      records.recordReassessmentDate(PathwayLifecycle.pathwayId(execution), reassessmentDay(execution));
    }
  }

  /** Timer of the re-assessment: the start of the day the social services set. */
  public Date reassessmentAt(DelegateExecution execution) {
    return Date.from(reassessmentDay(execution).atStartOfDay(EngineClock.ZONE).toInstant());
  }

  private static LocalDate reassessmentDay(DelegateExecution execution) {
    return LocalDate.parse(SocialReferralProcess.Variables.REASSESSMENT_DATE.get(execution));
  }
}
