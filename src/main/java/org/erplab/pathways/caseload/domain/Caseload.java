package org.erplab.pathways.caseload.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.erplab.pathways.calendar.domain.ProjectCalendars;
import org.erplab.pathways.caseload.infrastructure.CaseloadQueries;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.project.domain.Organisation;
import org.erplab.pathways.project.domain.OrganisationType;
import org.erplab.pathways.security.Partitions;
import org.erplab.pathways.security.Roles;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The caseload of a project's organisations, side by side, and of each of their members (ADR 0027):
 * <ul>
 *   <li>open pathways (active or suspended), by stage: for an accredited operator those assigned to it; for the lab,
 *       the CPI, the social services and ALER those with an open task of theirs;
 *   <li>open tasks: of the organisation's part of the project (accredited operators, social services, ALER), or of the
 *       project's own tenant offered to the organisation's role (lab, CPI): overdue (due before now, not suspended),
 *       due within {@link #DUE_SOON_WORKING_DAYS} working days of the project's calendar (from now to the end of the 5th
 *       working day after today), and not claimed; per member, the tasks it claimed;
 *   <li>accredited operators only (they deliver the training and follow the internship): hours delivered this month
 *       (calendar month in {@link EngineClock#ZONE}), the training register's hours of days of the month, as corrected,
 *       and the internship attendance of the month, per member those it recorded; and active pathways with no activity
 *       for {@link #IDLE_DAYS} days (see {@link CaseloadQueries#idle}). Null for the others.
 * </ul>
 */
@Service
public class Caseload {

  public static final int DUE_SOON_WORKING_DAYS = 5;
  public static final int IDLE_DAYS = 30;

  private final CaseloadQueries queries;
  private final ProjectCalendars calendars;

  public Caseload(CaseloadQueries queries, ProjectCalendars calendars) {
    this.queries = queries;
    this.calendars = calendars;
  }

  /** A member's figures; {@code hoursThisMonth} null in an organisation that records no hours. */
  public record Member(String userId, long openTasks, long overdueTasks, long dueSoonTasks, BigDecimal hoursThisMonth) {}

  /** An organisation's figures; {@code hoursThisMonth} and {@code idlePathways} for accredited operators only. */
  public record OrganisationLoad(String organisation, String name, OrganisationType type, long openPathways,
      Map<String, Long> openByStage, long openTasks, long overdueTasks, long dueSoonTasks, long unclaimedTasks,
      BigDecimal hoursThisMonth, Long idlePathways, List<Member> members) {}

  /** The report: when it was computed, the periods it counts, and one entry per organisation. */
  public record Report(String project, OffsetDateTime asOf, LocalDate monthFrom, OffsetDateTime dueSoonUntil,
      OffsetDateTime idleSince, List<OrganisationLoad> organisations) {}

  /** The organisation types with a caseload: all but the Region, which works on no pathway. */
  public static boolean hasCaseload(Organisation organisation) {
    return organisation.type() != OrganisationType.REGION;
  }

  /** The figures of the given organisations of a project, in the given order. */
  @Transactional(readOnly = true)
  public Report of(String project, List<Organisation> organisations) {
    OffsetDateTime now = EngineClock.now();
    LocalDate today = now.atZoneSameInstant(EngineClock.ZONE).toLocalDate();
    LocalDate monthFrom = today.withDayOfMonth(1);
    OffsetDateTime horizon = calendars.workingDaysAfter(project, java.util.Date.from(now.toInstant()),
        DUE_SOON_WORKING_DAYS).toInstant().atZone(EngineClock.ZONE).toOffsetDateTime();
    OffsetDateTime idleSince = now.minusDays(IDLE_DAYS);
    if (organisations.isEmpty()) {
      return new Report(project, now, monthFrom, horizon, idleSince, List.of());
    }
    Map<String, Builder> byCode = new LinkedHashMap<>();
    for (Organisation o : organisations) {
      byCode.put(o.code(), new Builder(o));
    }
    for (CaseloadQueries.Member m : queries.members(project, byCode.keySet())) {
      byCode.get(m.organisation()).member(m.userId());
    }
    List<String> operators = codes(organisations, OrganisationType.ACCREDITED_OPERATOR);
    if (!operators.isEmpty()) {
      for (CaseloadQueries.Count c : queries.openByStage(project, operators)) {
        byCode.get(c.organisation()).openByStage.merge(c.key(), c.count(), Long::sum);
      }
      for (CaseloadQueries.Hours h : queries.hours(project, operators, monthFrom, monthFrom.plusMonths(1))) {
        byCode.get(h.organisation()).hours(h);
      }
      for (CaseloadQueries.Count c : queries.idle(project, operators, idleSince)) {
        byCode.get(c.organisation()).idle = c.count();
      }
    }
    Map<String, String> parts = new LinkedHashMap<>();
    for (Organisation o : organisations) {
      Builder builder = byCode.get(o.code());
      String role = roleInProjectTenant(o.type());
      if (role != null) {
        queries.roleTasks(project, role, now, horizon).forEach(builder::tasks);
        queries.pathwaysWithTasks(project, project, role).forEach(builder::stage);
      } else {
        parts.put(Partitions.of(project, o.code()), o.code());
        if (o.type() != OrganisationType.ACCREDITED_OPERATOR) {
          queries.pathwaysWithTasks(project, Partitions.of(project, o.code()), null).forEach(builder::stage);
        }
      }
    }
    if (!parts.isEmpty()) {
      for (CaseloadQueries.Tasks t : queries.tasks(parts.keySet(), now, horizon)) {
        byCode.get(parts.get(t.tenant())).tasks(t);
      }
    }
    return new Report(project, now, monthFrom, horizon, idleSince,
        byCode.values().stream().map(Builder::build).toList());
  }

  /** The role whose tasks in the project's own tenant are the organisation's work; null when it has a part. */
  private static String roleInProjectTenant(OrganisationType type) {
    return switch (type) {
      case LAB -> Roles.LAB;
      case CPI -> Roles.CPI;
      default -> null;
    };
  }

  private static List<String> codes(List<Organisation> organisations, OrganisationType type) {
    return organisations.stream().filter(o -> o.type() == type).map(Organisation::code).toList();
  }

  private static final class Builder {

    private final Organisation organisation;
    private final Map<String, Long> openByStage = new TreeMap<>();
    private final Map<String, long[]> members = new TreeMap<>();
    private final Map<String, BigDecimal> memberHours = new TreeMap<>();
    private long open;
    private long overdue;
    private long dueSoon;
    private long unclaimed;
    private BigDecimal hours = BigDecimal.ZERO;
    private long idle;

    Builder(Organisation organisation) {
      this.organisation = organisation;
    }

    long[] member(String userId) {
      return members.computeIfAbsent(userId, u -> new long[3]);
    }

    void tasks(CaseloadQueries.Tasks t) {
      open += t.open();
      overdue += t.overdue();
      dueSoon += t.dueSoon();
      if (t.assignee() == null) {
        unclaimed += t.open();
      } else {
        long[] m = member(t.assignee());
        m[0] += t.open();
        m[1] += t.overdue();
        m[2] += t.dueSoon();
      }
    }

    void stage(CaseloadQueries.Count c) {
      openByStage.merge(c.key(), c.count(), Long::sum);
    }

    void hours(CaseloadQueries.Hours h) {
      hours = hours.add(h.hours());
      member(h.userId());
      memberHours.merge(h.userId(), h.hours(), BigDecimal::add);
    }

    OrganisationLoad build() {
      boolean delivers = organisation.type() == OrganisationType.ACCREDITED_OPERATOR;
      List<Member> list = new ArrayList<>();
      members.forEach((user, m) -> list.add(new Member(user, m[0], m[1], m[2],
          delivers ? memberHours.getOrDefault(user, BigDecimal.ZERO) : null)));
      return new OrganisationLoad(organisation.code(), organisation.name(), organisation.type(),
          openByStage.values().stream().mapToLong(Long::longValue).sum(), openByStage, open, overdue, dueSoon,
          unclaimed, delivers ? hours : null, delivers ? idle : null, list);
    }
  }
}
