package org.erplab.pathways.pathway.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.erplab.pathways.calendar.domain.ProjectCalendars;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.common.domain.FieldError;
import org.erplab.pathways.common.infrastructure.PathwayEvents;
import org.erplab.pathways.deadline.domain.Deadline;
import org.erplab.pathways.deadline.domain.DeadlineKind;
import org.erplab.pathways.deadline.domain.DeadlineRecords;
import org.erplab.pathways.participant.domain.IntakeRecords;
import org.erplab.pathways.pathway.infrastructure.InternshipRecords;
import org.erplab.pathways.pathway.infrastructure.InternshipRecords.Agreement;
import org.erplab.pathways.pathway.infrastructure.InternshipRecords.Attendance;
import org.erplab.pathways.pathway.infrastructure.InternshipRecords.Extension;
import org.erplab.pathways.pathway.process.InternshipProcess;
import org.erplab.pathways.pathway.process.PathwayInstances;
import org.erplab.pathways.project.domain.ProgrammeParameters;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The internship stage (DGR 7763/2018): the agreement within the cap of decision {@code internship-cap}, extension
 * requests the CPI decides, early termination, monthly attendance and the monthly indemnity.
 *
 * <p>The cap counts months from the start date: the agreed months plus the approved extensions, plus the calendar days
 * the pathway was suspended during the internship, except suspensions that do not count (maternity; illness or injury
 * of at least {@code internshipIllnessMinDays}; the host's closure of at least {@code internshipHostClosureMinDays}).
 * Every suspension moves the internship's end (a deadline record, ADR 0012); only those that count consume the cap.
 */
@Component
public class Internship {

  public static final String STAGE = "INTERNSHIP";
  public static final String MAX_WEEKLY_HOURS = "internshipMaxWeeklyHours";
  public static final String MONTHLY_INDEMNITY = "internshipMonthlyIndemnity";
  public static final String ATTENDANCE_THRESHOLD = "internshipAttendanceThreshold";
  public static final String ILLNESS_MIN_DAYS = "internshipIllnessMinDays";
  public static final String HOST_CLOSURE_MIN_DAYS = "internshipHostClosureMinDays";
  /** Vulnerabilities of the registry that make a trainee disadvantaged for the cap (comma-separated codes). */
  public static final String DISADVANTAGED_VULNERABILITIES = "internshipDisadvantagedVulnerabilities";

  /** The withdrawal reason of a participant who leaves the internship (reason list WITHDRAWAL, V10). */
  static final String WITHDRAWAL_REASON = "INTERNSHIP_WITHDRAWN";
  static final String EXTENSION_REQUESTED = "INTERNSHIP_EXTENSION_REQUESTED";
  static final String END_MOVED = "DEADLINE_MOVED";
  /** Hours in the longest month: a month's planned hours cannot exceed them. */
  private static final BigDecimal HOURS_IN_A_MONTH = BigDecimal.valueOf(24 * 31);
  private static final int MAX_TEXT = 200;

  private final InternshipRecords records;
  private final PathwayRecords pathways;
  private final SuspensionRecords suspensions;
  private final DeadlineRecords deadlines;
  private final PathwayInstances instances;
  private final ProjectCalendars calendars;
  private final ProgrammeParameters parameters;
  private final IntakeRecords intake;
  private final PathwayEvents events;
  private final PathwayExits exits;

  public Internship(InternshipRecords records, PathwayRecords pathways, SuspensionRecords suspensions,
      DeadlineRecords deadlines, PathwayInstances instances, ProjectCalendars calendars, ProgrammeParameters parameters,
      IntakeRecords intake, PathwayEvents events, PathwayExits exits) {
    this.exits = exits;
    this.records = records;
    this.pathways = pathways;
    this.suspensions = suspensions;
    this.deadlines = deadlines;
    this.instances = instances;
    this.calendars = calendars;
    this.parameters = parameters;
    this.intake = intake;
    this.events = events;
  }

  // ---- the cap

  /** The decision's inputs from the registry: booleans only, the vulnerabilities stay in the registry. */
  public TraineeFacts traineeFacts(UUID pathwayId, String projectCode) {
    List<String> vulnerabilities = intake.vulnerabilities(pathwayId);
    Set<String> disadvantaging = Arrays.stream(parameters.value(projectCode, DISADVANTAGED_VULNERABILITIES).split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    return new TraineeFacts(vulnerabilities.contains("DISABILITY"),
        vulnerabilities.stream().anyMatch(disadvantaging::contains));
  }

  /** The stage starts with the decision's cap on record. */
  @Transactional
  public void start(UUID pathwayId, String projectCode, int maxMonths, int minMonths) {
    records.start(pathwayId, projectCode, maxMonths, minMonths, EngineClock.now());
  }

  public Optional<Agreement> agreement(UUID pathwayId) {
    return records.find(pathwayId);
  }

  // ---- the agreement

  /** True while the agreement may be written: the pathway active in the stage, Task_InternshipAgreement open. */
  public boolean drafting(Pathway pathway) {
    return STAGE.equals(pathway.stage()) && Pathway.Status.ACTIVE.name().equals(pathway.status())
        && records.find(pathway.id()).map(a -> "AGREEMENT".equals(a.state())).orElse(false);
  }

  /** What is wrong with an agreement; empty when it may be written. */
  public List<FieldError> check(Pathway pathway, Agreement cap, Terms terms) {
    List<FieldError> errors = new ArrayList<>();
    text("host", terms.host(), errors);
    text("promoter", terms.promoter(), errors);
    text("tutor", terms.tutor(), errors);
    LocalDate stageStarted = cap.startedAt().atZoneSameInstant(EngineClock.ZONE).toLocalDate();
    if (terms.startDate() == null) {
      errors.add(new FieldError("startDate", "is required"));
    } else if (terms.startDate().isBefore(stageStarted)) {
      errors.add(new FieldError("startDate", "cannot be before the internship stage began (" + stageStarted + ")"));
    }
    monthsError(cap, terms.plannedMonths()).ifPresent(errors::add);
    BigDecimal maxWeekly = new BigDecimal(parameters.value(pathway.projectCode(), MAX_WEEKLY_HOURS).trim());
    if (terms.weeklyHours() == null) {
      errors.add(new FieldError("weeklyHours", "is required"));
    } else if (terms.weeklyHours().signum() <= 0 || terms.weeklyHours().compareTo(maxWeekly) > 0
        || terms.weeklyHours().stripTrailingZeros().scale() > 1) {
      errors.add(new FieldError("weeklyHours", "must be more than 0 to " + maxWeekly.toPlainString()
          + ", in tenths of an hour"));
    }
    return errors;
  }

  private static Optional<FieldError> monthsError(Agreement cap, Integer months) {
    if (months == null) {
      return Optional.of(new FieldError("plannedMonths", "is required"));
    }
    int min = Math.max(1, cap.minMonths());
    if (months < min || months > cap.maxMonths()) {
      return Optional.of(new FieldError("plannedMonths", "must be from " + min + " to " + cap.maxMonths()
          + " months (decision internship-cap for this trainee: at most " + cap.maxMonths()
          + " months, extensions included)"));
    }
    return Optional.empty();
  }

  private static void text(String field, String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "is required"));
    } else if (value.length() > MAX_TEXT) {
      errors.add(new FieldError(field, "must be at most " + MAX_TEXT + " characters"));
    }
  }

  @Transactional
  public Agreement write(UUID pathwayId, Terms terms, String user) {
    LocalDate plannedEnd = lastDay(terms.startDate(), terms.plannedMonths());
    records.writeAgreement(pathwayId, terms.host().strip(), terms.promoter().strip(), terms.tutor().strip(),
        terms.startDate(), terms.plannedMonths(), terms.weeklyHours(), plannedEnd, user, EngineClock.now());
    return records.find(pathwayId).orElseThrow();
  }

  /** What keeps Task_InternshipAgreement from completing (checked at every door); empty when it may. */
  public List<FieldError> agreementErrors(UUID pathwayId) {
    Optional<Agreement> agreement = records.find(pathwayId);
    if (agreement.isEmpty() || !agreement.get().written()) {
      return List.of(new FieldError(InternshipProcess.Variables.AGREEMENT_CONFIRMED.name(),
          "the pathway has no internship agreement: write it first (PUT /api/pathways/" + pathwayId + "/internship)"));
    }
    return monthsError(agreement.get(), agreement.get().plannedMonths()).stream().toList();
  }

  /** Task_InternshipAgreement completed: the internship runs. */
  public void agree(UUID pathwayId) {
    records.markRunning(pathwayId, EngineClock.now());
  }

  /** An internship's last day: {@code months} from its start, the day before the same day of the month. */
  public static LocalDate lastDay(LocalDate start, int months) {
    return start.plusMonths(months).minusDays(1);
  }

  /** The internship's current last day: its open end deadline's day, else the day on record. */
  public LocalDate currentEnd(Agreement agreement) {
    return deadlines.openOfPathway(agreement.pathwayId()).stream()
        .filter(d -> DeadlineKind.INTERNSHIP_END.name().equals(d.kind())).findFirst()
        .map(d -> d.dueAt().atZoneSameInstant(EngineClock.ZONE).toLocalDate())
        .orElse(agreement.endDate());
  }

  // ---- the cap over time

  /** The months agreed so far: planned plus approved extensions. */
  public int agreedMonths(Agreement agreement) {
    return agreement.plannedMonths() + records.extensions(agreement.pathwayId()).stream()
        .filter(e -> "APPROVED".equals(e.decision())).mapToInt(Extension::months).sum();
  }

  /** Days of the ended suspensions during the internship, split into those that count toward the cap and those not. */
  public SuspendedDays suspendedDays(Agreement agreement) {
    int counted = 0;
    int neutral = 0;
    if (agreement.startDate() == null) {
      return new SuspendedDays(0, 0);
    }
    int illnessMin = parameters.intValue(agreement.projectCode(), ILLNESS_MIN_DAYS);
    int closureMin = parameters.intValue(agreement.projectCode(), HOST_CLOSURE_MIN_DAYS);
    for (Suspension s : suspensions.ofPathway(agreement.pathwayId())) {
      if (s.isOpen()) {
        continue;
      }
      LocalDate from = s.suspendedAt().atZoneSameInstant(EngineClock.ZONE).toLocalDate();
      LocalDate to = s.resumedAt().atZoneSameInstant(EngineClock.ZONE).toLocalDate();
      if (to.isBefore(agreement.startDate()) || (agreement.agreedAt() != null && s.resumedAt().isBefore(agreement.agreedAt()))) {
        continue;
      }
      int days = (int) Math.max(0, ChronoUnit.DAYS.between(from.isBefore(agreement.startDate())
          ? agreement.startDate() : from, to));
      boolean doesNotCount = switch (s.reason()) {
        case "MATERNITY" -> true;
        case "ILLNESS", "INJURY" -> days >= illnessMin;
        case "HOST_CLOSURE" -> days >= closureMin;
        default -> false;
      };
      if (doesNotCount) {
        neutral += days;
      } else {
        counted += days;
      }
    }
    return new SuspendedDays(counted, neutral);
  }

  /** The most months an extension may add now without going beyond the cap (0 when none). */
  public int monthsLeft(Agreement agreement) {
    int agreed = agreedMonths(agreement);
    int counted = suspendedDays(agreement).counted();
    LocalDate latest = lastDay(agreement.startDate(), agreement.maxMonths());
    int left = 0;
    while (agreed + left + 1 <= agreement.maxMonths()
        && !lastDay(agreement.startDate(), agreed + left + 1).plusDays(counted).isAfter(latest)) {
      left++;
    }
    return left;
  }

  // ---- extensions

  /**
   * The operator asks to extend the running internship by {@code months}: the CPI decides it.
   *
   * @throws ApiException 400 naming months or reason (beyond the cap included); 409 when the internship is not running
   *     or a request waits for the CPI
   */
  @Transactional
  public Extension requestExtension(Pathway pathway, Integer months, String reason, String user) {
    pathways.lock(pathway.id());
    Agreement agreement = running(pathway);
    if (records.pendingExtension(pathway.id()).isPresent()) {
      throw ApiException.conflict("An extension request is waiting for the CPI's decision");
    }
    List<FieldError> errors = new ArrayList<>();
    if (months == null || months < 1) {
      errors.add(new FieldError("months", "must be a whole number of months from 1"));
    } else {
      capError(agreement, months).ifPresent(errors::add);
    }
    if (reason == null || reason.isBlank()) {
      errors.add(new FieldError("reason", "is required"));
    } else if (reason.length() > 500) {
      errors.add(new FieldError("reason", "must be at most 500 characters"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(errors);
    }
    Extension extension = new Extension(UUID.randomUUID(), pathway.id(), months, reason.strip(), user,
        EngineClock.now(), null, null, null, null, null);
    records.insertExtension(extension);
    instances.correlate(pathway.id(), InternshipProcess.MESSAGE_EXTENSION_REQUESTED,
        Map.of(InternshipProcess.Variables.EXTENSION_MONTHS.name(), months,
            InternshipProcess.Variables.INTERNSHIP_END_DATE.name(), currentEnd(agreement).toString(),
            InternshipProcess.Variables.EXTENSION_MONTHS_LEFT.name(), monthsLeft(agreement)));
    events.record(pathway.id(), EXTENSION_REQUESTED, user, extension.id(), Map.of("months", months));
    return extension;
  }

  /** The cap error of extending by {@code months} now (field {@code months}), if any. */
  public Optional<FieldError> capError(Agreement agreement, int months) {
    int left = monthsLeft(agreement);
    if (months <= left) {
      return Optional.empty();
    }
    SuspendedDays days = suspendedDays(agreement);
    return Optional.of(new FieldError("months", "goes beyond the internship's cap of " + agreement.maxMonths()
        + " months, extensions included: " + agreedMonths(agreement) + " months agreed so far"
        + (days.counted() > 0 ? " and " + days.counted() + " days of suspension that count" : "")
        + ", at most " + left + " more"));
  }

  /** The pending request's cap error at the CPI's approval (Task_ApproveExtension at every door), if any. */
  public Optional<FieldError> approvalError(UUID pathwayId) {
    Optional<Extension> pending = records.pendingExtension(pathwayId);
    Optional<Agreement> agreement = records.find(pathwayId);
    if (pending.isEmpty() || agreement.isEmpty()) {
      return Optional.empty();
    }
    return capError(agreement.get(), pending.get().months()).map(e -> new FieldError(
        InternshipProcess.Variables.EXTENSION_APPROVED.name(), "cannot be yes: the extension of "
            + pending.get().months() + " months " + e.message()));
  }

  /** The CPI approved the pending request: the end deadline (and its timer) moves by its months. */
  @Transactional
  public void approveExtension(UUID pathwayId, String user) {
    Extension pending = records.pendingExtension(pathwayId)
        .orElseThrow(() -> new IllegalStateException("Pathway " + pathwayId + " has no pending extension request"));
    Agreement agreement = records.find(pathwayId).orElseThrow();
    LocalDate before = currentEnd(agreement);
    int agreed = agreedMonths(agreement);
    // the months added to the agreed months from the start (a month from a 28 February is not a month from a 31st),
    // after whatever suspensions moved the end
    LocalDate after = before.plusDays(ChronoUnit.DAYS.between(lastDay(agreement.startDate(), agreed),
        lastDay(agreement.startDate(), agreed + pending.months())));
    for (Deadline d : deadlines.openOfPathway(pathwayId)) {
      if (!DeadlineKind.INTERNSHIP_END.name().equals(d.kind())) {
        continue;
      }
      Date to = calendars.endOf(after);
      OffsetDateTime newDue = OffsetDateTime.ofInstant(to.toInstant(), EngineClock.ZONE);
      deadlines.moveDue(d.id(), newDue);
      if (d.timerActivityId() != null) {
        instances.moveTimers(d.executionId(), Date.from(d.dueAt().toInstant()), to);
      }
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("kind", d.kind());
      details.put("from", d.dueAt());
      details.put("to", newDue);
      details.put("extensionId", pending.id());
      details.put("months", pending.months());
      events.record(pathwayId, END_MOVED, user, d.id(), details);
    }
    records.moveEnd(pathwayId, after);
    records.decideExtension(pending.id(), "APPROVED", user, EngineClock.now(), before, after);
  }

  /** The CPI rejected the pending request (its reason is in the case notes): nothing moves. */
  @Transactional
  public void rejectExtension(UUID pathwayId, String user) {
    records.pendingExtension(pathwayId).ifPresent(e ->
        records.decideExtension(e.id(), "REJECTED", user, EngineClock.now(), null, null));
  }

  public List<Extension> extensions(UUID pathwayId) {
    return records.extensions(pathwayId);
  }

  // ---- the end

  /**
   * Checks an early termination and records its reason and day (the caller's transaction: none, each statement
   * commits; the withdrawal that may follow has its own).
   *
   * @throws ApiException 400 naming reason or date; 409 when the internship is not running
   */
  private InternshipProcess.TerminationReason recordTermination(Pathway pathway, String reason, LocalDate date) {
    pathways.lock(pathway.id());
    Agreement agreement = running(pathway);
    List<FieldError> errors = new ArrayList<>();
    InternshipProcess.TerminationReason parsed = null;
    try {
      parsed = reason == null ? null : InternshipProcess.TerminationReason.valueOf(reason);
    } catch (IllegalArgumentException e) {
      parsed = null;
    }
    if (parsed == null) {
      errors.add(new FieldError("reason", "must be one of HIRED, WITHDRAWN, HOST_PROBLEM, OTHER"));
    }
    if (date == null) {
      errors.add(new FieldError("date", "is required"));
    } else if (date.isAfter(EngineClock.today())) {
      errors.add(new FieldError("date", "cannot be in the future"));
    } else if (date.isBefore(agreement.startDate())) {
      errors.add(new FieldError("date", "cannot be before the internship started (" + agreement.startDate() + ")"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(errors);
    }
    records.recordTermination(pathway.id(), parsed.name(), date);
    return parsed;
  }

  /**
   * An early termination: HIRED, HOST_PROBLEM, OTHER end the stage (the internship instance goes on to the placement);
   * WITHDRAWN withdraws the participant from the pathway ({@link PathwayExits}: closed as WITHDRAWN).
   *
   * @throws ApiException 400 naming reason or date; 409 when the internship is not running
   */
  public InternshipProcess.TerminationReason terminate(Pathway pathway, String reason, LocalDate date, String user) {
    InternshipProcess.TerminationReason parsed = recordTermination(pathway, reason, date);
    if (parsed == InternshipProcess.TerminationReason.WITHDRAWN) {
      exits.withdraw(pathway.id(), WITHDRAWAL_REASON, date, user);
      end(pathway.id(), InternshipProcess.Outcome.TERMINATED);
    } else {
      instances.correlate(pathway.id(), InternshipProcess.MESSAGE_TERMINATED, Map.of());
    }
    return parsed;
  }

  /** The stage ended: at its last day (COMPLETED) or early (TERMINATED, on the termination's day). */
  @Transactional
  public void end(UUID pathwayId, InternshipProcess.Outcome outcome) {
    Agreement agreement = records.find(pathwayId).orElseThrow();
    LocalDate last = outcome == InternshipProcess.Outcome.TERMINATED && agreement.terminationDate() != null
        ? agreement.terminationDate() : currentEnd(agreement);
    records.pendingExtension(pathwayId).ifPresent(e ->
        records.decideExtension(e.id(), "CANCELLED", null, EngineClock.now(), null, null));
    records.end(pathwayId, outcome.name(), last, EngineClock.now());
  }

  /**
   * The internship instance ended: if neither its end nor a termination closed the stage, the pathway ended meanwhile
   * (its withdrawal, the programme's end): the stage is CANCELLED (the pathway's record says why).
   */
  @Transactional
  public void endedWithThePathway(UUID pathwayId) {
    records.find(pathwayId).filter(a -> "AGREEMENT".equals(a.state()) || "RUNNING".equals(a.state())).ifPresent(a -> {
      records.pendingExtension(pathwayId).ifPresent(e ->
          records.decideExtension(e.id(), "CANCELLED", null, EngineClock.now(), null, null));
      records.end(pathwayId, "CANCELLED", "RUNNING".equals(a.state()) ? EngineClock.today() : null, EngineClock.now());
    });
  }

  private Agreement running(Pathway pathway) {
    if (!STAGE.equals(pathway.stage()) || !Pathway.Status.ACTIVE.name().equals(pathway.status())) {
      throw ApiException.conflict("The pathway is not active in the internship stage");
    }
    return records.find(pathway.id()).filter(a -> "RUNNING".equals(a.state()))
        .orElseThrow(() -> ApiException.conflict("The internship is not running: its agreement is not confirmed yet"));
  }

  // ---- monthly attendance

  /** True while monthly attendance may be recorded: the pathway active, the internship started (running or ended). */
  public boolean attendanceOpen(Pathway pathway) {
    return Pathway.Status.ACTIVE.name().equals(pathway.status())
        && records.find(pathway.id()).map(a -> !"AGREEMENT".equals(a.state())).orElse(false);
  }

  /** What is wrong with a month's attendance; empty when it may be recorded. */
  public List<FieldError> checkAttendance(Agreement agreement, YearMonth month, BigDecimal planned, BigDecimal attended) {
    List<FieldError> errors = new ArrayList<>();
    if (month == null) {
      errors.add(new FieldError("month", "is required (yyyy-MM)"));
    } else {
      YearMonth first = YearMonth.from(agreement.startDate());
      YearMonth last = YearMonth.from(currentEnd(agreement));
      if (month.isAfter(YearMonth.from(EngineClock.today()))) {
        errors.add(new FieldError("month", "cannot be in the future"));
      } else if (month.isBefore(first) || month.isAfter(last)) {
        errors.add(new FieldError("month", "must be within the internship, from " + first + " to " + last));
      }
    }
    if (planned == null) {
      errors.add(new FieldError("plannedHours", "is required"));
    } else if (planned.signum() <= 0 || planned.compareTo(HOURS_IN_A_MONTH) > 0 || planned.stripTrailingZeros().scale() > 1) {
      errors.add(new FieldError("plannedHours", "must be more than 0 to " + HOURS_IN_A_MONTH + ", in tenths of an hour"));
    }
    if (attended == null) {
      errors.add(new FieldError("attendedHours", "is required"));
    } else if (attended.signum() < 0 || attended.stripTrailingZeros().scale() > 1
        || (planned != null && attended.compareTo(planned) > 0)) {
      errors.add(new FieldError("attendedHours", "must be from 0 to the planned hours, in tenths of an hour"));
    }
    return errors;
  }

  /** Records a month, already checked; empty when the month was recorded already. */
  @Transactional
  public Optional<Attendance> recordAttendance(Pathway pathway, YearMonth month, BigDecimal planned,
      BigDecimal attended, String user) {
    pathways.lock(pathway.id());
    BigDecimal rate = rate(attended, planned);
    Attendance row = new Attendance(pathway.id(), pathway.projectCode(), month.atDay(1), planned, attended, rate,
        indemnityDue(rate, new BigDecimal(parameters.value(pathway.projectCode(), ATTENDANCE_THRESHOLD).trim()),
            new BigDecimal(parameters.value(pathway.projectCode(), MONTHLY_INDEMNITY).trim())),
        user, EngineClock.now());
    return records.insertAttendance(row) ? Optional.of(row) : Optional.empty();
  }

  public List<Attendance> attendance(UUID pathwayId) {
    return records.attendance(pathwayId);
  }

  /** Percent of the planned hours attended, to two decimals, half up. */
  public static BigDecimal rate(BigDecimal attended, BigDecimal planned) {
    return attended.multiply(BigDecimal.valueOf(100)).divide(planned, 2, RoundingMode.HALF_UP);
  }

  /**
   * The month's indemnity: the whole monthly amount when the rate reaches the threshold, otherwise nothing (no
   * proportional share, DGR 7763/2018); 0 when the project pays none.
   */
  public static BigDecimal indemnityDue(BigDecimal rate, BigDecimal threshold, BigDecimal monthly) {
    return (rate.compareTo(threshold) >= 0 ? monthly : BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
  }

  /** The agreement's terms as the operator writes them. */
  public record Terms(String host, String promoter, String tutor, LocalDate startDate, Integer plannedMonths,
      BigDecimal weeklyHours) {}

  /** Inputs of decision internship-cap. */
  public record TraineeFacts(boolean disabled, boolean disadvantaged) {}

  /** Calendar days suspended during the internship: counted toward the cap, or not. */
  public record SuspendedDays(int counted, int neutral) {}
}
