package org.erplab.pathways.demo.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import java.util.Set;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.demo.process.DemoClock;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.Roles;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo clock (ADR 0013): administrators and managers (a trainer is one or the other) read, move and reset the
 * engine's clock. Exists only with {@code demo.clock.enabled=true} (profile {@code demo}); elsewhere the path is 404.
 */
@RestController
@ConditionalOnProperty(name = "demo.clock.enabled", havingValue = "true")
// JSON only: a caller that accepts nothing else gets 406 before anything happens
@RequestMapping(path = "/api/admin/clock", produces = MediaType.APPLICATION_JSON_VALUE)
class DemoClockController {

  static final Set<String> TRAINERS = Set.of(Roles.ADMIN, Roles.MANAGER);

  private final DemoClock clock;

  DemoClockController(DemoClock clock) {
    this.clock = clock;
  }

  @GetMapping
  ClockView read(@AuthenticationPrincipal AppUser user) {
    requireTrainer(user);
    return view(clock.state(), null);
  }

  /** Moves the engine's clock to {@code now} and fires the timers due by then. */
  @PostMapping
  ClockView move(@Valid @RequestBody MoveClock request, @AuthenticationPrincipal AppUser user) {
    requireTrainer(user);
    int fired = clock.moveTo(request.now(), user.id());
    return view(clock.state(), fired);
  }

  @DeleteMapping
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void reset(@AuthenticationPrincipal AppUser user) {
    requireTrainer(user);
    clock.reset(user.id());
  }

  private static void requireTrainer(AppUser user) {
    if (!user.hasAnyRole(TRAINERS)) {
      throw ApiException.forbidden("Only administrators and managers move the demo clock");
    }
  }

  private static ClockView view(DemoClock.State state, Integer firedTimers) {
    return new ClockView(state.now(), state.moved(), firedTimers);
  }

  /** The moment to move the engine's clock to, with its offset (e.g. {@code 2027-01-15T09:00:00+01:00}). */
  record MoveClock(@NotNull OffsetDateTime now) {}

  /** The engine's time in Europe/Rome, whether it differs from the system's, and the timers a move fired. */
  record ClockView(OffsetDateTime now, boolean moved, Integer firedTimers) {}
}
