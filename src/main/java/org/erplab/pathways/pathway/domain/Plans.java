package org.erplab.pathways.pathway.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.erplab.pathways.common.domain.AuditFact;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.common.domain.FieldError;
import org.erplab.pathways.pathway.infrastructure.PlanRecords;
import org.erplab.pathways.pathway.infrastructure.PlanRecords.Course;
import org.erplab.pathways.pathway.infrastructure.PlanRecords.Service;
import org.erplab.pathways.pathway.infrastructure.PlanRecords.Version;
import org.erplab.pathways.pathway.process.PlanProcess;
import org.erplab.pathways.project.domain.ProgrammeParameters;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The personalised plan's versions: the operator's draft (checked against the project's caps), the one the CPI
 * decides on, the one the person signs. A draft replaces the current draft; after a rejection it is a new version.
 */
@Component
public class Plans {

  /** Programme parameters, in euro. */
  static final String SERVICES_CAP = "planServicesCap";
  static final String INDEMNITY_CAP = "planIndemnityCap";

  /** The kinds of service a plan may hold. */
  public enum ServiceType { ORIENTATION, COACHING, TRAINING, INTERNSHIP_TUTORING, CERTIFICATION, JOB_SEARCH, OTHER }

  private final PlanRecords records;
  private final ProgrammeParameters parameters;
  private final ApplicationEventPublisher events;

  public Plans(PlanRecords records, ProgrammeParameters parameters, ApplicationEventPublisher events) {
    this.records = records;
    this.parameters = parameters;
    this.events = events;
  }

  /** True while the pathway's plan is being drafted (its Task_DraftPlan is open). */
  public boolean drafting(UUID pathwayId) {
    return records.draftingOpen(pathwayId, PlanProcess.Elements.TASK_DRAFT_PLAN);
  }

  /** Every rule the draft breaks, naming the field and line; none when it may be saved. */
  public List<FieldError> check(String projectCode, Draft draft) {
    List<FieldError> errors = new ArrayList<>();
    BigDecimal servicesCap = euro(parameters.value(projectCode, SERVICES_CAP));
    BigDecimal indemnityCap = euro(parameters.value(projectCode, INDEMNITY_CAP));
    List<ServiceLine> services = draft.services() == null ? List.of() : draft.services();
    BigDecimal total = BigDecimal.ZERO;
    boolean crossed = false;
    for (int i = 0; i < services.size(); i++) {
      ServiceLine s = services.get(i);
      String at = "services[" + i + "]";
      if (s == null) {
        errors.add(new FieldError(at, "is required"));
        continue;
      }
      if (s.type() == null) {
        errors.add(new FieldError(at + ".type", "is required"));
      } else if (!isServiceType(s.type())) {
        errors.add(new FieldError(at + ".type", "must be one of " + List.of(ServiceType.values())));
      }
      checkHours(errors, at + ".hours", s.hours());
      if (s.cost() == null) {
        errors.add(new FieldError(at + ".cost", "is required"));
      } else if (s.cost().signum() < 0) {
        errors.add(new FieldError(at + ".cost", "must be 0 or more"));
      } else if (!fits(s.cost(), 8, 2)) {
        errors.add(new FieldError(at + ".cost", "must be in euro, at most 8 digits and 2 decimals"));
      } else {
        total = total.add(s.cost());
        if (!crossed && total.compareTo(servicesCap) > 0) {
          crossed = true;
          errors.add(new FieldError(at + ".cost", "services total " + amount(total)
              + " exceeds the project's cap of " + amount(servicesCap)));
        }
      }
    }
    if (draft.internshipPlanned() == null) {
      errors.add(new FieldError("internshipPlanned", "is required"));
    }
    BigDecimal indemnity = draft.indemnityCap();
    if (indemnity == null) {
      errors.add(new FieldError("indemnityCap", "is required"));
    } else if (indemnity.signum() < 0 || indemnity.compareTo(indemnityCap) > 0) {
      errors.add(new FieldError("indemnityCap", "must be between 0.00 and the project's cap of "
          + amount(indemnityCap)));
    } else if (!fits(indemnity, 8, 2)) {
      errors.add(new FieldError("indemnityCap", "must be in euro, at most 8 digits and 2 decimals"));
    }
    List<CourseLine> courses = draft.courses() == null ? List.of() : draft.courses();
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < courses.size(); i++) {
      CourseLine c = courses.get(i);
      String at = "courses[" + i + "]";
      if (c == null) {
        errors.add(new FieldError(at, "is required"));
        continue;
      }
      if (blank(c.code())) {
        errors.add(new FieldError(at + ".code", "is required"));
      } else if (c.code().length() > 40) {
        errors.add(new FieldError(at + ".code", "must be at most 40 characters"));
      } else if (!codes.add(c.code().trim())) {
        errors.add(new FieldError(at + ".code", "is already used by another course of the plan"));
      }
      if (blank(c.title())) {
        errors.add(new FieldError(at + ".title", "is required"));
      } else if (c.title().length() > 200) {
        errors.add(new FieldError(at + ".title", "must be at most 200 characters"));
      }
      checkHours(errors, at + ".plannedHours", c.plannedHours());
      if (c.startDate() == null) {
        errors.add(new FieldError(at + ".startDate", "is required"));
      }
      if (c.endDate() == null) {
        errors.add(new FieldError(at + ".endDate", "is required"));
      } else if (c.startDate() != null && c.endDate().isBefore(c.startDate())) {
        errors.add(new FieldError(at + ".endDate", "cannot be before startDate"));
      }
    }
    return errors;
  }

  /**
   * Saves a checked draft: replaces the current draft, or starts a new version (the first, or after a rejection).
   * Call only while {@link #drafting} and when {@link #check} found nothing.
   */
  @Transactional
  public Version saveDraft(UUID pathwayId, String projectCode, Draft draft, String user) {
    OffsetDateTime now = EngineClock.now();
    Version latest = records.latestForUpdate(pathwayId).orElse(null);
    if (latest != null && "DRAFT".equals(latest.status())) {
      records.replaceDraft(latest.id(), draft.internshipPlanned(), indemnity(draft), servicesTotal(draft), user, now);
      writeLines(latest.id(), draft);
    } else {
      insert(pathwayId, projectCode, latest == null ? 1 : latest.version() + 1, "DRAFT", draft, user, null, null);
    }
    return audited(records.latest(pathwayId).orElseThrow(), draft, user);
  }

  /**
   * Saves a checked amendment of the signed version {@code amends} as a new version sent to the CPI (SUBMITTED). Call
   * only when {@link #check} found nothing and no amendment is under way.
   */
  @Transactional
  public Version saveAmendment(UUID pathwayId, String projectCode, Draft draft, String user, int amends) {
    Version latest = records.latestForUpdate(pathwayId).orElseThrow();
    insert(pathwayId, projectCode, latest.version() + 1, "SUBMITTED", draft, user, EngineClock.now(), amends);
    return audited(records.latest(pathwayId).orElseThrow(), draft, user);
  }

  /** The version saved, in the audit record: its number, status, totals and what it amends; no free text. */
  private Version audited(Version version, Draft draft, String user) {
    java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
    details.put("planId", version.id());
    details.put("version", version.version());
    details.put("status", version.status());
    details.put("amends", version.amends());
    details.put("courses", draft.courses() == null ? 0 : draft.courses().size());
    details.put("services", draft.services() == null ? 0 : draft.services().size());
    details.put("servicesTotal", version.servicesTotal());
    details.put("indemnityCap", version.indemnityCap());
    details.put("internshipPlanned", version.internshipPlanned());
    events.publishEvent(new AuditFact(version.pathwayId(), version.projectCode(), user, "PLAN_VERSION_SAVED", null,
        details));
    return version;
  }

  private void insert(UUID pathwayId, String projectCode, int version, String status, Draft draft, String user,
      OffsetDateTime submittedAt, Integer amends) {
    UUID planId = UUID.randomUUID();
    records.insert(new Version(planId, pathwayId, projectCode, version, status, draft.internshipPlanned(),
        indemnity(draft), servicesTotal(draft), user, EngineClock.now(), submittedAt, null, null, null, null, amends));
    writeLines(planId, draft);
  }

  private void writeLines(UUID planId, Draft draft) {
    List<ServiceLine> serviceLines = draft.services() == null ? List.of() : draft.services();
    List<CourseLine> courseLines = draft.courses() == null ? List.of() : draft.courses();
    records.insertLines(planId,
        IntStream.range(0, serviceLines.size()).mapToObj(i -> new Service(i + 1,
            serviceLines.get(i).type(), serviceLines.get(i).hours(), serviceLines.get(i).cost())).toList(),
        IntStream.range(0, courseLines.size()).mapToObj(i -> new Course(i + 1, courseLines.get(i).code().trim(),
            courseLines.get(i).title().trim(), courseLines.get(i).plannedHours(), courseLines.get(i).startDate(),
            courseLines.get(i).endDate())).toList());
  }

  private static BigDecimal servicesTotal(Draft draft) {
    return (draft.services() == null ? List.<ServiceLine>of() : draft.services()).stream().map(ServiceLine::cost)
        .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.UNNECESSARY);
  }

  private static BigDecimal indemnity(Draft draft) {
    return draft.indemnityCap().setScale(2, RoundingMode.UNNECESSARY);
  }

  private static boolean isServiceType(String type) {
    for (ServiceType t : ServiceType.values()) {
      if (t.name().equals(type)) {
        return true;
      }
    }
    return false;
  }

  /** Hours of a service or a course: more than 0, in tenths. */
  private static void checkHours(List<FieldError> errors, String field, BigDecimal hours) {
    if (hours == null) {
      errors.add(new FieldError(field, "is required"));
    } else if (hours.signum() <= 0) {
      errors.add(new FieldError(field, "must be greater than 0"));
    } else if (!fits(hours, 5, 1)) {
      errors.add(new FieldError(field, "must have at most 5 digits and 1 decimal"));
    }
  }

  /** At most {@code digits} digits before the point and {@code decimals} after (the columns' numeric types). */
  private static boolean fits(BigDecimal value, int digits, int decimals) {
    BigDecimal v = value.stripTrailingZeros();
    return v.scale() <= decimals && v.precision() - v.scale() <= digits;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static BigDecimal euro(String value) {
    return new BigDecimal(value.trim()).setScale(2, RoundingMode.HALF_UP);
  }

  /** 3150 as "3,150.00". */
  static String amount(BigDecimal value) {
    return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ENGLISH)).format(value);
  }

  /** What the operator sends: services and courses in order (lines are numbered from 1 on record). */
  public record Draft(List<ServiceLine> services, List<CourseLine> courses, Boolean internshipPlanned,
      BigDecimal indemnityCap) {}

  public record ServiceLine(String type, BigDecimal hours, BigDecimal cost) {}

  public record CourseLine(String code, String title, BigDecimal plannedHours, LocalDate startDate,
      LocalDate endDate) {}
}
