package org.erplab.pathways.pathway.process;

import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.erplab.pathways.pathway.domain.ArrearsReductions;
import org.springframework.stereotype.Component;

/**
 * The arrears share's facts: {@code ${arrearsReductionFacts.registered(task)}} files ALER's registration (the reduction
 * is recorded and the instance started by {@link HousingNotification}).
 */
@Component("arrearsReductionFacts")
public class ArrearsReductionFacts {

  private final ArrearsReductions reductions;

  public ArrearsReductionFacts(ArrearsReductions reductions) {
    this.reductions = reductions;
  }

  /** Complete listener of Task_RegisterArrearsReduction. */
  public void registered(DelegateTask task) {
    UUID id = UUID.fromString(ArrearsReductionProcess.Variables.ARREARS_REDUCTION_ID.get(task));
    String user = PlanFacts.currentUser(task.getExecution());
    if (!reductions.register(id, LocalDate.parse(ArrearsReductionProcess.Variables.REGISTERED_ON.get(task)), user)) {
      throw new IllegalStateException("Arrears reduction " + id + " was registered or cancelled already");
    }
  }
}
