package org.erplab.pathways.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.reporting.infrastructure.FunnelQueries;
import org.erplab.pathways.reporting.infrastructure.FunnelQueries.Cohort;
import org.springframework.stereotype.Service;

/**
 * The funnel of a project (ADR 0023): from registration to the stage after training, and how pathways closed, counted
 * from our own tables for the pathways registered in a period ({@link FunnelMeasure} defines each figure).
 */
@Service
public class Funnel {

  /** The stages after training: "servizi al lavoro" in the evaluation's words. */
  public static final List<String> JOB_SERVICE_STAGES = List.of("INTERNSHIP", "PLACEMENT");
  private static final String ANY_JOB_SERVICE = "ANY";
  private static final String ELIGIBILITY_STAGE = "ELIGIBILITY";

  /** The breakdowns whose codes part their figure (a pathway in one code); the others may count one in several. */
  static final java.util.Set<FunnelMeasure> ADDITIVE = java.util.EnumSet.of(FunnelMeasure.REGISTRATIONS,
      FunnelMeasure.CLOSED, FunnelMeasure.BY_GENDER, FunnelMeasure.BY_AGE_BAND, FunnelMeasure.BY_CITIZENSHIP_AREA);

  private final FunnelQueries queries;
  private final int threshold;

  public Funnel(FunnelQueries queries,
      @org.springframework.beans.factory.annotation.Value("${reports.suppression.threshold:5}") int threshold) {
    this.queries = queries;
    this.threshold = threshold;
  }

  /** The report of the project's pathways registered from {@code from} to {@code to} (both included; null: open). */
  public Report of(String projectCode, LocalDate from, LocalDate to) {
    Cohort c = new Cohort(projectCode, from == null ? null : startOfDay(from),
        to == null ? null : startOfDay(to.plusDays(1)));
    Map<FunnelMeasure, Long> values = new EnumMap<>(FunnelMeasure.class);
    Map<FunnelMeasure, Map<String, Long>> breakdowns = new EnumMap<>(FunnelMeasure.class);

    Map<String, Long> channels = queries.registrationsByChannel(c);
    values.put(FunnelMeasure.REGISTRATIONS, sum(channels));
    breakdowns.put(FunnelMeasure.REGISTRATIONS, channels);
    // the intake ends with the consent and the eligibility screening begins
    long intake = queries.entered(c, ELIGIBILITY_STAGE);
    values.put(FunnelMeasure.INTAKE_COMPLETED, intake);
    values.put(FunnelMeasure.INTAKE_NOT_COMPLETED, sum(channels) - intake);

    Map<String, Long> screening = queries.screeningStates(c);
    values.put(FunnelMeasure.ELIGIBLE, screening.getOrDefault("ELIGIBLE", 0L));
    values.put(FunnelMeasure.TO_VERIFY, screening.getOrDefault("TO_VERIFY", 0L));
    breakdowns.put(FunnelMeasure.TO_VERIFY, queries.itemsToVerify(c));
    values.put(FunnelMeasure.INELIGIBLE, screening.getOrDefault("INELIGIBLE", 0L));
    breakdowns.put(FunnelMeasure.INELIGIBLE, queries.ineligibleReasons(c));

    values.put(FunnelMeasure.ASSESSED, queries.assessed(c));
    breakdowns.put(FunnelMeasure.ASSESSED, queries.assessedByRoute(c));
    values.put(FunnelMeasure.PLAN_SIGNED, queries.planSigned(c));
    values.put(FunnelMeasure.TRAINING_STARTED, queries.trainingStarted(c));
    values.put(FunnelMeasure.TRAINING_COMPLETED, queries.trainingCompleted(c));

    Map<String, Long> reached = queries.reached(c, JOB_SERVICE_STAGES, ANY_JOB_SERVICE);
    values.put(FunnelMeasure.REACHED_INTERNSHIP, reached.getOrDefault("INTERNSHIP", 0L));
    values.put(FunnelMeasure.REACHED_PLACEMENT, reached.getOrDefault("PLACEMENT", 0L));
    values.put(FunnelMeasure.REACHED_JOB_SERVICES, reached.getOrDefault(ANY_JOB_SERVICE, 0L));

    Map<String, Long> closed = queries.closedByOutcome(c);
    values.put(FunnelMeasure.CLOSED, sum(closed));
    breakdowns.put(FunnelMeasure.CLOSED, closed);
    Map<String, Long> missed = queries.missedDeadlinesByKind(c);
    values.put(FunnelMeasure.MISSED_DEADLINES, sum(missed));
    breakdowns.put(FunnelMeasure.MISSED_DEADLINES, missed);
    // who registered, by the non-identifying facts kept with each pathway (they outlive an erasure: ADR 0036)
    for (var profile : Map.of(FunnelMeasure.BY_GENDER, "gender", FunnelMeasure.BY_AGE_BAND, "age_band",
        FunnelMeasure.BY_CITIZENSHIP_AREA, "citizenship_area").entrySet()) {
      Map<String, Long> counts = queries.byProfile(c, profile.getValue());
      values.put(profile.getKey(), sum(counts));
      breakdowns.put(profile.getKey(), counts);
    }

    return report(projectCode, from, to, values, breakdowns);
  }

  /**
   * The figures as published (ADR 0040): a count of 1 to threshold - 1 is hidden ("<5"), and so is what would give it
   * away, within each relation: registrations = intake completed + not completed, and each figure = the codes of its
   * breakdown where a pathway is in one code (channel, outcome, gender, age band, citizenship area); the other
   * breakdowns lose only their small cells. A share is hidden with its figure or its denominator.
   */
  private Report report(String projectCode, LocalDate from, LocalDate to, Map<FunnelMeasure, Long> values,
      Map<FunnelMeasure, Map<String, Long>> breakdowns) {
    FunnelMeasure[] measures = FunnelMeasure.values();
    List<Long> cells = new ArrayList<>();
    for (FunnelMeasure m : measures) {
      cells.add(values.get(m));
    }
    Map<FunnelMeasure, Map<String, Integer>> index = new EnumMap<>(FunnelMeasure.class);
    List<CellSuppression.Relation> relations = new ArrayList<>();
    relations.add(new CellSuppression.Relation(FunnelMeasure.REGISTRATIONS.ordinal(),
        new int[] {FunnelMeasure.INTAKE_COMPLETED.ordinal(), FunnelMeasure.INTAKE_NOT_COMPLETED.ordinal()}));
    for (FunnelMeasure m : measures) {
      if (!breakdowns.containsKey(m)) {
        continue;
      }
      Map<String, Integer> codes = new TreeMap<>();
      for (Map.Entry<String, Long> e : new TreeMap<>(breakdowns.get(m)).entrySet()) {
        codes.put(e.getKey(), cells.size());
        cells.add(e.getValue());
      }
      index.put(m, codes);
      if (ADDITIVE.contains(m) && !codes.isEmpty()) {
        relations.add(new CellSuppression.Relation(m.ordinal(),
            codes.values().stream().mapToInt(Integer::intValue).toArray()));
      }
    }
    long[] counts = cells.stream().mapToLong(Long::longValue).toArray();
    java.util.BitSet hidden = CellSuppression.hidden(counts, relations, threshold);
    List<Figure> figures = new ArrayList<>();
    for (FunnelMeasure measure : measures) {
      long value = values.get(measure);
      boolean valueHidden = hidden.get(measure.ordinal());
      FunnelMeasure denominator = measure.denominator();
      boolean rateHidden = valueHidden || denominator != null && hidden.get(denominator.ordinal());
      Map<String, Long> breakdown = null;
      Map<String, String> shownBreakdown = null;
      if (index.containsKey(measure)) {
        breakdown = new TreeMap<>();
        shownBreakdown = new TreeMap<>();
        for (Map.Entry<String, Integer> code : index.get(measure).entrySet()) {
          long count = counts[code.getValue()];
          boolean off = hidden.get(code.getValue()) || CellSuppression.small(count, threshold);
          breakdown.put(code.getKey(), off ? null : count);
          shownBreakdown.put(code.getKey(), shown(count, off));
        }
      }
      figures.add(new Figure(measure.key(), measure.label(), measure.definition(), valueHidden ? null : value,
          shown(value, valueHidden), valueHidden, denominator == null ? null : denominator.key(),
          denominator == null || rateHidden ? null : percent(value, values.get(denominator)), breakdown,
          shownBreakdown));
    }
    return new Report(projectCode, from, to, PERIOD_RULE, figures);
  }

  static final String PERIOD_RULE = "Percorsi registrati nel periodo (dal giorno 'from' al giorno 'to' compresi, ora di "
      + "Roma; senza date: tutti), contati come sono al momento della richiesta.";

  private static OffsetDateTime startOfDay(LocalDate day) {
    return day.atStartOfDay(EngineClock.ZONE).toOffsetDateTime();
  }

  private static long sum(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The share in percent, one decimal, half up; null when the denominator is 0. */
  static BigDecimal percent(long numerator, long denominator) {
    return denominator == 0 ? null
        : BigDecimal.valueOf(numerator * 100L).divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
  }

  /**
   * One figure: its key, label and definition, its value, the key of the figure it is a share of and the share in
   * percent, and its counts per code (channel, reason, route, outcome, deadline kind) when it has any.
   */
  public record Figure(String key, String label, String definition, Long value, String shown, boolean suppressed,
      String denominator, BigDecimal rate, Map<String, Long> breakdown, Map<String, String> breakdownShown) {}

  /** How a count is published: itself, "&lt;threshold" when small, "n.d." when hidden to protect a small one. */
  private String shown(long count, boolean hidden) {
    if (!hidden) {
      return String.valueOf(count);
    }
    return CellSuppression.small(count, threshold) ? "<" + threshold : Indicators.WITHHELD;
  }

  public record Report(String projectCode, LocalDate from, LocalDate to, String periodRule, List<Figure> figures) {

    public Figure figure(String key) {
      return figures.stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }
  }
}
