package org.erplab.pathways.pathway.api;

import jakarta.validation.Valid;
import java.util.Set;
import java.util.UUID;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.pathway.domain.Pathway;
import org.erplab.pathways.pathway.domain.PathwayClocks;
import org.erplab.pathways.pathway.domain.PathwayExits;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A pathway's clocks: suspension and resumption (the accredited operator of the pathway, the project's CPI, the
 * programme's managers) and the participant's withdrawal (the lab, the CPI, the operator of the pathway). Each answers
 * with the pathway as it now stands.
 */
@RestController
@RequestMapping(path = "/api/pathways/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
class PathwayClockController {

  private static final Set<String> SUSPENDERS = Set.of(Roles.CPI, Roles.MANAGER);
  private static final Set<String> WITHDRAWERS = Set.of(Roles.LAB, Roles.CPI);

  private final PathwayAccess access;
  private final PathwayClocks clocks;
  private final PathwayExits exits;
  private final PathwayViews views;

  PathwayClockController(PathwayAccess access, PathwayClocks clocks, PathwayExits exits, PathwayViews views) {
    this.access = access;
    this.clocks = clocks;
    this.exits = exits;
    this.views = views;
  }

  @PostMapping("/suspension")
  @ResponseStatus(HttpStatus.CREATED)
  PathwayView suspend(@PathVariable UUID id, @Valid @RequestBody ClockRequests.Suspend request,
      @AuthenticationPrincipal AppUser user) {
    allowed(id, user, SUSPENDERS, "suspend or resume");
    clocks.suspend(id, request.reason(), request.expectedResumption(), user.id(), null);
    return views.of(id);
  }

  @PostMapping("/resumption")
  PathwayView resume(@PathVariable UUID id, @Valid @RequestBody ClockRequests.Resume request,
      @AuthenticationPrincipal AppUser user) {
    allowed(id, user, SUSPENDERS, "suspend or resume");
    clocks.resume(id, request.reason(), user.id(), null);
    return views.of(id);
  }

  @PostMapping("/withdrawal")
  @ResponseStatus(HttpStatus.CREATED)
  PathwayView withdraw(@PathVariable UUID id, @Valid @RequestBody ClockRequests.Withdraw request,
      @AuthenticationPrincipal AppUser user) {
    allowed(id, user, WITHDRAWERS, "record a withdrawal from");
    exits.withdraw(id, request.reason(), request.date(), user.id());
    return views.of(id);
  }

  /** 404 without a part in the pathway; 403 for a role that may not act on it. */
  private void allowed(UUID id, AppUser user, Set<String> projectRoles, String action) {
    Pathway pathway = access.readable(id, user);
    boolean projectWide = projectRoles.stream().anyMatch(user::hasRole) && user.seesWholeProject(pathway.projectCode());
    boolean itsOperator = user.hasRole(Roles.OPERATOR) && user.organisation() != null
        && user.organisation().equals(pathway.operatorOrganisation());
    if (!projectWide && !itsOperator) {
      throw ApiException.forbidden("Your role may not " + action + " this pathway");
    }
  }
}
