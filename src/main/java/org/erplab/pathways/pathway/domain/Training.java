package org.erplab.pathways.pathway.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.erplab.pathways.common.domain.AuditFact;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.common.domain.FieldError;
import org.erplab.pathways.indemnity.domain.AttendanceEntry;
import org.erplab.pathways.indemnity.domain.IndemnityCalculator;
import org.erplab.pathways.indemnity.domain.IndemnityCalculator.Fraction;
import org.erplab.pathways.indemnity.domain.IndemnityCalculator.Indemnity;
import org.erplab.pathways.pathway.infrastructure.PlanRecords;
import org.erplab.pathways.pathway.infrastructure.TrainingRecords;
import org.erplab.pathways.pathway.infrastructure.TrainingRecords.Entry;
import org.erplab.pathways.pathway.infrastructure.TrainingRecords.Result;
import org.erplab.pathways.project.domain.ProgrammeParameters;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The training stage: the attendance register of the current (latest signed) plan version's courses (lines only ever added, a correction is a
 * new line with its reason), each course's result when it ends, and the indemnity the register gives
 * ({@link IndemnityCalculator}, at the project's {@code indemnityHourlyRate} up to the plan's cap, with the project's
 * {@code indemnityArrearsShare}).
 */
@Component
public class Training {

  /** Stage of a pathway in training. */
  public static final String STAGE = "TRAINING";
  /** Most hours of one course on one day (programme parameter, default 8). */
  public static final String MAX_HOURS_PER_DAY = "attendanceMaxHoursPerDay";
  /** Percent of the planned hours attended for a course to be completed (programme parameter, default 70). */
  public static final String COMPLETION_THRESHOLD = "courseCompletionThreshold";
  public static final String HOURLY_RATE = "indemnityHourlyRate";
  public static final String ARREARS_SHARE = "indemnityArrearsShare";

  private final TrainingRecords records;
  private final PathwayRecords pathways;
  private final ProgrammeParameters parameters;
  private final ApplicationEventPublisher events;

  public Training(TrainingRecords records, PathwayRecords pathways, ProgrammeParameters parameters,
      ApplicationEventPublisher events) {
    this.records = records;
    this.pathways = pathways;
    this.parameters = parameters;
    this.events = events;
  }

  /** True while attendance may be recorded: the pathway is active in stage TRAINING. */
  public boolean open(Pathway pathway) {
    return STAGE.equals(pathway.stage()) && Pathway.Status.ACTIVE.name().equals(pathway.status());
  }

  /** The current (latest signed) plan version's courses, by last day, each with its last day after any retry. */
  public List<Course> courses(UUID pathwayId) {
    return records.currentCourses(pathwayId).stream()
        .map(c -> new Course(c.code(), c.title(), c.plannedHours(), c.startDate(), c.endDate(), c.lastDay()))
        .toList();
  }

  public Optional<Course> course(UUID pathwayId, String code) {
    return courses(pathwayId).stream().filter(c -> c.code().equals(code)).findFirst();
  }

  /** What is wrong with an original line; empty when it may be recorded. */
  public List<FieldError> check(Pathway pathway, String courseCode, LocalDate day, BigDecimal hours) {
    List<FieldError> errors = new ArrayList<>();
    Optional<Course> course = courseCode == null ? Optional.empty() : course(pathway.id(), courseCode);
    if (course.isEmpty()) {
      errors.add(new FieldError("courseCode", "must be a course of the pathway's signed plan"));
    }
    if (day == null) {
      errors.add(new FieldError("date", "is required"));
    } else if (day.isAfter(EngineClock.today())) {
      errors.add(new FieldError("date", "cannot be in the future"));
    } else if (course.isPresent() && (day.isBefore(course.get().startDate()) || day.isAfter(course.get().lastDay()))) {
      errors.add(new FieldError("date", "must be within the course, from " + course.get().startDate() + " to "
          + course.get().lastDay()));
    }
    checkHours(pathway, hours, false).ifPresent(errors::add);
    return errors;
  }

  /** What is wrong with a correction's hours and reason (0 hours: the person was not there). */
  public List<FieldError> checkCorrection(Pathway pathway, BigDecimal hours, String reason) {
    List<FieldError> errors = new ArrayList<>();
    checkHours(pathway, hours, true).ifPresent(errors::add);
    if (reason == null || reason.isBlank()) {
      errors.add(new FieldError("reason", "is required for a correction"));
    } else if (reason.length() > 300) {
      errors.add(new FieldError("reason", "must be at most 300 characters"));
    }
    return errors;
  }

  private Optional<FieldError> checkHours(Pathway pathway, BigDecimal hours, boolean zeroAllowed) {
    BigDecimal max = new BigDecimal(parameters.value(pathway.projectCode(), MAX_HOURS_PER_DAY).trim());
    if (hours == null) {
      return Optional.of(new FieldError("hours", "is required"));
    }
    if ((zeroAllowed ? hours.signum() < 0 : hours.signum() <= 0) || hours.compareTo(max) > 0
        || hours.stripTrailingZeros().scale() > 1) {
      return Optional.of(new FieldError("hours", (zeroAllowed ? "must be from 0" : "must be more than 0") + " to "
          + max.toPlainString() + ", in tenths of an hour"));
    }
    return Optional.empty();
  }

  /** True when the course already has an original line on that day (correct it instead). */
  public boolean recorded(UUID pathwayId, String courseCode, LocalDate day) {
    return records.hasOriginal(pathwayId, courseCode, day);
  }

  /**
   * Records an original line, already checked; empty when the day was recorded meanwhile (the pathway is locked, so
   * two operators recording the same day get one line and one refusal).
   */
  @Transactional
  public Optional<Entry> record(Pathway pathway, String courseCode, LocalDate day, BigDecimal hours, String user) {
    pathways.lock(pathway.id());
    if (records.hasOriginal(pathway.id(), courseCode, day)) {
      return Optional.empty();
    }
    Entry entry = new Entry(UUID.randomUUID(), pathway.id(), pathway.projectCode(), courseCode, day, hours, null, null,
        user, EngineClock.now());
    records.insert(entry);
    audit(entry, "ATTENDANCE_RECORDED");
    return Optional.of(entry);
  }

  /** Records a correction of {@code corrected}: a new line, same course and day, the right hours and the reason. */
  @Transactional
  public Entry correct(Entry corrected, BigDecimal hours, String reason, String user) {
    Entry entry = new Entry(UUID.randomUUID(), corrected.pathwayId(), corrected.projectCode(), corrected.courseCode(),
        corrected.attendedOn(), hours, corrected.id(), reason.strip(), user, EngineClock.now());
    records.insert(entry);
    audit(entry, "ATTENDANCE_CORRECTED");
    return entry;
  }

  /** The register's line in the audit record: course, day, hours, the line corrected; not the correction's reason. */
  private void audit(Entry entry, String type) {
    java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
    details.put("entryId", entry.id());
    details.put("courseCode", entry.courseCode());
    details.put("day", entry.attendedOn());
    details.put("hours", entry.hours());
    details.put("corrects", entry.corrects());
    events.publishEvent(new AuditFact(entry.pathwayId(), entry.projectCode(), entry.recordedBy(), type, null,
        details));
  }

  public Optional<Entry> entry(UUID pathwayId, UUID entryId) {
    return records.entry(pathwayId, entryId);
  }

  public List<Entry> entries(UUID pathwayId) {
    return records.entries(pathwayId);
  }

  /** Hours attended of a course, each line with its latest correction. */
  public BigDecimal attendedHours(UUID pathwayId, String courseCode) {
    return effective(pathwayId).stream().filter(e -> courseCode.equals(e.courseCode()))
        .map(AttendanceEntry::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Percent of the planned hours attended, to two decimals (0 when nothing was planned). */
  public static BigDecimal rate(BigDecimal attended, BigDecimal planned) {
    return planned == null || planned.signum() <= 0 ? BigDecimal.ZERO.setScale(2)
        : attended.multiply(BigDecimal.valueOf(100)).divide(planned, 2, RoundingMode.HALF_UP);
  }

  /** Per course: planned and attended hours and the rate; and the indemnity the register gives. */
  public Summary summary(Pathway pathway) {
    BigDecimal cap = records.signedPlan(pathway.id()).map(PlanRecords.Version::indemnityCap).orElse(BigDecimal.ZERO);
    return summary(pathway, cap);
  }

  /**
   * The same, for a plan whose indemnity cap is known: two queries (the current version's courses, the register).
   *
   * @param indemnityCap the current signed version's cap, 0 before the first signature
   */
  public Summary summary(Pathway pathway, BigDecimal indemnityCap) {
    List<AttendanceEntry> register = register(pathway.id());
    List<AttendanceEntry> effective = IndemnityCalculator.effective(register);
    List<CourseTotal> totals = courses(pathway.id()).stream().map(c -> {
      BigDecimal attended = effective.stream().filter(e -> c.code().equals(e.courseCode()))
          .map(AttendanceEntry::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
      return new CourseTotal(c.code(), c.title(), c.startDate(), c.lastDay(), c.plannedHours(), attended,
          rate(attended, c.plannedHours()));
    }).toList();
    return new Summary(totals, indemnity(pathway.projectCode(), register, indemnityCap));
  }

  /** The indemnity the register gives at the project's rate, up to {@code cap}, with the project's arrears share. */
  Indemnity indemnity(String projectCode, List<AttendanceEntry> register, BigDecimal cap) {
    return IndemnityCalculator.compute(register, new BigDecimal(parameters.value(projectCode, HOURLY_RATE).trim()), cap,
        arrearsShare(projectCode));
  }

  /** The project's {@code indemnityArrearsShare}. */
  public Fraction arrearsShare(String projectCode) {
    return Fraction.parse(parameters.value(projectCode, ARREARS_SHARE));
  }

  /** The course's result at its end: completed at {@code courseCompletionThreshold} percent, with its certificate. */
  @Transactional
  public Result decide(UUID pathwayId, String projectCode, String courseCode) {
    Course course = course(pathwayId, courseCode)
        .orElseThrow(() -> new IllegalStateException("Course " + courseCode + " is not in the signed plan"));
    BigDecimal attended = attendedHours(pathwayId, courseCode);
    BigDecimal rate = rate(attended, course.plannedHours());
    boolean completed = rate.compareTo(new BigDecimal(parameters.value(projectCode, COMPLETION_THRESHOLD).trim())) >= 0;
    int attempt = (int) records.results(pathwayId).stream().filter(r -> r.courseCode().equals(courseCode)).count() + 1;
    Result result = new Result(UUID.randomUUID(), pathwayId, courseCode, attempt, course.plannedHours(), attended,
        rate, completed, completed ? EngineClock.today() : null, null, null, EngineClock.now());
    records.insertResult(result);
    return result;
  }

  /**
   * The operator's decision on a course not completed: RETRY (it can be attended again until its last day plus its
   * length in days), CONTINUE or CLOSE.
   */
  @Transactional
  public void nextStep(UUID pathwayId, String courseCode, String nextStep) {
    Result latest = latestResult(pathwayId, courseCode)
        .orElseThrow(() -> new IllegalStateException("Course " + courseCode + " has no result"));
    LocalDate retryUntil = null;
    if ("RETRY".equals(nextStep)) {
      Course course = course(pathwayId, courseCode).orElseThrow();
      long days = course.endDate().toEpochDay() - course.startDate().toEpochDay() + 1;
      retryUntil = course.lastDay().plusDays(days);
    }
    records.decideNextStep(latest.id(), nextStep, retryUntil);
  }

  /** The next course to follow to its end: the first (by last day) without a final result; empty when all are done. */
  public Optional<Course> nextCourse(UUID pathwayId) {
    List<Result> results = records.results(pathwayId);
    return courses(pathwayId).stream().filter(c -> results.stream().noneMatch(r -> r.courseCode().equals(c.code())
        && (r.completed() || "CONTINUE".equals(r.nextStep())))).findFirst();
  }

  public List<Result> results(UUID pathwayId) {
    return records.results(pathwayId);
  }

  /** True when the signed plan foresees an internship. */
  public boolean internshipPlanned(UUID pathwayId) {
    return records.signedPlan(pathwayId).map(PlanRecords.Version::internshipPlanned).orElse(false);
  }

  /** The course's latest result (its highest attempt). */
  Optional<Result> latestResult(UUID pathwayId, String courseCode) {
    return records.results(pathwayId).stream().filter(r -> r.courseCode().equals(courseCode))
        .max(Comparator.comparingInt(Result::attempt));
  }

  List<AttendanceEntry> register(UUID pathwayId) {
    return records.entries(pathwayId).stream()
        .map(e -> new AttendanceEntry(e.id(), e.courseCode(), e.attendedOn(), e.hours(), e.corrects())).toList();
  }

  private List<AttendanceEntry> effective(UUID pathwayId) {
    return IndemnityCalculator.effective(register(pathwayId));
  }

  /** A course of the signed plan; {@code lastDay} is its end date, or the later one a retry set. */
  public record Course(String code, String title, BigDecimal plannedHours, LocalDate startDate, LocalDate endDate,
      LocalDate lastDay) {}

  public record CourseTotal(String code, String title, LocalDate startDate, LocalDate lastDay, BigDecimal plannedHours,
      BigDecimal attendedHours, BigDecimal attendanceRate) {}

  public record Summary(List<CourseTotal> courses, Indemnity indemnity) {

    /** Hours planned across the courses. */
    public BigDecimal plannedHours() {
      return courses.stream().map(CourseTotal::plannedHours).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Hours attended across the courses, corrections applied. */
    public BigDecimal attendedHours() {
      return courses.stream().map(CourseTotal::attendedHours).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }
}
