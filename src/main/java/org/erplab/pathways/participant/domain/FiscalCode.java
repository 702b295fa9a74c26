package org.erplab.pathways.participant.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Italian fiscal code (codice fiscale) of a natural person, e.g. {@code RSSMRA85T10A562S}.
 *
 * <p>Layout: surname (3 letters), name (3), year (2 digits), month letter, day (2; +40 for women),
 * birth place (letter + 3 digits), check character. Omocodia is supported: the digits at positions
 * 7, 8, 10, 11, 13, 14, 15 may be written as the letters {@code L M N P Q R S T U V} (= 0..9);
 * they are decoded for birth date and place, while the check character is computed over the code as written.
 *
 * <p>{@link #equals}/{@link #hashCode} use the normalised (trimmed, upper-case) value.
 * {@link #toString()} is MASKED (e.g. {@code RSS************S}) so the code does not leak into logs;
 * use {@link #value()} for the full value.
 */
public final class FiscalCode {

  private static final String OMOCODIA_LETTERS = "LMNPQRSTUV";
  private static final String MONTH_LETTERS = "ABCDEHLMPRST";
  private static final int[] ODD_VALUES = {
      1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};
  private static final String D = "[0-9LMNPQRSTUV]";
  private static final Pattern FORMAT =
      Pattern.compile("[A-Z]{6}" + D + "{2}[A-Z]" + D + "{2}[A-Z]" + D + "{3}[A-Z]");

  private final String value;

  private FiscalCode(String value) {
    this.value = value;
  }

  /** Trims, upper-cases and validates {@code raw}; throws {@link InvalidFiscalCodeException} saying what is wrong. */
  public static FiscalCode parse(String raw) {
    String error = check(raw);
    if (error != null) {
      throw new InvalidFiscalCodeException(error);
    }
    return new FiscalCode(normalise(raw));
  }

  /** The reason {@code raw} is not a valid fiscal code, or empty if it is valid. */
  public static Optional<String> validationError(String raw) {
    return Optional.ofNullable(check(raw));
  }

  /** Check character (A-Z) for the first 15 characters of an upper-case code. */
  public static char checkCharacter(String first15) {
    int sum = 0;
    for (int i = 0; i < 15; i++) {
      char c = first15.charAt(i);
      int index = Character.isDigit(c) ? c - '0' : c - 'A';
      sum += (i % 2 == 0) ? ODD_VALUES[index] : index; // i even = 1-based odd position
    }
    return (char) ('A' + sum % 26);
  }

  public String value() {
    return value;
  }

  /** Birth date; the century is chosen so that the date is the latest one not after {@code today}. */
  public LocalDate birthDate(LocalDate today) {
    int yy = number(6, 8);
    int month = MONTH_LETTERS.indexOf(value.charAt(8)) + 1;
    int day = number(9, 11) % 40;
    for (int year = today.getYear() / 100 * 100 + yy; year > today.getYear() - 300; year -= 100) {
      LocalDate candidate = dateOrNull(year, month, day);
      if (candidate != null && !candidate.isAfter(today)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no valid birth date for " + this);
  }

  /** "M" or "F" (women have 40 added to the day of birth). */
  public String gender() {
    return number(9, 11) > 40 ? "F" : "M";
  }

  /** Cadastral code of the birth place (comune, or Z... for a foreign country), omocodia decoded, e.g. {@code F205}. */
  public String birthPlaceCode() {
    return value.charAt(11) + String.format("%03d", number(12, 15));
  }

  private int number(int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n = n * 10 + decodeDigit(value.charAt(i));
    }
    return n;
  }

  private static int decodeDigit(char c) {
    return Character.isDigit(c) ? c - '0' : OMOCODIA_LETTERS.indexOf(c);
  }

  private static String normalise(String raw) {
    return raw.trim().toUpperCase(Locale.ROOT);
  }

  private static LocalDate dateOrNull(int year, int month, int day) {
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** @return the error message, or null if valid */
  private static String check(String raw) {
    if (raw == null || raw.isBlank()) {
      return "fiscal code is missing";
    }
    String code = normalise(raw);
    if (code.length() != 16) {
      return "fiscal code must be 16 characters long, was " + code.length();
    }
    if (!FORMAT.matcher(code).matches()) {
      return "fiscal code has an invalid format (expected 6 letters, 2 digits, letter, 2 digits, letter, 3 digits, letter)";
    }
    int month = MONTH_LETTERS.indexOf(code.charAt(8)) + 1;
    if (month == 0) {
      return "fiscal code has an invalid month letter '" + code.charAt(8) + "' (allowed: " + MONTH_LETTERS + ")";
    }
    int day = decodeDigit(code.charAt(9)) * 10 + decodeDigit(code.charAt(10));
    int dayOfMonth = day > 40 ? day - 40 : day;
    int yy = decodeDigit(code.charAt(6)) * 10 + decodeDigit(code.charAt(7));
    boolean validDay = (day >= 1 && day <= 31 || day >= 41 && day <= 71)
        && (dateOrNull(1900 + yy, month, dayOfMonth) != null || dateOrNull(2000 + yy, month, dayOfMonth) != null);
    if (!validDay) {
      return "fiscal code has an invalid day of birth " + String.format("%02d", day)
          + " (1-31 for men, 41-71 for women, within the month)";
    }
    char expected = checkCharacter(code);
    if (code.charAt(15) != expected) {
      return "fiscal code has a wrong check character '" + code.charAt(15) + "'";
    }
    return null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FiscalCode other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Masked form, e.g. {@code RSS************S}: keeps personal data out of logs. */
  @Override
  public String toString() {
    return value.substring(0, 3) + "*".repeat(12) + value.charAt(15);
  }
}
