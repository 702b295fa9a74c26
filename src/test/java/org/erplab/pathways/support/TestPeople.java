package org.erplab.pathways.support;

import org.erplab.pathways.common.domain.EngineClock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.erplab.pathways.participant.domain.FiscalCode;

/** Made-up people with valid, unique fiscal codes (so tests never collide on the one-open-pathway rule). */
public final class TestPeople {

  private static final String LETTERS = "BCDFGHLMNPRSTVZ";
  private static final String MONTHS = "ABCDEHLMPRST";
  /** What a name made by {@link #aged} looks like ("Nome" or "Cognome" and three consonants), to look for in logs. */
  public static final Pattern NAME = Pattern.compile("\\b(?:Nome|Cognome)[" + LETTERS + "]{3}\\b");

  private TestPeople() {}

  /** A person; {@code citizenship} an ISO 3166-1 alpha-2 code, Italian unless {@link #withCitizenship}. */
  public record Person(String fiscalCode, String firstName, String lastName, LocalDate birthDate, String gender,
      String citizenship) {

    public Person(String fiscalCode, String firstName, String lastName, LocalDate birthDate, String gender) {
      this(fiscalCode, firstName, lastName, birthDate, gender, "IT");
    }

    /** The same person with another citizenship. */
    public Person withCitizenship(String country) {
      return new Person(fiscalCode, firstName, lastName, birthDate, gender, country);
    }

    /** The {@code person} object of {@code POST /api/pathways}. */
    public Map<String, Object> asRequest() {
      Map<String, Object> person = new LinkedHashMap<>();
      person.put("fiscalCode", fiscalCode);
      person.put("firstName", firstName);
      person.put("lastName", lastName);
      person.put("birthDate", birthDate.toString());
      person.put("gender", gender);
      person.put("citizenship", citizenship);
      person.put("phone", "+39 333 1234567");
      person.put("email", "persona@example.org");
      return person;
    }
  }

  /** A person of the given age today. */
  public static Person aged(int years) {
    return aged(years, ThreadLocalRandom.current().nextBoolean() ? "M" : "F");
  }

  /** A person of the given age today and gender (F or M). */
  public static Person aged(int years, String gender) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    LocalDate birth = LocalDate.now(EngineClock.ZONE).minusYears(years).minusDays(random.nextInt(1, 300));
    StringBuilder surname = new StringBuilder();
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      surname.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
      name.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
    }
    String first15 = surname + name.toString() + String.format("%02d", birth.getYear() % 100)
        + MONTHS.charAt(birth.getMonthValue() - 1)
        + String.format("%02d", "F".equals(gender) ? birth.getDayOfMonth() + 40 : birth.getDayOfMonth())
        + "F205";
    String code = first15 + FiscalCode.checkCharacter(first15);
    return new Person(code, "Nome" + name, "Cognome" + surname, birth, gender);
  }

  public static Person adult() {
    return aged(35);
  }
}
