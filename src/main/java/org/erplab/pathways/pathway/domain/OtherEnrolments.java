package org.erplab.pathways.pathway.domain;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.pathway.infrastructure.EnrolmentMatchRecords;
import org.erplab.pathways.pathway.infrastructure.EnrolmentMatchRecords.EnrolmentMatch;
import org.erplab.pathways.pathway.infrastructure.EnrolmentMatchRecords.OtherPathway;
import org.erplab.pathways.project.domain.ProgrammeParameters;
import org.springframework.stereotype.Service;

/**
 * Double enrolment: the other pathways of a pathway's person (same fiscal code) in every project, the pathway's own
 * included, that are open or were closed within the last {@code doubleEnrolmentLookbackMonths} (a programme
 * parameter of the pathway's project). What leaves this service says where the other pathway stands (project, stage,
 * status, month of closure), never who the person is nor which record it is: the person's data stay in the project
 * that holds them.
 */
@Service
public class OtherEnrolments {

  public static final String LOOKBACK_MONTHS = "doubleEnrolmentLookbackMonths";
  /** At most this many matches are spelt out in the summary; the rest are counted. */
  static final int SUMMARY_MAX_ITEMS = 10;

  private final EnrolmentMatchRecords records;
  private final ProgrammeParameters parameters;

  public OtherEnrolments(EnrolmentMatchRecords records, ProgrammeParameters parameters) {
    this.records = records;
    this.parameters = parameters;
  }

  /** The other pathways of the person of {@code pathwayId} (a pathway of {@code projectCode}), newest first. */
  public List<OtherEnrolment> find(UUID pathwayId, String projectCode) {
    OffsetDateTime closedSince = EngineClock.now().minusMonths(parameters.intValue(projectCode, LOOKBACK_MONTHS));
    return records.otherPathways(pathwayId, closedSince).stream().map(OtherEnrolments::of).toList();
  }

  /** {@link #find} and keep each match as a fact (table {@code enrolment_match}), found now. */
  public List<OtherEnrolment> findAndRecord(UUID pathwayId, String projectCode) {
    List<OtherEnrolment> found = find(pathwayId, projectCode);
    OffsetDateTime now = EngineClock.now();
    for (OtherEnrolment other : found) {
      records.insert(new EnrolmentMatch(UUID.randomUUID(), pathwayId, projectCode, other.projectCode(), other.stage(),
          other.status(), other.closedMonth() == null ? null : other.closedMonth().toString(), now));
    }
    return found;
  }

  /** What the CPI reads: {@code BOLLATE: ASSESSMENT (ACTIVE); LORENTEGGIO: CLOSED 2026-05}; empty for none. */
  public static String summary(List<OtherEnrolment> found) {
    String shown = found.stream().limit(SUMMARY_MAX_ITEMS).map(OtherEnrolment::describe)
        .collect(Collectors.joining("; "));
    int more = found.size() - SUMMARY_MAX_ITEMS;
    return more > 0 ? shown + "; e altri " + more : shown;
  }

  private static OtherEnrolment of(OtherPathway other) {
    YearMonth closedMonth = other.closedAt() == null ? null
        : YearMonth.from(other.closedAt().atZoneSameInstant(EngineClock.ZONE));
    return new OtherEnrolment(other.projectCode(), other.stage(), other.status(), closedMonth);
  }

  /** Another pathway of the same person: where it stands, nothing personal. */
  public record OtherEnrolment(String projectCode, String stage, String status, YearMonth closedMonth) {

    public boolean isClosed() {
      return Pathway.Status.CLOSED.name().equals(status);
    }

    /** {@code BOLLATE: ASSESSMENT (ACTIVE)}, {@code LORENTEGGIO: CLOSED 2026-05}, {@code X: INTAKE (CLOSED 2026-05)}. */
    public String describe() {
      if (!isClosed()) {
        return projectCode + ": " + stage + " (" + status + ")";
      }
      String month = closedMonth == null ? "" : " " + closedMonth;
      return Pathway.Status.CLOSED.name().equals(stage)
          ? projectCode + ": CLOSED" + month
          : projectCode + ": " + stage + " (CLOSED" + month + ")";
    }
  }
}
