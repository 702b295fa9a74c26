package org.erplab.pathways.calendar.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.erplab.pathways.calendar.domain.NonWorkingDay;
import org.erplab.pathways.calendar.domain.ProjectCalendars;
import org.erplab.pathways.calendar.infrastructure.CalendarRecords.Closure;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.common.domain.FieldError;
import org.erplab.pathways.project.domain.ProjectDirectory;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.Roles;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A project's calendar: its named non-working days (national holidays, Easter Monday, the patron day, closures) for
 * every user serving the project, and the closures a manager adds and removes. A closure does not move deadlines
 * already set (ADR 0013).
 */
@RestController
// JSON only: a caller that accepts nothing else gets 406 before anything happens
@RequestMapping(path = "/api/projects/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
class CalendarController {

  /** The longest range listed at once. */
  static final int MAX_YEARS = 3;

  private final ProjectCalendars calendars;
  private final ProjectDirectory projects;

  CalendarController(ProjectCalendars calendars, ProjectDirectory projects) {
    this.calendars = calendars;
    this.projects = projects;
  }

  @GetMapping("/calendar")
  @Transactional(readOnly = true)
  List<NonWorkingDay> calendar(@PathVariable String code,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @AuthenticationPrincipal AppUser user) {
    requireServed(code, user);
    List<FieldError> errors = new ArrayList<>();
    if (from.isAfter(to)) {
      errors.add(new FieldError("to", "must not be before from"));
    } else if (to.isAfter(from.plusYears(MAX_YEARS))) {
      errors.add(new FieldError("to", "must be at most " + MAX_YEARS + " years after from"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.badRequest(errors);
    }
    return calendars.nonWorkingDays(code, from, to);
  }

  @GetMapping("/closures")
  @Transactional(readOnly = true)
  List<Closure> closures(@PathVariable String code, @AuthenticationPrincipal AppUser user) {
    requireServed(code, user);
    return calendars.closures(code);
  }

  @PostMapping("/closures")
  @ResponseStatus(HttpStatus.CREATED)
  @Transactional
  Closure addClosure(@PathVariable String code, @Valid @RequestBody NewClosure request,
      @AuthenticationPrincipal AppUser user) {
    requireServed(code, user);
    requireManager(user);
    if (calendars.isClosed(code, request.date())) {
      throw ApiException.conflict("The project is already closed on " + request.date());
    }
    return calendars.addClosure(code, request.date(), request.name().strip(), user.id());
  }

  @DeleteMapping("/closures/{date}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Transactional
  void removeClosure(@PathVariable String code, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @AuthenticationPrincipal AppUser user) {
    requireServed(code, user);
    requireManager(user);
    if (!calendars.removeClosure(code, date)) {
      throw ApiException.notFound("The project is not closed on " + date);
    }
  }

  private void requireServed(String code, AppUser user) {
    if (!user.serves(code) || projects.find(code).isEmpty()) {
      throw ApiException.notFound("No such project");
    }
  }

  private static void requireManager(AppUser user) {
    if (!user.hasRole(Roles.MANAGER)) {
      throw ApiException.forbidden("Only the programme's managers close a project's offices");
    }
  }

  /** A day the project is closed and why (Italian, shown in the calendar). */
  record NewClosure(@NotNull LocalDate date, @NotBlank @Size(max = 200) String name) {}
}
