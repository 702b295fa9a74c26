package org.erplab.pathways.participant.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FiscalCodeTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
  private static final String ODD = "BAKPLCQDREVOSFTGUHMINJWZYX"; // index = value of the odd-position table

  /** Independent check-character computation (odd table written as a lookup string). */
  private static String withCheck(String first15) {
    int sum = 0;
    for (int i = 0; i < 15; i++) {
      char c = first15.charAt(i);
      int idx = Character.isDigit(c) ? c - '0' : c - 'A';
      sum += i % 2 == 0 ? ODD.indexOf((char) ('A' + idx)) : idx;
    }
    return first15 + (char) ('A' + sum % 26);
  }

  @Test
  void shouldAcceptWellKnownCodesVerifiedByHand() {
    // RSSMRA85T10A562S: odd positions R8 S12 R8 8→19 T14 0→1 5→13 2→5 = 80; even S18 M12 A0 5 1 A0 6 = 42; 122 % 26 = 18 → S
    FiscalCode rossi = FiscalCode.parse("RSSMRA85T10A562S");
    assertThat(rossi.birthDate(TODAY)).isEqualTo(LocalDate.of(1985, 12, 10));
    assertThat(rossi.gender()).isEqualTo("M");
    assertThat(rossi.birthPlaceCode()).isEqualTo("A562");
    // MRTMTT25D09F205Z: odd M18 T14 T14 2→5 D7 9→21 2→5 5→13 = 97; even R17 M12 T19 5 0 F5 0 = 58; 155 % 26 = 25 → Z
    FiscalCode moretti = FiscalCode.parse("MRTMTT25D09F205Z");
    assertThat(moretti.birthPlaceCode()).isEqualTo("F205");
    assertThat(moretti.birthDate(TODAY)).isEqualTo(LocalDate.of(2025, 4, 9));
  }

  @Test
  void shouldAgreeWithTestHelperOnCheckCharacter() {
    assertThat(withCheck("RSSMRA85T10A562")).isEqualTo("RSSMRA85T10A562S");
    assertThat(withCheck("MRTMTT25D09F205")).isEqualTo("MRTMTT25D09F205Z");
    String generated = withCheck("BNCGLI70M52F205");
    assertThat(FiscalCode.validationError(generated)).isEmpty();
  }

  @Test
  void shouldRejectWrongCheckCharacter() {
    assertThat(FiscalCode.validationError("RSSMRA85T10A562T")).hasValueSatisfying(m -> assertThat(m).contains("check character"));
    assertThatThrownBy(() -> FiscalCode.parse("RSSMRA85T10A562T"))
        .isInstanceOf(InvalidFiscalCodeException.class)
        .hasMessageContaining("check character");
  }

  @Test
  void shouldRejectWrongLengthAndFormat() {
    assertThat(FiscalCode.validationError("RSSMRA85T10A562")).hasValueSatisfying(m -> assertThat(m).contains("16 characters"));
    assertThat(FiscalCode.validationError("RSSMRA85T10A562SX")).hasValueSatisfying(m -> assertThat(m).contains("16 characters"));
    assertThat(FiscalCode.validationError("RSSMRA8AT10A562S")).hasValueSatisfying(m -> assertThat(m).contains("format"));
    assertThat(FiscalCode.validationError("1SSMRA85T10A562S")).hasValueSatisfying(m -> assertThat(m).contains("format"));
    assertThat(FiscalCode.validationError(null)).hasValueSatisfying(m -> assertThat(m).contains("missing"));
    assertThat(FiscalCode.validationError("   ")).hasValueSatisfying(m -> assertThat(m).contains("missing"));
  }

  @Test
  void shouldRejectBadMonthLetter() {
    assertThat(FiscalCode.validationError(withCheck("RSSMRA85F10A562"))).hasValueSatisfying(m -> assertThat(m).contains("month letter"));
  }

  @Test
  void shouldRejectInvalidDays() {
    for (String day : new String[] {"32", "72", "00", "40", "35"}) {
      assertThat(FiscalCode.validationError(withCheck("RSSMRA85T" + day + "A562")))
          .as(day).hasValueSatisfying(m -> assertThat(m).contains("day"));
    }
    assertThat(FiscalCode.validationError(withCheck("RSSMRA85B30A562"))).as("30 Feb").isPresent();
    assertThat(FiscalCode.validationError(withCheck("RSSMRA85B29A562"))).as("29 Feb 1985/2085").isPresent();
    assertThat(FiscalCode.validationError(withCheck("RSSMRA84B69A562"))).as("29 Feb 1984, female").isEmpty();
  }

  @Test
  void shouldAcceptLowerCaseAndSurroundingSpaces() {
    FiscalCode code = FiscalCode.parse("  rssmra85t10a562s ");
    assertThat(code.value()).isEqualTo("RSSMRA85T10A562S");
    assertThat(code).isEqualTo(FiscalCode.parse("RSSMRA85T10A562S")).hasSameHashCodeAs(FiscalCode.parse("RSSMRA85T10A562S"));
  }

  @Test
  void shouldDecodeFemaleDay() {
    FiscalCode code = FiscalCode.parse(withCheck("BNCGLI70M52F205"));
    assertThat(code.gender()).isEqualTo("F");
    assertThat(code.birthDate(TODAY)).isEqualTo(LocalDate.of(1970, 8, 12));
  }

  @Test
  void shouldAcceptOmocodicVariantWithSameBirthDateAndPlace() {
    String omocodic = withCheck("RSSMRA85T10A5SN"); // 6 -> S, 2 -> N
    FiscalCode code = FiscalCode.parse(omocodic);
    assertThat(code.birthDate(TODAY)).isEqualTo(LocalDate.of(1985, 12, 10));
    assertThat(code.birthPlaceCode()).isEqualTo("A562");
    assertThat(code).isNotEqualTo(FiscalCode.parse("RSSMRA85T10A562S"));

    FiscalCode fully = FiscalCode.parse(withCheck("RSSMRAURTMLARSN")); // every digit replaced
    assertThat(fully.birthDate(TODAY)).isEqualTo(LocalDate.of(1985, 12, 10));
    assertThat(fully.birthPlaceCode()).isEqualTo("A562");
    assertThat(fully.gender()).isEqualTo("M");
  }

  @Test
  void shouldPickCenturySoThatBirthDateIsNotInTheFuture() {
    FiscalCode code = FiscalCode.parse(withCheck("RSSMRA25D09F205"));
    assertThat(code.birthDate(LocalDate.of(2026, 6, 1))).isEqualTo(LocalDate.of(2025, 4, 9));
    assertThat(code.birthDate(LocalDate.of(2025, 4, 9))).isEqualTo(LocalDate.of(2025, 4, 9));
    assertThat(code.birthDate(LocalDate.of(2025, 4, 8))).isEqualTo(LocalDate.of(1925, 4, 9));
    assertThat(FiscalCode.parse(withCheck("RSSMRA00B29F205")).birthDate(TODAY)).isEqualTo(LocalDate.of(2000, 2, 29));
  }

  @Test
  void shouldMaskToString() {
    assertThat(FiscalCode.parse("RSSMRA85T10A562S")).hasToString("RSS************S");
  }
}
