package org.erplab.pathways.pathway.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.common.domain.FieldError;
import org.erplab.pathways.pathway.infrastructure.PlacementRecords;
import org.erplab.pathways.pathway.infrastructure.PlacementRecords.FollowUp;
import org.erplab.pathways.pathway.infrastructure.PlacementRecords.Hire;
import org.erplab.pathways.pathway.process.PlacementProcess;
import org.erplab.pathways.project.domain.ProgrammeParameters;
import org.springframework.stereotype.Component;

/**
 * The placement stage: the hires recorded for a pathway (the employer's name kept in our table only), their
 * verification and whether they count, and the follow-ups of the hire that counts at the months of the project's
 * {@code followUpMonths} after its start date.
 */
@Component
public class Placements {

  /** How far ahead a hire's start date may be, in calendar days (programme parameter, default 90). */
  public static final String START_MAX_DAYS_AHEAD = "placementStartMaxDaysAhead";
  /** Months after the start date of the follow-ups, comma-separated (programme parameter, default "3,6,12"). */
  public static final String FOLLOW_UP_MONTHS = "followUpMonths";

  private final PlacementRecords records;
  private final ProgrammeParameters parameters;

  public Placements(PlacementRecords records, ProgrammeParameters parameters) {
    this.records = records;
    this.parameters = parameters;
  }

  /**
   * What Task_RecordPlacement's values break beyond its form (the form checks presence, lists and ranges): the start
   * at most {@code placementStartMaxDaysAhead} days ahead, the planned end after the start, required for FIXED_TERM
   * and TEMPORARY_AGENCY, none for PERMANENT.
   */
  public List<FieldError> check(String projectCode, Map<String, Object> values) {
    List<FieldError> errors = new ArrayList<>();
    String type = (String) values.get(PlacementProcess.Variables.CONTRACT_TYPE.name());
    LocalDate start = day(values.get(PlacementProcess.Variables.START_DATE.name()));
    LocalDate end = day(values.get(PlacementProcess.Variables.PLANNED_END_DATE.name()));
    String startField = PlacementProcess.Variables.START_DATE.name();
    String endField = PlacementProcess.Variables.PLANNED_END_DATE.name();
    if (start != null) {
      LocalDate latest = EngineClock.today().plusDays(parameters.intValue(projectCode, START_MAX_DAYS_AHEAD));
      if (start.isAfter(latest)) {
        errors.add(new FieldError(startField, "cannot be later than " + latest));
      }
    }
    boolean endRequired = PlacementProcess.ContractType.FIXED_TERM.name().equals(type)
        || PlacementProcess.ContractType.TEMPORARY_AGENCY.name().equals(type);
    if (end == null && endRequired) {
      errors.add(new FieldError(endField, "is required for a " + type + " contract"));
    } else if (end != null && PlacementProcess.ContractType.PERMANENT.name().equals(type)) {
      errors.add(new FieldError(endField, "must be empty for a PERMANENT contract"));
    } else if (end != null && start != null && !end.isAfter(start)) {
      errors.add(new FieldError(endField, "must be after the start date"));
    }
    return errors;
  }

  /** Days from the start to the planned end, both counted; null without a planned end. */
  public static Integer plannedDurationDays(LocalDate start, LocalDate plannedEnd) {
    return plannedEnd == null ? null : (int) ChronoUnit.DAYS.between(start, plannedEnd) + 1;
  }

  /** Files a hire the operator recorded (Task_RecordPlacement). */
  public Hire record(UUID pathwayId, String projectCode, String employerName, String contractType, LocalDate start,
      LocalDate plannedEnd, int weeklyHours, String user) {
    return records.insert(pathwayId, projectCode, employerName.strip(), contractType, start, plannedEnd, weeklyHours,
        plannedDurationDays(start, plannedEnd), user, EngineClock.now());
  }

  public Optional<Hire> latest(UUID pathwayId) {
    return records.latest(pathwayId);
  }

  /** The CPI's verification of the last hire. */
  public Hire verify(UUID pathwayId, boolean confirmed, String user) {
    Hire hire = latest(pathwayId).orElseThrow(() -> new IllegalStateException("No hire to verify: " + pathwayId));
    records.verify(hire.id(), confirmed, user, EngineClock.now());
    return hire;
  }

  /** Files the decision on the last hire; one that counts gets its follow-ups. */
  public void decide(UUID pathwayId, String projectCode, boolean counts) {
    Hire hire = latest(pathwayId).orElseThrow(() -> new IllegalStateException("No hire to decide: " + pathwayId));
    records.decide(hire.id(), counts, EngineClock.now());
    if (counts) {
      for (int month : followUpMonths(projectCode)) {
        records.insertFollowUp(pathwayId, hire.id(), month, hire.startDate().plusMonths(month));
      }
    }
  }

  /** The months of the project's follow-ups, ascending, without repeats. */
  List<Integer> followUpMonths(String projectCode) {
    List<Integer> months = new ArrayList<>();
    for (String part : parameters.value(projectCode, FOLLOW_UP_MONTHS).split(",")) {
      if (!part.isBlank()) {
        months.add(Integer.parseInt(part.strip()));
      }
    }
    return months.stream().filter(m -> m > 0).distinct().sorted().toList();
  }

  public Optional<FollowUp> nextFollowUp(UUID pathwayId) {
    return records.nextFollowUp(pathwayId);
  }

  public void answerFollowUp(UUID pathwayId, int month, boolean stillEmployed, String user) {
    records.closeFollowUp(pathwayId, month, "ANSWERED", stillEmployed, EngineClock.today(), user);
  }

  public void missFollowUp(UUID pathwayId, int month) {
    records.closeFollowUp(pathwayId, month, "MISSED", null, null, null);
  }

  public List<Hire> hires(UUID pathwayId) {
    return records.ofPathway(pathwayId);
  }

  public List<FollowUp> followUps(UUID pathwayId) {
    return records.followUps(pathwayId);
  }

  private static LocalDate day(Object value) {
    try {
      return value instanceof String s && !s.isBlank() ? LocalDate.parse(s) : null;
    } catch (java.time.format.DateTimeParseException e) {
      return null; // the form's check names it
    }
  }
}
