package org.erplab.pathways.audit.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.erplab.pathways.audit.infrastructure.AuditLog;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.common.api.ExportFiles;
import org.erplab.pathways.common.api.QueryParams;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.common.domain.FieldError;
import org.erplab.pathways.pathway.api.PathwayAccess;
import org.erplab.pathways.pathway.domain.Pathway;
import org.erplab.pathways.pathway.infrastructure.PathwayListQueries;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.Roles;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditors' exports (ADR 0037): one pathway's audit record as CSV or PDF, for whoever may read it, and the list of
 * pathways of the caller's projects (auditors, managers, admins) as JSON, CSV or PDF. Pseudonymous: the pathway's id,
 * project, stage, status, outcome, dates and accredited operator; never a name or a fiscal code. Reading them records
 * nothing: they hold no personal data (the access log is for personal files).
 */
@RestController
@RequestMapping("/api")
class AuditExportController {

  /** The most events one pathway's file holds. */
  static final int MAX_EVENTS = 100_000;
  /** The most pathways one list file holds, and the default for files (the JSON list keeps the list's 200). */
  static final int MAX_FILE_PATHWAYS = 10_000;
  static final int DEFAULT_JSON_PATHWAYS = 50;
  static final Set<String> LIST_READERS = Set.of(Roles.AUDITOR, Roles.MANAGER, Roles.ADMIN);

  private static final int PAGE = 1000;
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
  private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");
  private static final List<String> TRAIL_HEADINGS = List.of("N.", "Data e ora", "Evento", "Eseguito da", "Elemento",
      "Istanza", "Dettagli", "Hash");
  private static final float[] TRAIL_WIDTHS = {3, 9, 11, 8, 12, 12, 33, 12};
  private static final List<String> LIST_HEADINGS = List.of("Percorso", "Progetto", "Fase", "Stato", "Esito",
      "Creato il", "Chiuso il", "Operatore");
  private static final float[] LIST_WIDTHS = {20, 10, 12, 8, 14, 11, 11, 10};

  private final PathwayAccess access;
  private final AuditLog log;
  private final PathwayListQueries pathways;

  AuditExportController(PathwayAccess access, AuditLog log, PathwayListQueries pathways) {
    this.access = access;
    this.log = log;
    this.pathways = pathways;
  }

  /** The format of an export. */
  enum Format {
    JSON, CSV, PDF;

    static Format of(String value, Set<Format> allowed, List<FieldError> errors) {
      String names = allowed.stream().map(f -> f.name().toLowerCase(Locale.ROOT)).sorted().toList().toString();
      for (Format format : allowed) {
        if (format.name().equalsIgnoreCase(value)) {
          return format;
        }
      }
      errors.add(new FieldError("format", "must be one of " + names));
      return null;
    }
  }

  /** A pathway of the list, without its person. */
  record Item(UUID id, String projectCode, String stage, String status, String outcome, OffsetDateTime createdAt,
      OffsetDateTime closedAt, String operatorOrganisation) {

    static Item of(PathwayListQueries.Row r) {
      return new Item(r.id(), r.projectCode(), r.stage(), r.status(), r.outcome(), at(r.createdAt()), at(r.closedAt()),
          r.operatorOrganisation());
    }

    private static OffsetDateTime at(OffsetDateTime t) {
      return t == null ? null : t.atZoneSameInstant(EngineClock.ZONE).toOffsetDateTime();
    }
  }

  /**
   * Every event of the pathway's audit record (ADR 0035) in chain order, as {@code csv} (default) or {@code pdf}: 403
   * for roles that may not read pathways, 404 for an unknown or another project's pathway, 400 naming {@code format},
   * or the pathway when it has more than {@value #MAX_EVENTS} events.
   */
  @GetMapping("/pathways/{id}/audit/export")
  @Transactional(readOnly = true)
  ResponseEntity<byte[]> trail(@PathVariable UUID id, @RequestParam(defaultValue = "csv") String format,
      @AuthenticationPrincipal AppUser user) {
    Pathway pathway = access.readable(id, user);
    List<FieldError> errors = new ArrayList<>();
    Format chosen = Format.of(format, Set.of(Format.CSV, Format.PDF), errors);
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(errors);
    }
    List<AuditLog.Recorded> events = new ArrayList<>();
    List<AuditLog.Recorded> page;
    do {
      page = log.page(pathway.id(), events.size(), PAGE);
      events.addAll(page);
      if (events.size() > MAX_EVENTS) {
        throw ApiException.badRequest("id", "the pathway has more than " + MAX_EVENTS
            + " events, too many for one file: read them in pages from GET /api/pathways/{id}/audit");
      }
    } while (page.size() == PAGE);
    List<List<String>> rows = events.stream().map(e -> Arrays.asList(Long.toString(e.seq()),
        ExportFiles.dateTime(e.at()), e.type(), e.actor(), e.elementId(), e.processInstanceId(),
        e.details() == null ? "" : e.details(), e.hash())).toList();
    ExportFiles.Table table = new ExportFiles.Table("Registro di audit del percorso " + pathway.id(),
        EngineClock.now(), TRAIL_HEADINGS, TRAIL_WIDTHS, rows);
    return file(table, chosen, "audit-" + pathway.id());
  }

  /**
   * The pathways of the projects the caller serves (auditors, managers, admins; other roles 403), by project, status,
   * outcome and day of creation ({@code from}, {@code to}: Europe/Rome, {@code to} included), newest first, as
   * {@code json} (default), {@code csv} or {@code pdf}.
   */
  @GetMapping("/audit/pathways")
  @Transactional(readOnly = true)
  ResponseEntity<?> list(@RequestParam(required = false) String project,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") int firstResult,
      @RequestParam(required = false) Integer maxResults,
      @RequestParam(defaultValue = "json") String format,
      @AuthenticationPrincipal AppUser user) {
    if (!user.hasAnyRole(LIST_READERS)) {
      throw ApiException.forbidden("Only auditors, managers and admins export the list of pathways");
    }
    List<FieldError> errors = new ArrayList<>();
    Format chosen = Format.of(format, Set.of(Format.JSON, Format.CSV, Format.PDF), errors);
    // a project the caller does not serve is refused like an unknown one: its existence is not revealed
    if (project != null && !user.serves(project)) {
      errors.add(new FieldError("project", "must be a project you work in"));
    }
    if (status != null && Arrays.stream(Pathway.Status.values()).noneMatch(s -> s.name().equals(status))) {
      errors.add(new FieldError("status", "must be one of " + Arrays.toString(Pathway.Status.values())));
    }
    if (outcome != null && !CODE.matcher(outcome).matches()) {
      errors.add(new FieldError("outcome", "must be a code of capital letters, digits and underscores"));
    }
    LocalDate fromDay = QueryParams.day("from", from, errors);
    LocalDate toDay = QueryParams.day("to", to, errors);
    if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
      errors.add(new FieldError("to", "must not be before from"));
    }
    int limit = chosen == Format.JSON || chosen == null ? PathwayListQueries.MAX_RESULTS : MAX_FILE_PATHWAYS;
    int pageSize = maxResults != null ? maxResults : chosen == Format.JSON ? DEFAULT_JSON_PATHWAYS : limit;
    if (firstResult < 0) {
      errors.add(new FieldError("firstResult", "must be 0 or more"));
    }
    if (pageSize < 1 || pageSize > limit) {
      errors.add(new FieldError("maxResults", "must be between 1 and " + limit + " for this format"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(errors);
    }
    PathwayListQueries.Filter filter = new PathwayListQueries.Filter(project, null, status, null, null, outcome,
        fromDay == null ? null : fromDay.atStartOfDay(EngineClock.ZONE).toOffsetDateTime(),
        toDay == null ? null : toDay.plusDays(1).atStartOfDay(EngineClock.ZONE).toOffsetDateTime());
    OffsetDateTime now = EngineClock.now();
    List<Item> items = pathways.page(wholeProjectsOf(user), filter, PathwayListQueries.Sort.CREATED_DESC, now,
        firstResult, pageSize).stream().map(Item::of).toList();
    if (chosen == Format.JSON) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(items);
    }
    List<List<String>> rows = items.stream().map(i -> Arrays.asList(i.id().toString(), i.projectCode(), i.stage(),
        i.status(), i.outcome(), ExportFiles.dateTime(i.createdAt()), ExportFiles.dateTime(i.closedAt()),
        i.operatorOrganisation())).toList();
    ExportFiles.Table table = new ExportFiles.Table("Elenco percorsi", now, LIST_HEADINGS, LIST_WIDTHS, rows);
    return file(table, chosen, "audit-percorsi-" + FILE_TIME.format(now.atZoneSameInstant(EngineClock.ZONE)));
  }

  /**
   * The list's scope (the SQL of {@link PathwayAccess#scopeOf}): every pathway of the projects the caller sees whole.
   * The list's readers all see their projects whole; admins among them, whom the staff's list leaves out.
   */
  private static PathwayListQueries.Scope wholeProjectsOf(AppUser user) {
    Set<String> whole = new TreeSet<>();
    user.projects().stream().filter(user::seesWholeProject).forEach(whole::add);
    return new PathwayListQueries.Scope(whole, Set.of(), Set.of());
  }

  private static ResponseEntity<byte[]> file(ExportFiles.Table table, Format format, String name) {
    return ExportFiles.attachment(table, format == Format.PDF, name);
  }
}
