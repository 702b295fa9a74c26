package org.erplab.pathways.lab.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * The words of the lab's activity (issue 10): what a visit was, what a signal is about, to whom it went and how it
 * ended, and the visitor's few non-identifying facts.
 */
public final class LabActivity {

  private LabActivity() {}

  /** What the visit was. */
  public enum ActivityType { DESK, COURTYARD_MEETING, WORKSHOP, COMMUNITY_EVENT, ACCOMPANIMENT }

  /** What a signal is about. */
  public enum SignalCategory { HOUSING, MAINTENANCE, ARREARS, SOCIAL_NEED, HEALTH, WORK, DOCUMENTS, CONFLICT, OTHER }

  /** To whom the lab passed a signal (none: the lab handles it). */
  public enum PassedTo { SOCIAL_SERVICES, ALER, CPI, OTHER }

  /** How a signal stands. */
  public enum Outcome { OPEN, IN_PROGRESS, RESOLVED, NOT_RESOLVED }

  /** The age bands of the programme's monitoring (seed 004, chapter 3). */
  public enum AgeBand {
    AGE_18_35("18_35"), AGE_36_54("36_54"), AGE_55_64("55_64"), AGE_65_PLUS("65_PLUS");

    private final String code;

    AgeBand(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    public static AgeBand of(int age) {
      if (age <= 35) {
        return AGE_18_35;
      }
      if (age <= 54) {
        return AGE_36_54;
      }
      return age <= 64 ? AGE_55_64 : AGE_65_PLUS;
    }

    public static AgeBand ofCode(String code) {
      for (AgeBand band : values()) {
        if (band.code.equals(code)) {
          return band;
        }
      }
      return null;
    }
  }

  /**
   * A visit as recorded: the visitor's facts for a participant come from the registry at the visit's date;
   * {@code originArea}: IT, the area of origin of a foreign citizen, or UNKNOWN.
   */
  public record Visit(UUID id, String projectCode, LocalDate visitedOn, UUID participantId, String gender, Integer age,
      String ageBand, String citizenshipArea, String originArea, String activityType, int durationMinutes,
      UUID pathwayId, String recordedBy, OffsetDateTime recordedAt) {

    public Map<String, Object> auditDetails() {
      return Map.of("visitId", id, "activityType", activityType, "registered", participantId != null);
    }
  }

  /** A signal as recorded. */
  public record Signal(UUID id, UUID visitId, String projectCode, LocalDate raisedOn, String category, String passedTo,
      String outcome, String recordedBy, OffsetDateTime recordedAt, String updatedBy, OffsetDateTime updatedAt) {}
}
