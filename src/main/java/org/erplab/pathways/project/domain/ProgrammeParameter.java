package org.erplab.pathways.project.domain;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every programme parameter by name: the one list the code, the models and the manager's page use (ADR 0030). Each
 * says what its value is ({@link Type}), its range, and its Italian label; its programme default is in configuration
 * ({@code programme.defaults}, a test checks the two lists agree) and a project's own values are versions with a day
 * they count from ({@link ProgrammeParameters}). A model naming a parameter not listed here fails the build
 * ({@code ProgrammeParameterNamesTest}).
 */
public enum ProgrammeParameter {
  CALL_BACK_WORKING_DAYS("callBackWorkingDays", Type.WORKING_DAYS, 1, 60, "Richiamata della persona"),
  MAX_CONTACT_ATTEMPTS("maxContactAttempts", Type.COUNT, 1, 20, "Tentativi di contatto al massimo"),
  INTAKE_INTERVIEW_WORKING_DAYS("intakeInterviewWorkingDays", Type.WORKING_DAYS, 1, 60, "Colloquio di accoglienza"),
  VERIFICATION_WORKING_DAYS("verificationWorkingDays", Type.WORKING_DAYS, 1, 60, "Verifica dei requisiti (CPI)"),
  DOCUMENTS_WAIT_DAYS("documentsWaitDays", Type.CALENDAR_DAYS, 1, 365, "Attesa dei documenti"),
  ASSIGN_OPERATOR_WORKING_DAYS("assignOperatorWorkingDays", Type.WORKING_DAYS, 1, 60,
      "Assegnazione dell'operatore accreditato"),
  FIRST_APPOINTMENT_WORKING_DAYS("firstAppointmentWorkingDays", Type.WORKING_DAYS, 1, 60, "Primo appuntamento"),
  APPOINTMENT_MAX_DAYS_AHEAD("appointmentMaxDaysAhead", Type.CALENDAR_DAYS, 1, 730,
      "Appuntamento fissato al più tardi entro"),
  SKILLS_ASSESSMENT_WORKING_DAYS("skillsAssessmentWorkingDays", Type.WORKING_DAYS, 1, 120,
      "Bilancio delle competenze"),
  ORIENTATION_HOURS_BUDGET("orientationHoursBudget", Type.HOURS, 0, 200, "Ore di orientamento per persona"),
  SOCIAL_REFERRAL_WORKING_DAYS("socialReferralWorkingDays", Type.WORKING_DAYS, 1, 60,
      "Presa in carico dei servizi sociali"),
  REASSESSMENT_MAX_DAYS_AHEAD("reassessmentMaxDaysAhead", Type.CALENDAR_DAYS, 1, 730,
      "Nuova valutazione al più tardi entro"),
  PLAN_DRAFT_WORKING_DAYS("planDraftWorkingDays", Type.WORKING_DAYS, 1, 120, "Stesura del piano personalizzato"),
  PLAN_SERVICES_CAP("planServicesCap", Type.EURO, 0, 100_000, "Tetto dei servizi del piano"),
  PLAN_INDEMNITY_CAP("planIndemnityCap", Type.EURO, 0, 100_000, "Tetto dell'indennità del piano"),
  PLAN_SIGNATURE_DAYS("planSignatureDays", Type.CALENDAR_DAYS, 1, 365, "Firma del piano dopo l'approvazione"),
  PLAN_SIGNATURE_REMINDER_DAYS("planSignatureReminderDays", Type.CALENDAR_DAYS, 1, 365,
      "Sollecito della firma del piano dopo"),
  ATTENDANCE_MAX_HOURS_PER_DAY("attendanceMaxHoursPerDay", Type.DECIMAL_HOURS, 1, 24,
      "Ore di un corso in un giorno al massimo"),
  COURSE_COMPLETION_THRESHOLD("courseCompletionThreshold", Type.PERCENT, 0, 100,
      "Frequenza minima per completare un corso"),
  INDEMNITY_HOURLY_RATE("indemnityHourlyRate", Type.EURO, 0, 100, "Indennità per ora di frequenza"),
  INDEMNITY_ARREARS_SHARE("indemnityArrearsShare", Type.FRACTION, 0, 1,
      "Quota dell'indennità destinata alla morosità"),
  INTERNSHIP_MAX_WEEKLY_HOURS("internshipMaxWeeklyHours", Type.DECIMAL_HOURS, 1, 48,
      "Ore settimanali di tirocinio al massimo"),
  INTERNSHIP_MONTHLY_INDEMNITY("internshipMonthlyIndemnity", Type.EURO, 0, 5_000, "Indennità mensile di tirocinio"),
  INTERNSHIP_ATTENDANCE_THRESHOLD("internshipAttendanceThreshold", Type.PERCENT, 0, 100,
      "Frequenza minima del mese di tirocinio"),
  INTERNSHIP_ILLNESS_MIN_DAYS("internshipIllnessMinDays", Type.CALENDAR_DAYS, 1, 365,
      "Malattia che sospende il tirocinio, almeno"),
  INTERNSHIP_HOST_CLOSURE_MIN_DAYS("internshipHostClosureMinDays", Type.CALENDAR_DAYS, 1, 365,
      "Chiusura dell'ospitante che sospende il tirocinio, almeno"),
  INTERNSHIP_DISADVANTAGED_VULNERABILITIES("internshipDisadvantagedVulnerabilities", Type.VULNERABILITIES, 1, 6,
      "Fragilità che rendono svantaggiato il tirocinante"),
  ARREARS_REDUCTION_WORKING_DAYS("arrearsReductionWorkingDays", Type.WORKING_DAYS, 1, 60,
      "Riduzione della morosità (ALER)"),
  PLACEMENT_SEARCH_DAYS("placementSearchDays", Type.CALENDAR_DAYS, 1, 730, "Ricerca del lavoro"),
  PLACEMENT_START_MAX_DAYS_AHEAD("placementStartMaxDaysAhead", Type.CALENDAR_DAYS, 0, 365,
      "Inizio dell'assunzione al più tardi entro"),
  FOLLOW_UP_MONTHS("followUpMonths", Type.MONTH_LIST, 1, 36, "Mesi dei follow-up dopo l'assunzione"),
  FOLLOW_UP_WORKING_DAYS("followUpWorkingDays", Type.WORKING_DAYS, 1, 60, "Risposta a un follow-up"),
  SELF_EMPLOYMENT_MONTHS("selfEmploymentMonths", Type.MONTHS, 1, 60, "Accompagnamento all'autoimpiego"),
  SELF_EMPLOYMENT_CHECK_IN_WORKING_DAYS("selfEmploymentCheckInWorkingDays", Type.WORKING_DAYS, 1, 60,
      "Verifica mensile dell'autoimpiego"),
  SELF_EMPLOYMENT_OUTCOME_WORKING_DAYS("selfEmploymentOutcomeWorkingDays", Type.WORKING_DAYS, 1, 60,
      "Esito finale dell'autoimpiego"),
  PROGRAMME_END_WARNING_DAYS("programmeEndWarningDays", Type.CALENDAR_DAYS, 1, 365,
      "Avviso prima della fine del programma"),
  DOUBLE_ENROLMENT_LOOKBACK_MONTHS("doubleEnrolmentLookbackMonths", Type.MONTHS, 0, 120,
      "Percorsi chiusi considerati per la doppia iscrizione"),
  PROJECT_BUDGET("projectBudget", Type.EURO, 0, 100_000_000,
      "Budget del progetto per servizi e indennità (0: non indicato)");

  /** The vulnerabilities of the intake interview (form {@code intake-interview}) a list may name. */
  public static final Set<String> VULNERABILITY_CODES =
      Set.of("MIGRANT", "DISABILITY", "FORMER_DETAINEE", "ADDICTION", "GENDER_VIOLENCE", "OTHER");

  private final String key;
  private final Type type;
  private final int min;
  private final int max;
  private final String label;

  ProgrammeParameter(String key, Type type, int min, int max, String label) {
    this.key = key;
    this.type = type;
    this.min = min;
    this.max = max;
    this.label = label;
  }

  /** The name the code, the models, the configuration and the API use. */
  public String key() {
    return key;
  }

  public Type type() {
    return type;
  }

  /** The least value (for lists: of each element, or for the list of vulnerabilities its least length). */
  public int min() {
    return min;
  }

  /** The greatest value (for lists: of each element, or for the list of vulnerabilities its greatest length). */
  public int max() {
    return max;
  }

  /** What a manager reads (Italian). */
  public String label() {
    return label;
  }

  public static Optional<ProgrammeParameter> byKey(String key) {
    return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
  }

  /** Why {@code value} cannot be this parameter's value (a message that does not repeat it), or empty when it can. */
  public Optional<String> problemWith(String value) {
    if (value == null || value.isBlank()) {
      return Optional.of("must not be blank");
    }
    String v = value.strip();
    return switch (type) {
      case WORKING_DAYS, CALENDAR_DAYS, MONTHS, COUNT, HOURS -> integerProblem(v);
      case DECIMAL_HOURS, EURO, PERCENT -> decimalProblem(v);
      case FRACTION -> fractionProblem(v);
      case MONTH_LIST -> monthListProblem(v);
      case VULNERABILITIES -> vulnerabilitiesProblem(v);
    };
  }

  private Optional<String> integerProblem(String v) {
    if (!v.matches("\\d{1,9}")) {
      return Optional.of("must be a whole number between " + min + " and " + max);
    }
    int n = Integer.parseInt(v);
    return n < min || n > max ? Optional.of("must be between " + min + " and " + max) : Optional.empty();
  }

  private Optional<String> decimalProblem(String v) {
    if (!v.matches("\\d{1,9}(\\.\\d{1,2})?")) {
      return Optional.of("must be a number with at most two decimals (a point, not a comma), between " + min
          + " and " + max);
    }
    BigDecimal n = new BigDecimal(v);
    return n.compareTo(BigDecimal.valueOf(min)) < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0
        ? Optional.of("must be between " + min + " and " + max) : Optional.empty();
  }

  private static Optional<String> fractionProblem(String v) {
    String message = "must be a share between 0 and 1: a fraction such as 1/3 or a decimal such as 0.25";
    if (!v.matches("\\d{1,6}(\\.\\d{1,6})?|\\d{1,6}\\s*/\\s*\\d{1,6}")) {
      return Optional.of(message);
    }
    String[] parts = v.split("/");
    BigDecimal numerator = new BigDecimal(parts[0].strip());
    BigDecimal denominator = parts.length > 1 ? new BigDecimal(parts[1].strip()) : BigDecimal.ONE;
    return denominator.signum() == 0 || numerator.compareTo(denominator) > 0 ? Optional.of(message) : Optional.empty();
  }

  private Optional<String> monthListProblem(String v) {
    String message = "must be months after the start, increasing and separated by commas (e.g. 3,6,12), each between "
        + min + " and " + max;
    if (!v.matches("\\d{1,3}(\\s*,\\s*\\d{1,3}){0,11}")) {
      return Optional.of(message);
    }
    int previous = 0;
    for (String part : v.split(",")) {
      int month = Integer.parseInt(part.strip());
      if (month < min || month > max || month <= previous) {
        return Optional.of(message);
      }
      previous = month;
    }
    return Optional.empty();
  }

  private Optional<String> vulnerabilitiesProblem(String v) {
    List<String> codes = Arrays.stream(v.split(",")).map(String::strip).toList();
    boolean known = codes.stream().allMatch(VULNERABILITY_CODES::contains);
    boolean distinct = Set.copyOf(codes).size() == codes.size();
    return known && distinct && codes.size() >= min && codes.size() <= max ? Optional.empty()
        : Optional.of("must be vulnerabilities of the intake interview separated by commas, each once: "
            + String.join(", ", VULNERABILITY_CODES.stream().sorted().toList()));
  }

  /** What a parameter's value is; the unit a manager reads (Italian). */
  public enum Type {
    WORKING_DAYS("giorni lavorativi"), CALENDAR_DAYS("giorni"), MONTHS("mesi"), COUNT(""), HOURS("ore"),
    DECIMAL_HOURS("ore"), EURO("euro"), PERCENT("%"), FRACTION("quota"), MONTH_LIST("mesi"),
    VULNERABILITIES("codici");

    private final String unit;

    Type(String unit) {
      this.unit = unit;
    }

    public String unit() {
      return unit;
    }
  }
}
