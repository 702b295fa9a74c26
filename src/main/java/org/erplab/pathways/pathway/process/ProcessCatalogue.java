package org.erplab.pathways.pathway.process;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.erplab.pathways.common.process.DeclaredProcess;
import org.erplab.pathways.common.process.ProcessVariable;

/**
 * Every process the system runs, with what each instance may hold. The engine refuses to start, or to store a
 * variable in, a process that is not listed here; the model check fails the build when a model or a form uses a
 * variable its process does not declare.
 */
public final class ProcessCatalogue {

  public static final List<DeclaredProcess> PROCESSES = List.of(
      PathwayProcess.DECLARED, IntakeProcess.DECLARED, EligibilityProcess.DECLARED, HandoverProcess.DECLARED,
      AssessmentProcess.DECLARED, SocialReferralProcess.DECLARED, PlanProcess.DECLARED, TrainingProcess.DECLARED,
      InternshipProcess.DECLARED, PlacementProcess.DECLARED, ProgrammeProcess.DECLARED,
      ArrearsReductionProcess.DECLARED, PlanAmendmentProcess.DECLARED);

  private static final Map<String, DeclaredProcess> BY_KEY =
      PROCESSES.stream().collect(Collectors.toUnmodifiableMap(DeclaredProcess::key, Function.identity()));

  private ProcessCatalogue() {}

  public static Optional<DeclaredProcess> find(String processKey) {
    return Optional.ofNullable(processKey == null ? null : BY_KEY.get(processKey));
  }

  /** The variables of a process whose values are filed in the registry and never stored by the engine. */
  public static List<ProcessVariable<?>> sensitiveVariables(String processKey) {
    return find(processKey).map(p -> p.variables().stream().filter(ProcessVariable::isSensitive).toList())
        .orElse(List.of());
  }

  /** Names declared sensitive by any process: no history event about them is ever stored. */
  public static Set<String> sensitiveNames() {
    return PROCESSES.stream().flatMap(p -> p.variables().stream()).filter(ProcessVariable::isSensitive)
        .map(ProcessVariable::name).collect(Collectors.toUnmodifiableSet());
  }
}
