package org.erplab.pathways.pathway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The internship's month against hand-computed cases: the rate is attended / planned hours in percent, to the cent
 * half up; the whole monthly indemnity is due from the threshold on, nothing below it (no share), nothing when the
 * project pays none; an internship's last day is the day before the same day, months later.
 */
class InternshipIndemnityTest {

  private static final BigDecimal THRESHOLD = new BigDecimal("80");
  private static final BigDecimal MONTHLY = new BigDecimal("500.00");

  @Test
  void shouldComputeTheRateToTheCentHalfUp() {
    assertThat(Internship.rate(new BigDecimal("80"), new BigDecimal("100"))).isEqualByComparingTo("80.00");
    assertThat(Internship.rate(new BigDecimal("2"), new BigDecimal("3"))).isEqualByComparingTo("66.67");
    assertThat(Internship.rate(new BigDecimal("95.9"), new BigDecimal("120"))).isEqualByComparingTo("79.92");
    // 127.9 / 160 = 79.9375 %: 79.94, below the threshold
    assertThat(Internship.rate(new BigDecimal("127.9"), new BigDecimal("160"))).isEqualByComparingTo("79.94");
    assertThat(Internship.rate(BigDecimal.ZERO, new BigDecimal("100"))).isEqualByComparingTo("0.00");
  }

  @Test
  void shouldOweTheWholeMonthFromTheThresholdAndNothingBelow() {
    assertThat(Internship.indemnityDue(new BigDecimal("80.00"), THRESHOLD, MONTHLY)).isEqualByComparingTo("500.00");
    assertThat(Internship.indemnityDue(new BigDecimal("100.00"), THRESHOLD, MONTHLY)).isEqualByComparingTo("500.00");
    assertThat(Internship.indemnityDue(new BigDecimal("79.99"), THRESHOLD, MONTHLY)).isEqualByComparingTo("0.00");
    assertThat(Internship.indemnityDue(new BigDecimal("85.00"), THRESHOLD, new BigDecimal("350.5")))
        .isEqualByComparingTo("350.50").hasScaleOf(2);
    assertThat(Internship.indemnityDue(new BigDecimal("100.00"), THRESHOLD, BigDecimal.ZERO))
        .isEqualByComparingTo("0.00");
  }

  @Test
  void shouldEndTheDayBeforeTheSameDayMonthsLater() {
    assertThat(Internship.lastDay(LocalDate.of(2026, 12, 1), 3)).isEqualTo(LocalDate.of(2027, 2, 28));
    assertThat(Internship.lastDay(LocalDate.of(2027, 1, 31), 1)).isEqualTo(LocalDate.of(2027, 2, 27));
    assertThat(Internship.lastDay(LocalDate.of(2027, 3, 15), 6)).isEqualTo(LocalDate.of(2027, 9, 14));
  }
}
