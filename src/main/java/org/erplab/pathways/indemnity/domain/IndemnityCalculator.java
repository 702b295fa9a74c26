package org.erplab.pathways.indemnity.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The participation indemnity of a pathway, computed from its attendance register, never from process variables.
 *
 * <p>The rule, as stated to participants and auditors:
 * <ol>
 *   <li>Each line of the register counts with its latest correction (a correction replaces the hours of the line it
 *       names; a correction of a correction replaces those).
 *   <li>The indemnity accrues at the project's hourly rate for every attended hour, day by day in date order, until it
 *       reaches the cap of the person's plan; hours after that accrue nothing ({@code capReachedOn} is the day the cap
 *       was reached).
 *   <li>Amounts are computed exactly and rounded once, to the cent, half up.
 *   <li>The share for the household's rent arrears (a fraction, e.g. 1/3 in Giussano's pact, 0 elsewhere) is the
 *       indemnity times the fraction, rounded to the cent half up; the participant receives the rest, so the two
 *       always add up to the indemnity.
 * </ol>
 * Pure and thread-safe: no clock, no database.
 */
public final class IndemnityCalculator {

  private static final int CENTS = 2;

  private IndemnityCalculator() {}

  /**
   * @param register every line of the pathway's register, in the order they were recorded
   * @param hourlyRate euro per attended hour
   * @param cap the plan's indemnity cap, in euro
   * @param arrearsShare the fraction sent to the rent arrears, between 0 and 1
   */
  public static Indemnity compute(List<AttendanceEntry> register, BigDecimal hourlyRate, BigDecimal cap,
      Fraction arrearsShare) {
    Objects.requireNonNull(hourlyRate, "hourlyRate");
    Objects.requireNonNull(cap, "cap");
    Objects.requireNonNull(arrearsShare, "arrearsShare");
    List<AttendanceEntry> effective = effective(register);
    effective.sort(Comparator.comparing(AttendanceEntry::date));
    BigDecimal hours = BigDecimal.ZERO;
    BigDecimal accrued = BigDecimal.ZERO;
    LocalDate capReachedOn = null;
    for (AttendanceEntry entry : effective) {
      hours = hours.add(entry.hours());
      accrued = accrued.add(entry.hours().multiply(hourlyRate));
      if (capReachedOn == null && accrued.compareTo(cap) >= 0 && cap.signum() >= 0 && entry.hours().signum() > 0) {
        capReachedOn = entry.date();
      }
    }
    BigDecimal payable = accrued.min(cap).setScale(CENTS, RoundingMode.HALF_UP);
    BigDecimal arrears = arrearsShare(payable, arrearsShare);
    return new Indemnity(hours, accrued.setScale(CENTS, RoundingMode.HALF_UP), payable, capReachedOn, arrears,
        payable.subtract(arrears));
  }

  /**
   * The part of a payable indemnity sent to the rent arrears: {@code payable} times the fraction, rounded to the cent
   * half up (rule 4).
   */
  public static BigDecimal arrearsShare(BigDecimal payable, Fraction share) {
    return share.of(payable).setScale(CENTS, RoundingMode.HALF_UP);
  }

  /** Each original line with its latest correction's hours; corrections of unknown lines are refused. */
  public static List<AttendanceEntry> effective(List<AttendanceEntry> register) {
    Map<UUID, UUID> originalOf = new LinkedHashMap<>();
    Map<UUID, AttendanceEntry> latest = new LinkedHashMap<>();
    for (AttendanceEntry entry : register) {
      if (entry.corrects() == null) {
        originalOf.put(entry.id(), entry.id());
        latest.put(entry.id(), entry);
      } else {
        UUID original = originalOf.get(entry.corrects());
        if (original == null) {
          throw new IllegalArgumentException("correction " + entry.id() + " names no earlier line");
        }
        originalOf.put(entry.id(), original);
        AttendanceEntry first = latest.get(original);
        latest.put(original, new AttendanceEntry(original, first.courseCode(), first.date(), entry.hours(), null));
      }
    }
    return new ArrayList<>(latest.values());
  }

  /**
   * What the register gives.
   *
   * @param attendedHours the hours attended, corrections applied
   * @param accrued the rate times the hours, before the cap
   * @param payable the indemnity: {@code accrued}, at most the cap
   * @param capReachedOn the day the cap was reached, or null
   * @param arrearsShare the part sent to the household's rent arrears
   * @param toParticipant the part paid to the participant ({@code payable - arrearsShare})
   */
  public record Indemnity(BigDecimal attendedHours, BigDecimal accrued, BigDecimal payable, LocalDate capReachedOn,
      BigDecimal arrearsShare, BigDecimal toParticipant) {}

  /** A fraction between 0 and 1, e.g. 1/3: a programme parameter written {@code 1/3}, {@code 0.25} or {@code 0}. */
  public record Fraction(BigDecimal numerator, BigDecimal denominator) {

    public static final Fraction NONE = new Fraction(BigDecimal.ZERO, BigDecimal.ONE);

    public Fraction {
      if (denominator.signum() <= 0 || numerator.signum() < 0 || numerator.compareTo(denominator) > 0) {
        throw new IllegalArgumentException("a share must be between 0 and 1");
      }
    }

    public static Fraction parse(String text) {
      String t = text.trim();
      int slash = t.indexOf('/');
      return slash < 0 ? new Fraction(new BigDecimal(t), BigDecimal.ONE)
          : new Fraction(new BigDecimal(t.substring(0, slash).trim()), new BigDecimal(t.substring(slash + 1).trim()));
    }

    BigDecimal of(BigDecimal amount) {
      return amount.multiply(numerator).divide(denominator, CENTS + 6, RoundingMode.HALF_UP);
    }
  }
}
