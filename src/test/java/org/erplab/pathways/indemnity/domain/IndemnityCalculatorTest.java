package org.erplab.pathways.indemnity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.erplab.pathways.indemnity.domain.IndemnityCalculator.Fraction;
import org.erplab.pathways.indemnity.domain.IndemnityCalculator.Indemnity;
import org.junit.jupiter.api.Test;

/** The indemnity against cases computed by hand (rate, cap, corrections, the arrears share, rounding). */
class IndemnityCalculatorTest {

  private static final BigDecimal RATE = new BigDecimal("6.50");
  private static final BigDecimal CAP = new BigDecimal("2000.00");
  private static final LocalDate MONDAY = LocalDate.of(2027, 3, 1);

  @Test
  void shouldPayTheRateForEveryAttendedHour() {
    // 4 + 3.5 + 4 = 11.5 h x 6.50 = 74.75
    Indemnity indemnity = IndemnityCalculator.compute(List.of(
        line(MONDAY, "4"), line(MONDAY.plusDays(1), "3.5"), line(MONDAY.plusDays(2), "4")), RATE, CAP, Fraction.NONE);

    assertThat(indemnity.attendedHours()).isEqualByComparingTo("11.5");
    assertThat(indemnity.payable()).isEqualTo(new BigDecimal("74.75"));
    assertThat(indemnity.capReachedOn()).isNull();
    assertThat(indemnity.toParticipant()).isEqualTo(new BigDecimal("74.75"));
    assertThat(indemnity.arrearsShare()).isEqualTo(new BigDecimal("0.00"));
  }

  @Test
  void shouldStopAtThePlansCapOnTheDayItIsReachedMidCourse() {
    // 150-hour course at 6.50: 975.00 uncapped; with a cap of 500.00, reached on day 16 (16 x 5 h x 6.50 = 520.00)
    List<AttendanceEntry> register = new ArrayList<>();
    for (int day = 0; day < 30; day++) {
      register.add(line(MONDAY.plusDays(day), "5"));
    }

    Indemnity indemnity = IndemnityCalculator.compute(register, RATE, new BigDecimal("500.00"), Fraction.NONE);

    assertThat(indemnity.attendedHours()).isEqualByComparingTo("150");
    assertThat(indemnity.accrued()).isEqualTo(new BigDecimal("975.00"));
    assertThat(indemnity.payable()).isEqualTo(new BigDecimal("500.00"));
    assertThat(indemnity.capReachedOn()).isEqualTo(MONDAY.plusDays(15));
  }

  @Test
  void shouldCountEachLineWithItsLatestCorrection() {
    // 4 h corrected to 3, then to 2.5; 4 h corrected to 0 (absent): 2.5 + 0 + 4 = 6.5 h x 6.50 = 42.25
    AttendanceEntry first = line(MONDAY, "4");
    AttendanceEntry correction = first.correctedTo("3");
    AttendanceEntry again = new AttendanceEntry(java.util.UUID.randomUUID(), "C1", MONDAY, new BigDecimal("2.5"),
        correction.id());
    AttendanceEntry second = line(MONDAY.plusDays(1), "4");
    List<AttendanceEntry> register = List.of(first, second, correction, second.correctedTo("0"), again,
        line(MONDAY.plusDays(2), "4"));

    Indemnity indemnity = IndemnityCalculator.compute(register, RATE, CAP, Fraction.NONE);

    assertThat(indemnity.attendedHours()).isEqualByComparingTo("6.5");
    assertThat(indemnity.payable()).isEqualTo(new BigDecimal("42.25"));
  }

  @Test
  void shouldSendAThirdToTheArrearsAndTheRestToTheParticipantWithoutLosingACent() {
    // 100.00 / 3 = 33.333... -> 33.33 to the arrears, 66.67 to the participant
    Indemnity indemnity = IndemnityCalculator.compute(List.of(line(MONDAY, "10")), new BigDecimal("10.00"), CAP,
        Fraction.parse("1/3"));

    assertThat(indemnity.payable()).isEqualTo(new BigDecimal("100.00"));
    assertThat(indemnity.arrearsShare()).isEqualTo(new BigDecimal("33.33"));
    assertThat(indemnity.toParticipant()).isEqualTo(new BigDecimal("66.67"));
  }

  @Test
  void shouldRoundOnceToTheCentHalfUp() {
    // 0.5 h x 6.25 = 3.125 -> 3.13 (once, not per line: 3 lines of 0.5 h = 9.375 -> 9.38, not 3 x 3.13 = 9.39)
    Indemnity one = IndemnityCalculator.compute(List.of(line(MONDAY, "0.5")), new BigDecimal("6.25"), CAP,
        Fraction.NONE);
    Indemnity three = IndemnityCalculator.compute(List.of(line(MONDAY, "0.5"), line(MONDAY.plusDays(1), "0.5"),
        line(MONDAY.plusDays(2), "0.5")), new BigDecimal("6.25"), CAP, Fraction.parse("0.25"));

    assertThat(one.payable()).isEqualTo(new BigDecimal("3.13"));
    assertThat(three.payable()).isEqualTo(new BigDecimal("9.38"));
    // a quarter of 9.38 = 2.345 -> 2.35; the participant 7.03
    assertThat(three.arrearsShare()).isEqualTo(new BigDecimal("2.35"));
    assertThat(three.toParticipant()).isEqualTo(new BigDecimal("7.03"));
  }

  @Test
  void shouldRefuseACorrectionOfNoLineAndAShareOutsideZeroToOne() {
    AttendanceEntry orphan = new AttendanceEntry(java.util.UUID.randomUUID(), "C1", MONDAY, BigDecimal.ONE,
        java.util.UUID.randomUUID());
    assertThatThrownBy(() -> IndemnityCalculator.compute(List.of(orphan), RATE, CAP, Fraction.NONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fraction.parse("4/3")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fraction.parse("-0.1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AttendanceEntry.of("C1", MONDAY, "-1")).isInstanceOf(IllegalArgumentException.class);
  }

  private static AttendanceEntry line(LocalDate day, String hours) {
    return AttendanceEntry.of("C1", day, hours);
  }
}
