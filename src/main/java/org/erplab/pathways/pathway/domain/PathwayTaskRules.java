package org.erplab.pathways.pathway.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.pathway.process.IntakeProcess;
import org.erplab.pathways.pathway.process.OperatorAssignment;
import org.erplab.pathways.pathway.process.PathwayProcess;
import org.erplab.pathways.worklist.domain.TaskCompletionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Completion rules of the pathway's tasks that a form cannot express. */
@Configuration
class PathwayTaskRules {

  static final String VULNERABILITIES = "vulnerabilities";

  @Bean
  TaskCompletionRule assignOperatorRule(OperatorAssignment assignment) {
    return rule(PathwayProcess.Elements.TASK_ASSIGN_OPERATOR, (project, vars) -> {
      Object organisation = vars.get(PathwayProcess.Variables.OPERATOR_ORGANISATION);
      return assignment.isAccreditedOperator(project, organisation) ? List.of()
          : List.of(new ApiException.FieldError(PathwayProcess.Variables.OPERATOR_ORGANISATION,
              "is not an accredited operator of project " + project));
    });
  }

  @Bean
  TaskCompletionRule intakeInterviewRule() {
    return rule(IntakeProcess.Elements.TASK_INTAKE_INTERVIEW, (project, vars) -> {
      if (vars.get(VULNERABILITIES) instanceof Collection<?> list && list.contains("NONE") && list.size() > 1) {
        return List.of(new ApiException.FieldError(VULNERABILITIES, "NONE cannot be combined with other values"));
      }
      return List.of();
    });
  }

  private static TaskCompletionRule rule(String taskKey,
      java.util.function.BiFunction<String, Map<String, Object>, List<ApiException.FieldError>> check) {
    return new TaskCompletionRule() {
      @Override
      public String taskKey() {
        return taskKey;
      }

      @Override
      public List<ApiException.FieldError> check(String projectCode, Map<String, Object> variables) {
        return check.apply(projectCode, variables);
      }
    };
  }
}
