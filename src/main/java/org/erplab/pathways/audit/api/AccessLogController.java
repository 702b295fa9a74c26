package org.erplab.pathways.audit.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.erplab.pathways.audit.infrastructure.AccessLogQueries;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.common.api.ApiTime;
import org.erplab.pathways.common.api.QueryParams;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.common.domain.FieldError;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.Roles;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The access log of personal files for auditors and the privacy officer: who read whose file (pseudonymous participant
 * id), when and through which door, in the projects the caller serves, by participant, user and period (dates in
 * Europe/Rome, {@code to} included), newest first.
 */
@RestController
@RequestMapping(path = "/api/audit/access-log", produces = MediaType.APPLICATION_JSON_VALUE)
class AccessLogController {

  private static final Set<String> READERS = Set.of(Roles.AUDITOR, Roles.PRIVACY);
  private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  private final AccessLogQueries queries;

  AccessLogController(AccessLogQueries queries) {
    this.queries = queries;
  }

  /** A line of the log; {@code at} in Europe/Rome. */
  record Line(OffsetDateTime at, UUID participantId, String projectCode, String userId, String channel) {}

  @GetMapping
  @Transactional(readOnly = true)
  List<Line> accessLog(@RequestParam(required = false) String participant,
      @RequestParam(required = false) String user,
      @RequestParam(required = false) String project,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") int firstResult,
      @RequestParam(defaultValue = "100") int maxResults,
      @AuthenticationPrincipal AppUser caller) {
    if (!caller.hasAnyRole(READERS)) {
      throw ApiException.forbidden("Only auditors and the privacy officer read the access log");
    }
    List<FieldError> errors = new ArrayList<>();
    UUID participantId = QueryParams.id("participant", participant, "a participant id", errors);
    if (user != null && !USER_ID.matcher(user).matches()) {
      errors.add(new FieldError("user", "must be a user id"));
    }
    if (project != null && !caller.serves(project)) {
      errors.add(new FieldError("project", "must be a project you work in"));
    }
    LocalDate fromDay = QueryParams.day("from", from, errors);
    LocalDate toDay = QueryParams.day("to", to, errors);
    if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
      errors.add(new FieldError("to", "must not be before from"));
    }
    if (firstResult < 0) {
      errors.add(new FieldError("firstResult", "must be 0 or more"));
    }
    if (maxResults < 1 || maxResults > AccessLogQueries.MAX_RESULTS) {
      errors.add(new FieldError("maxResults", "must be between 1 and " + AccessLogQueries.MAX_RESULTS));
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(errors);
    }
    Set<String> projects = project != null ? Set.of(project) : caller.projects();
    return queries.page(new AccessLogQueries.Filter(projects, participantId, user,
                fromDay == null ? null : fromDay.atStartOfDay(EngineClock.ZONE).toOffsetDateTime(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(EngineClock.ZONE).toOffsetDateTime()),
            firstResult, maxResults).stream()
        .map(a -> new Line(ApiTime.of(a.at().toInstant()), a.participantId(), a.projectCode(), a.userId(), a.channel()))
        .toList();
  }
}
