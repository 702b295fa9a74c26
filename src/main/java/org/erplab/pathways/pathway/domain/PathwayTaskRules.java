package org.erplab.pathways.pathway.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.calendar.domain.ProjectCalendars;
import org.erplab.pathways.common.domain.FieldError;
import org.erplab.pathways.pathway.process.ArrearsReductionProcess;
import org.erplab.pathways.pathway.process.AssessmentProcess;
import org.erplab.pathways.pathway.process.EligibilityProcess;
import org.erplab.pathways.pathway.process.SocialReferralProcess;
import org.erplab.pathways.pathway.process.HandoverProcess;
import org.erplab.pathways.pathway.process.IntakeProcess;
import org.erplab.pathways.pathway.process.InternshipProcess;
import org.erplab.pathways.pathway.process.OperatorAssignment;
import org.erplab.pathways.pathway.process.PathwayProcess;
import org.erplab.pathways.pathway.process.PlanProcess;
import org.erplab.pathways.pathway.infrastructure.PlanRecords;
import org.erplab.pathways.project.domain.ProgrammeParameters;
import org.erplab.pathways.worklist.domain.TaskCompletionRule;
import org.erplab.pathways.worklist.domain.TaskCompletionRule.CompletedTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** Completion rules of the pathway's tasks that a form cannot express, checked by the engine at every door. */
@Configuration
class PathwayTaskRules {

  /** How far ahead a first appointment may be set, in calendar days (programme parameter). */
  static final String APPOINTMENT_MAX_DAYS_AHEAD = "appointmentMaxDaysAhead";

  @Bean
  TaskCompletionRule assignOperatorRule(OperatorAssignment assignment) {
    return rule(PathwayProcess.Elements.TASK_ASSIGN_OPERATOR, (task, values) -> {
      Object organisation = values.get(PathwayProcess.Variables.OPERATOR_ORGANISATION.name());
      return assignment.isAccreditedOperator(task.projectCode(), organisation) ? List.of()
          : List.of(new FieldError(PathwayProcess.Variables.OPERATOR_ORGANISATION.name(),
              "is not an accredited operator of project " + task.projectCode()));
    });
  }

  @Bean
  TaskCompletionRule appointmentOverdueRule(OperatorAssignment assignment, PathwayRecords pathways) {
    String field = HandoverProcess.Variables.NEW_OPERATOR_ORGANISATION.name();
    return rule(HandoverProcess.Elements.TASK_APPOINTMENT_OVERDUE, (task, values) -> {
      Object organisation = values.get(field);
      if (!"REASSIGN".equals(values.get(HandoverProcess.Variables.OVERDUE_ACTION.name()))) {
        return organisation == null ? List.of()
            : List.of(new FieldError(field, "is chosen only to hand the pathway to another operator"));
      }
      if (!assignment.isAccreditedOperator(task.projectCode(), organisation)) {
        return List.of(new FieldError(field, "must be an accredited operator of project " + task.projectCode()));
      }
      String current = task.pathwayId() == null ? null
          : pathways.find(task.pathwayId()).map(Pathway::operatorOrganisation).orElse(null);
      return organisation.equals(current)
          ? List.of(new FieldError(field, "must differ from the pathway's current operator"))
          : List.of();
    });
  }

  @Bean
  TaskCompletionRule intakeInterviewRule() {
    String field = IntakeProcess.Variables.VULNERABILITIES.name();
    return rule(IntakeProcess.Elements.TASK_INTAKE_INTERVIEW, (task, values) ->
        values.get(field) instanceof Collection<?> list && list.contains("NONE") && list.size() > 1
            ? List.of(new FieldError(field, "NONE cannot be combined with other values"))
            : List.of());
  }

  @Bean
  TaskCompletionRule firstAppointmentRule(PathwayRecords pathways, ProjectCalendars calendars,
      ProgrammeParameters parameters) {
    String field = HandoverProcess.Variables.APPOINTMENT_DATE.name();
    return rule(HandoverProcess.Elements.TASK_FIRST_APPOINTMENT, (task, values) -> {
      LocalDate day = LocalDate.parse((String) values.get(field));
      LocalDate today = EngineClock.today();
      LocalDate latest = today.plusDays(parameters.intValue(task.projectCode(), APPOINTMENT_MAX_DAYS_AHEAD));
      LocalDate started = pathwayStart(pathways, task, calendars);
      if (started != null && day.isBefore(started)) {
        return List.of(new FieldError(field, "cannot be before the pathway started (" + started + ")"));
      }
      if (day.isAfter(latest)) {
        return List.of(new FieldError(field, "cannot be later than " + latest));
      }
      return List.of();
    });
  }

  @Bean
  TaskCompletionRule documentsReceivedRule(PathwayRecords pathways, ProjectCalendars calendars) {
    String field = EligibilityProcess.Variables.DOCUMENTS_RECEIVED_ON.name();
    return rule(EligibilityProcess.Elements.TASK_AWAIT_DOCUMENTS, (task, values) -> {
      LocalDate day = LocalDate.parse((String) values.get(field));
      return pastDay(field, day, pathwayStart(pathways, task, calendars), "the pathway started");
    });
  }

  /** Hours of orientation a person may get across its assessments (programme parameter). */
  static final String ORIENTATION_HOURS_BUDGET = "orientationHoursBudget";
  /** How far ahead the social services may set a re-assessment, in calendar days (programme parameter). */
  static final String REASSESSMENT_MAX_DAYS_AHEAD = "reassessmentMaxDaysAhead";

  @Bean
  TaskCompletionRule skillsAssessmentRule(AssessmentRecords assessments, ProgrammeParameters parameters) {
    String field = AssessmentProcess.Variables.ORIENTATION_HOURS.name();
    return rule(AssessmentProcess.Elements.TASK_SKILLS_ASSESSMENT, (task, values) -> {
      int budget = parameters.intValue(task.projectCode(), ORIENTATION_HOURS_BUDGET);
      int earlier = task.pathwayId() == null ? 0 : assessments.orientationHoursSoFar(task.pathwayId());
      int hours = ((Number) values.get(field)).intValue();
      return earlier + hours > budget
          ? List.of(new FieldError(field, "exceeds the orientation budget of " + budget + " hours ("
              + earlier + " already recorded)"))
          : List.of();
    });
  }

  @Bean
  TaskCompletionRule socialReferralRule(ProgrammeParameters parameters) {
    String field = SocialReferralProcess.Variables.REASSESSMENT_DATE.name();
    return rule(SocialReferralProcess.Elements.TASK_SOCIAL_REFERRAL, (task, values) -> {
      LocalDate day = LocalDate.parse((String) values.get(field));
      LocalDate today = EngineClock.today();
      LocalDate latest = today.plusDays(parameters.intValue(task.projectCode(), REASSESSMENT_MAX_DAYS_AHEAD));
      if (!day.isAfter(today)) {
        return List.of(new FieldError(field, "must be after today"));
      }
      if (day.isAfter(latest)) {
        return List.of(new FieldError(field, "cannot be later than " + latest));
      }
      return List.of();
    });
  }

  @Bean
  TaskCompletionRule draftPlanRule(PlanRecords plans) {
    String field = PlanProcess.Variables.PLAN_SUBMITTED.name();
    return rule(PlanProcess.Elements.TASK_DRAFT_PLAN, (task, values) ->
        task.pathwayId() != null && plans.hasDraft(task.pathwayId()) ? List.of()
            : List.of(new FieldError(field, "the pathway has no draft plan: write it first (PUT /api/pathways/"
                + task.pathwayId() + "/plan)")));
  }

  @Bean
  TaskCompletionRule approvePlanRule() {
    return reasonWhenNo(PlanProcess.Elements.TASK_APPROVE_PLAN, PlanProcess.Variables.PLAN_APPROVED.name(),
        PlanProcess.Variables.REJECTION_REASON.name(), "is required when the plan is rejected");
  }

  /** The text field {@code reasonField} is required when the yes/no {@code decisionField} is answered no. */
  static TaskCompletionRule reasonWhenNo(String taskKey, String decisionField, String reasonField, String message) {
    return rule(taskKey, (task, values) ->
        Boolean.FALSE.equals(values.get(decisionField))
            && (!(values.get(reasonField) instanceof String reason) || reason.isBlank())
            ? List.of(new FieldError(reasonField, message))
            : List.of());
  }

  @Bean
  TaskCompletionRule recordSignatureRule(PlanRecords plans) {
    String field = PlanProcess.Variables.SIGNED_ON.name();
    return rule(PlanProcess.Elements.TASK_RECORD_SIGNATURE, (task, values) -> {
      LocalDate day = LocalDate.parse((String) values.get(field));
      LocalDate approved = task.pathwayId() == null ? null : plans.approvedOn(task.pathwayId()).orElse(null);
      return pastDay(field, day, approved, "the plan was approved");
    });
  }

  /** The internship's rules read the stage's service lazily: it needs the engine, which needs these rules. */
  @Bean
  TaskCompletionRule internshipAgreementRule(@Lazy Internship internship) {
    return rule(InternshipProcess.Elements.TASK_INTERNSHIP_AGREEMENT, (task, values) ->
        task.pathwayId() == null ? List.of() : internship.agreementErrors(task.pathwayId()));
  }

  @Bean
  TaskCompletionRule approveExtensionRule(@Lazy Internship internship) {
    String field = PlanProcess.Variables.REJECTION_REASON.name();
    return rule(InternshipProcess.Elements.TASK_APPROVE_EXTENSION, (task, values) -> {
      Object approved = values.get(InternshipProcess.Variables.EXTENSION_APPROVED.name());
      if (Boolean.FALSE.equals(approved)) {
        return !(values.get(field) instanceof String reason) || reason.isBlank()
            ? List.of(new FieldError(field, "is required when the extension is rejected"))
            : List.of();
      }
      return Boolean.TRUE.equals(approved) && task.pathwayId() != null
          ? internship.approvalError(task.pathwayId()).stream().toList()
          : List.of();
    });
  }

  @Bean
  TaskCompletionRule registerArrearsReductionRule(PathwayRecords pathways, ProjectCalendars calendars) {
    String field = ArrearsReductionProcess.Variables.REGISTERED_ON.name();
    return rule(ArrearsReductionProcess.Elements.TASK_REGISTER_ARREARS_REDUCTION, (task, values) ->
        pastDay(field, LocalDate.parse((String) values.get(field)), pathwayStart(pathways, task, calendars),
            "the pathway started"));
  }

  /** A day that has come, not before {@code earliest} (when known): what {@code earliestWhat} says happened then. */
  private static List<FieldError> pastDay(String field, LocalDate day, LocalDate earliest, String earliestWhat) {
    if (earliest != null && day.isBefore(earliest)) {
      return List.of(new FieldError(field, "cannot be before " + earliestWhat + " (" + earliest + ")"));
    }
    if (day.isAfter(EngineClock.today())) {
      return List.of(new FieldError(field, "cannot be in the future"));
    }
    return List.of();
  }

  private static LocalDate pathwayStart(PathwayRecords pathways, CompletedTask task, ProjectCalendars calendars) {
    return task.pathwayId() == null ? null : pathways.find(task.pathwayId())
        .map(p -> p.createdAt().atZoneSameInstant(calendars.zone()).toLocalDate())
        .orElse(null);
  }

  static TaskCompletionRule rule(String taskKey,
      BiFunction<CompletedTask, Map<String, Object>, List<FieldError>> check) {
    return new TaskCompletionRule() {
      @Override
      public String taskKey() {
        return taskKey;
      }

      @Override
      public List<FieldError> check(CompletedTask task, Map<String, Object> values) {
        return check.apply(task, values);
      }
    };
  }
}
