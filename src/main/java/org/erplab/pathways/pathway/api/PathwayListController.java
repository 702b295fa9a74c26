package org.erplab.pathways.pathway.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.common.api.QueryParams;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.common.domain.FieldError;
import org.erplab.pathways.participant.domain.ParticipantRegistry;
import org.erplab.pathways.pathway.domain.Pathway;
import org.erplab.pathways.pathway.infrastructure.PathwayListQueries;
import org.erplab.pathways.pathway.infrastructure.PathwayListQueries.Sort;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pathways a member of staff may see, as a list (pseudonymous: no person) and, for the roles that read personal
 * files, a search by fiscal code or name (each search recorded without the value searched, each person shown logged
 * as a read of the file). Who sees what is {@link PathwayAccess#scopeOf}, applied in SQL (ADR 0027).
 */
@RestController
@RequestMapping(path = "/api/pathways", produces = MediaType.APPLICATION_JSON_VALUE)
class PathwayListController {

  private static final Logger LOG = LoggerFactory.getLogger(PathwayListController.class);
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
  private static final Pattern FISCAL_CODE = Pattern.compile("[A-Z0-9]{16}");
  private static final Map<String, Sort> SORTS = Map.of("nextDue", Sort.NEXT_DUE, "createdAt", Sort.CREATED,
      "-createdAt", Sort.CREATED_DESC, "stage", Sort.STAGE);
  /** Words of a name search, and the shortest word. */
  private static final int MAX_WORDS = 4;
  private static final int MIN_WORD = 2;

  private final PathwayListQueries queries;
  private final PathwayAccess access;
  private final ParticipantRegistry registry;

  PathwayListController(PathwayListQueries queries, PathwayAccess access, ParticipantRegistry registry) {
    this.queries = queries;
    this.access = access;
    this.registry = registry;
  }

  /** A list item: the pathway without its person; its outcome once closed. */
  record Item(UUID id, String projectCode, String stage, String status, String operatorOrganisation,
      OffsetDateTime createdAt, OffsetDateTime suspendedSince, OffsetDateTime closedAt, int overdueDeadlines,
      OffsetDateTime nextDue, String outcome) {

    static Item of(PathwayListQueries.Row r) {
      return new Item(r.id(), r.projectCode(), r.stage(), r.status(), r.operatorOrganisation(), r.createdAt(),
          r.suspendedSince(), r.closedAt(), r.overdueDeadlines(), r.nextDue(), r.outcome());
    }
  }

  /** A search result: the pathway and the person, for the roles that read personal files. */
  record Found(Item pathway, UUID participantId, String fiscalCode, String firstName, String lastName) {}

  /**
   * The pathways the caller sees, narrowed by project, stage, status, lateness, accredited operator, outcome, the
   * person's pseudonymous id ({@code participant}) and the days it was opened ({@code createdFrom} to {@code createdTo},
   * both included, Europe/Rome); ordered by {@code sort} (default {@code nextDue}: the nearest open deadline first,
   * pathways with none last).
   */
  @GetMapping
  @Transactional(readOnly = true)
  List<Item> list(@RequestParam(required = false) String project,
      @RequestParam(required = false) String stage,
      @RequestParam(required = false) Pathway.Status status,
      @RequestParam(required = false) Boolean overdue,
      @RequestParam(required = false) String operator,
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String participant,
      @RequestParam(required = false) String createdFrom,
      @RequestParam(required = false) String createdTo,
      @RequestParam(defaultValue = "nextDue") String sort,
      @RequestParam(defaultValue = "0") int firstResult,
      @RequestParam(defaultValue = "50") int maxResults,
      @AuthenticationPrincipal AppUser user) {
    readsPathways(user);
    List<FieldError> errors = new ArrayList<>();
    checkProject(project, user, errors);
    checkCode("stage", stage, errors);
    checkCode("operator", operator, errors);
    checkCode("outcome", outcome, errors);
    UUID participantId = QueryParams.id("participant", participant, "a participant id", errors);
    LocalDate fromDay = QueryParams.day("createdFrom", createdFrom, errors);
    LocalDate toDay = QueryParams.day("createdTo", createdTo, errors);
    if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
      errors.add(new FieldError("createdTo", "must not be before createdFrom"));
    }
    if (!SORTS.containsKey(sort)) {
      errors.add(new FieldError("sort", "must be one of " + SORTS.keySet().stream().sorted().toList()));
    }
    checkPage(firstResult, maxResults, errors);
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(errors);
    }
    return queries.page(access.scopeOf(user), new PathwayListQueries.Filter(project, stage,
            status == null ? null : status.name(), overdue, operator, outcome,
            fromDay == null ? null : fromDay.atStartOfDay(EngineClock.ZONE).toOffsetDateTime(),
            toDay == null ? null : toDay.plusDays(1).atStartOfDay(EngineClock.ZONE).toOffsetDateTime(), participantId),
            SORTS.get(sort), EngineClock.now(),
            firstResult, maxResults).stream()
        .map(Item::of)
        .toList();
  }

  /**
   * The pathways of the people with that fiscal code ({@code q} of 16 letters and digits) or whose first or last name
   * starts with each word of {@code q}, among those the caller sees; newest first.
   */
  @GetMapping("/search")
  @Transactional
  List<Found> search(@RequestParam(required = false) String q,
      @RequestParam(required = false) String project,
      @RequestParam(defaultValue = "20") int maxResults,
      @AuthenticationPrincipal AppUser user) {
    if (!user.hasAnyRole(Roles.PERSONAL_DATA_READERS)) {
      throw ApiException.forbidden("Your role may not search people");
    }
    List<FieldError> errors = new ArrayList<>();
    PathwayListQueries.PersonQuery query = personQuery(q, errors);
    checkProject(project, user, errors);
    checkPage(0, maxResults, errors);
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(errors);
    }
    String kind = query.fiscalCode() != null ? "FISCAL_CODE" : "NAME";
    List<PathwayListQueries.Found> found = queries.search(access.scopeOf(user), query, project, EngineClock.now(),
        maxResults);
    OffsetDateTime now = EngineClock.now();
    queries.recordSearch(user.id(), now, kind, project, found.size());
    Set<UUID> shown = new LinkedHashSet<>();
    for (PathwayListQueries.Found f : found) {
      if (shown.add(f.participantId())) {
        registry.logAccess(f.participantId(), f.pathway().projectCode(), user.id(),
            "GET /api/pathways/search (" + kind + ")");
      }
    }
    // never the value searched: only who, which kind of search and how many pathways it showed
    LOG.info("Pathway search by {}: {} in {}, {} result(s)", user.id(), kind, project == null ? "all projects" : project,
        found.size());
    return found.stream()
        .map(f -> new Found(Item.of(f.pathway()), f.participantId(), f.fiscalCode(), f.firstName(), f.lastName()))
        .toList();
  }

  private static void readsPathways(AppUser user) {
    if (!user.hasAnyRole(Roles.PROJECT_STAFF) && !user.hasRole(Roles.AUDITOR)) {
      throw ApiException.forbidden("Your role may not read pathways");
    }
  }

  private static PathwayListQueries.PersonQuery personQuery(String q, List<FieldError> errors) {
    String text = q == null ? "" : q.strip();
    if (text.isEmpty()) {
      errors.add(new FieldError("q", "is required: a fiscal code or a name"));
      return null;
    }
    String upper = text.toUpperCase(Locale.ROOT);
    if (FISCAL_CODE.matcher(upper).matches()) {
      return new PathwayListQueries.PersonQuery(upper, List.of());
    }
    List<String> words = Arrays.stream(text.split("\\s+")).toList();
    if (text.length() > 200 || words.size() > MAX_WORDS
        || words.stream().anyMatch(w -> w.length() < MIN_WORD || !w.codePoints().allMatch(PathwayListController::nameChar))) {
      errors.add(new FieldError("q", "must be a fiscal code (16 letters and digits) or up to " + MAX_WORDS
          + " words of a name, each of at least " + MIN_WORD + " letters"));
      return null;
    }
    return new PathwayListQueries.PersonQuery(null, words);
  }

  private static boolean nameChar(int c) {
    return Character.isLetter(c) || c == '\'' || c == '-' || c == '.';
  }

  private static void checkProject(String project, AppUser user, List<FieldError> errors) {
    // a project the caller does not serve is refused like an unknown one: its existence is not revealed
    if (project != null && !user.serves(project)) {
      errors.add(new FieldError("project", "must be a project you work in"));
    }
  }

  private static void checkCode(String field, String value, List<FieldError> errors) {
    if (value != null && !CODE.matcher(value).matches()) {
      errors.add(new FieldError(field, "must be a code of capital letters, digits and underscores"));
    }
  }

  private static void checkPage(int firstResult, int maxResults, List<FieldError> errors) {
    if (firstResult < 0) {
      errors.add(new FieldError("firstResult", "must be 0 or more"));
    }
    if (maxResults < 1 || maxResults > PathwayListQueries.MAX_RESULTS) {
      errors.add(new FieldError("maxResults", "must be between 1 and " + PathwayListQueries.MAX_RESULTS));
    }
  }
}
