package org.erplab.pathways.pathway.api;

import java.util.UUID;
import org.erplab.pathways.security.AppUser;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A pathway's placement and follow-ups, for whoever may read the pathway. They are written through the tasks
 * (Task_RecordPlacement, Task_VerifyPlacement, Task_FollowUp), at every door.
 */
@RestController
class PlacementController {

  private final PathwayAccess access;
  private final PathwayViews views;

  PlacementController(PathwayAccess access, PathwayViews views) {
    this.access = access;
    this.views = views;
  }

  /** 200 with every hire and follow-up (empty before the stage); 403 for a role that reads no pathway; 404. */
  @GetMapping(path = "/api/pathways/{id}/placement", produces = MediaType.APPLICATION_JSON_VALUE)
  PlacementView placement(@PathVariable UUID id, @AuthenticationPrincipal AppUser user) {
    access.readable(id, user);
    return views.placement(id);
  }
}
