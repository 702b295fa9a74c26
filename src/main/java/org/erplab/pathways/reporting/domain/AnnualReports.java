package org.erplab.pathways.reporting.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.reporting.infrastructure.AnnualReportRecords;
import org.erplab.pathways.reporting.infrastructure.AnnualReportRecords.Revision;
import org.springframework.stereotype.Service;

/**
 * The committee's annual report (issue 10): the indicators of a calendar year for a project, or for every project
 * together ({@value #ALL}). Until a manager publishes it, it is computed afresh on each request; publishing freezes the
 * figures as they are (a stored revision, with who and when), and a later correction is a new numbered revision with
 * its reason. Readers then get the latest revision, with the list of all of them.
 */
@Service
public class AnnualReports {

  /** The scope of every project counted together. */
  public static final String ALL = "ALL";

  private final Indicators indicators;
  private final AnnualReportRecords records;
  private final ObjectMapper json;

  public AnnualReports(Indicators indicators, AnnualReportRecords records, ObjectMapper json) {
    this.indicators = indicators;
    this.records = records;
    this.json = json;
  }

  /** A revision as listed: its number, who published it, when, and why it corrects the previous one. */
  public record RevisionInfo(int revision, String publishedBy, OffsetDateTime publishedAt, String reason) {}

  /**
   * The report of a year: {@code published} false for a draft computed now (revision null), else the latest revision
   * as frozen; {@code revisions}: every published one.
   */
  public record AnnualReport(String scope, int year, boolean published, Integer revision, String publishedBy,
      OffsetDateTime publishedAt, String reason, List<RevisionInfo> revisions, Indicators.Report indicators) {}

  public AnnualReport of(String scope, Set<String> projects, int year) {
    List<Revision> revisions = records.revisions(scope, year);
    if (revisions.isEmpty()) {
      return new AnnualReport(scope, year, false, null, null, null, null, List.of(), compute(scope, projects, year));
    }
    return published(revisions);
  }

  /** Whether the year is over, so that its report may be published. */
  public static boolean over(int year) {
    return year < EngineClock.today().getYear();
  }

  /** How many revisions of the year are published. */
  public int revisionCount(String scope, int year) {
    return records.revisions(scope, year).size();
  }

  /**
   * Publishes the year's figures as they are now (the caller checked the year is over): revision 1, or the next one
   * with the {@code reason} it corrects the previous. Two publishing at once: one fails on the revision's unique key.
   */
  public AnnualReport publish(String scope, Set<String> projects, int year, String user, String reason) {
    List<Revision> revisions = records.revisions(scope, year);
    Indicators.Report report = compute(scope, projects, year);
    Revision added;
    try {
      added = new Revision(scope, year, revisions.size() + 1, user, EngineClock.now(),
          revisions.isEmpty() || reason == null ? null : reason.strip(), json.writeValueAsString(report));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The report cannot be written as JSON", e);
    }
    records.add(added);
    List<Revision> all = new java.util.ArrayList<>(revisions);
    all.add(added);
    return published(all);
  }

  private Indicators.Report compute(String scope, Set<String> projects, int year) {
    return indicators.of(scope, projects, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  private AnnualReport published(List<Revision> revisions) {
    Revision latest = revisions.get(revisions.size() - 1);
    try {
      return new AnnualReport(latest.scope(), latest.year(), true, latest.revision(), latest.publishedBy(),
          latest.publishedAt(), latest.reason(),
          revisions.stream().map(r -> new RevisionInfo(r.revision(), r.publishedBy(), r.publishedAt(), r.reason()))
              .toList(),
          json.readValue(latest.content(), Indicators.Report.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A published report cannot be read", e);
    }
  }
}
