package org.erplab.pathways.pathway.process;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.pathway.infrastructure.EligibilityRecords;
import org.springframework.stereotype.Component;

/**
 * Reads the eligibility decision (one row per reason that applies) and concludes the screening. The ranking is
 * fixed: any INELIGIBLE row makes the person ineligible with every such reason; otherwise any TO_VERIFY row asks the
 * CPI to verify those items; no row means eligible. The rules themselves are the DMN table's, edited by managers.
 * The screening and its conclusion are facts of ours too (table {@code eligibility_screening}, ADR 0023).
 */
@Component("eligibilityResult")
public class EligibilityResult {

  public static final String ELIGIBLE = "ELIGIBLE";
  public static final String INELIGIBLE = "INELIGIBLE";
  public static final String TO_VERIFY = "TO_VERIFY";
  public static final String DOCUMENTS_MISSING = "DOCUMENTS_MISSING";

  private final EligibilityRecords records;

  public EligibilityResult(EligibilityRecords records) {
    this.records = records;
  }

  /** End listener of the decision task: folds {@code eligibilityChecks} into outcome, reasons and items. */
  public void fold(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> checks = (List<Map<String, Object>>) EligibilityProcess.Variables.ELIGIBILITY_CHECKS.get(execution);
    Screening screening = screen(checks == null ? List.of() : checks);
    EligibilityProcess.Variables.ELIGIBILITY_CHECKS.remove(execution);
    EligibilityProcess.Variables.SCREENING_OUTCOME.set(execution, screening.outcome());
    PathwayProcess.Variables.ELIGIBILITY_REASONS.set(execution, String.join(",", screening.reasons()));
    EligibilityProcess.Variables.VERIFICATION_ITEMS.set(execution, String.join(",", screening.itemsToVerify()));
    records.screened(PathwayLifecycle.pathwayId(execution), screening.outcome(), screening.itemsToVerify(),
        EngineClock.now());
  }

  /** Start listener of the eligibility end events. */
  public void conclude(DelegateExecution execution, String outcome) {
    PathwayProcess.Variables.ELIGIBILITY_OUTCOME.set(execution, outcome);
    String reasons = PathwayProcess.Variables.ELIGIBILITY_REASONS.get(execution);
    if (INELIGIBLE.equals(outcome) && (reasons == null || reasons.isBlank())) {
      // the CPI found that the items it had to verify are not satisfied
      PathwayProcess.Variables.ELIGIBILITY_REASONS.set(execution,
          EligibilityProcess.Variables.VERIFICATION_ITEMS.get(execution));
    }
    if (ELIGIBLE.equals(outcome)) {
      PathwayProcess.Variables.ELIGIBILITY_REASONS.set(execution, "");
    }
    String concluded = PathwayProcess.Variables.ELIGIBILITY_REASONS.get(execution);
    records.conclude(PathwayLifecycle.pathwayId(execution), outcome,
        concluded == null || concluded.isBlank() ? List.of() : List.of(concluded.split(",")), EngineClock.now());
  }

  /** Take listener of the documents timeout: the missing documents never arrived. */
  public void documentsMissing(DelegateExecution execution) {
    PathwayProcess.Variables.ELIGIBILITY_REASONS.set(execution, DOCUMENTS_MISSING);
  }

  public static Screening screen(List<Map<String, Object>> checks) {
    Set<String> reasons = new LinkedHashSet<>();
    Set<String> toVerify = new LinkedHashSet<>();
    for (Map<String, Object> check : checks) {
      String outcome = String.valueOf(check.get("outcome"));
      String reason = String.valueOf(check.get("reason"));
      if (INELIGIBLE.equals(outcome)) {
        reasons.add(reason);
      } else if (TO_VERIFY.equals(outcome)) {
        toVerify.add(reason);
      }
    }
    String outcome = !reasons.isEmpty() ? INELIGIBLE : !toVerify.isEmpty() ? TO_VERIFY : ELIGIBLE;
    return new Screening(outcome, new ArrayList<>(reasons), new ArrayList<>(toVerify));
  }

  public record Screening(String outcome, List<String> reasons, List<String> itemsToVerify) {}
}
