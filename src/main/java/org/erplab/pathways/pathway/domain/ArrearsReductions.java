package org.erplab.pathways.pathway.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.indemnity.domain.IndemnityCalculator;
import org.erplab.pathways.indemnity.domain.IndemnityCalculator.Fraction;
import org.erplab.pathways.pathway.infrastructure.ArrearsReductionRecords;
import org.erplab.pathways.pathway.infrastructure.ArrearsReductionRecords.ArrearsReduction;
import org.erplab.pathways.pathway.infrastructure.IndemnityAccrualRecords.Accrual;
import org.erplab.pathways.project.domain.ProgrammeParameters;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The share of the participation indemnity a project sends to the household's rent arrears (Giussano's "do ut des":
 * programme parameter {@code indemnityArrearsShare}, "1/3" there, "0" elsewhere). After a course's indemnity is
 * recorded ({@link IndemnityAccruals}) and the share is more than 0, the indemnity accrued since the previous reduction
 * (the course's own, unless a line of an earlier course was corrected meanwhile) and its share are recorded for ALER to
 * register. Amounts are differences of the pathway's payable indemnity and of its share
 * ({@code IndemnityCalculator.arrearsShare}), so the reductions of a pathway always add up to the arrears share of its
 * indemnity, cap and rounding included.
 */
@Component
public class ArrearsReductions {

  private final ArrearsReductionRecords records;
  private final Training training;
  private final ProgrammeParameters parameters;

  public ArrearsReductions(ArrearsReductionRecords records, Training training, ProgrammeParameters parameters) {
    this.records = records;
    this.training = training;
    this.parameters = parameters;
  }

  /**
   * After a course's indemnity is recorded: records the reduction owed for it, if the project's share and the
   * indemnity accrued since the previous reduction are more than 0 (and the share comes to at least a cent). A second
   * call for the same accrual records nothing (nothing accrued since).
   *
   * @param housingOrganisation the project's ALER organisation, which registers the reduction
   * @return the reduction to register, or empty
   */
  @Transactional
  public Optional<ArrearsReduction> afterAccrual(Accrual accrual, Supplier<String> housingOrganisation) {
    String shareText = parameters.value(accrual.projectCode(), Training.ARREARS_SHARE).trim();
    Fraction share = Fraction.parse(shareText);
    if (share.numerator().signum() == 0) {
      return Optional.empty();
    }
    BigDecimal payable = accrual.cumulativePayable();
    List<ArrearsReduction> earlier = records.ofPathway(accrual.pathwayId());
    BigDecimal indemnity = payable.subtract(earlier.stream().map(ArrearsReduction::indemnity)
        .reduce(BigDecimal.ZERO, BigDecimal::add));
    BigDecimal amount = IndemnityCalculator.arrearsShare(payable, share).subtract(earlier.stream()
        .map(ArrearsReduction::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    if (indemnity.signum() <= 0 || amount.signum() <= 0) {
      return Optional.empty();
    }
    Training.Course course = training.course(accrual.pathwayId(), accrual.courseCode()).orElseThrow();
    ArrearsReduction reduction = new ArrearsReduction(UUID.randomUUID(), accrual.pathwayId(), accrual.projectCode(),
        accrual.courseCode(), accrual.attempt(), course.startDate(), course.lastDay(), indemnity, shareText, amount,
        housingOrganisation.get(), EngineClock.now(), null, null, null);
    records.insert(reduction);
    return Optional.of(reduction);
  }

  /** ALER registered the reduction; false when it was registered or cancelled already. */
  @Transactional
  public boolean register(UUID reductionId, LocalDate registeredOn, String user) {
    return records.register(reductionId, registeredOn, user);
  }

  public Optional<ArrearsReduction> find(UUID reductionId) {
    return records.find(reductionId);
  }

  public List<ArrearsReduction> ofPathway(UUID pathwayId) {
    return records.ofPathway(pathwayId);
  }
}
