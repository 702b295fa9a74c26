package org.erplab.pathways.pathway.api;

import java.util.UUID;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.pathway.domain.Pathway;
import org.erplab.pathways.pathway.domain.PathwayRecords;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.Roles;
import org.springframework.stereotype.Component;

/** Who may look at a pathway: project staff and auditors of its project. Another project's pathway is a 404. */
@Component
public class PathwayAccess {

  private final PathwayRecords pathways;

  public PathwayAccess(PathwayRecords pathways) {
    this.pathways = pathways;
  }

  public Pathway readable(UUID id, AppUser user) {
    if (!user.hasAnyRole(Roles.PROJECT_STAFF) && !user.hasRole(Roles.AUDITOR)) {
      throw ApiException.forbidden("Your role may not read pathways");
    }
    return pathways.find(id)
        .filter(p -> user.serves(p.projectCode()))
        .orElseThrow(() -> ApiException.notFound("No pathway " + id));
  }
}
