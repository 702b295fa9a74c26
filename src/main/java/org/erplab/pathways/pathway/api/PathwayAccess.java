package org.erplab.pathways.pathway.api;

import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.pathway.domain.Pathway;
import org.erplab.pathways.pathway.domain.PathwayRecords;
import org.erplab.pathways.pathway.infrastructure.PathwayListQueries;
import org.erplab.pathways.security.AppUser;
import org.erplab.pathways.security.Partitions;
import org.erplab.pathways.security.Roles;
import org.springframework.stereotype.Component;

/**
 * Need to know: a pathway (its view, its audit trail, its person's file) exists for a user only while the user's
 * organisation has a part in it now:
 * <ul>
 *   <li>the lab, the CPI, the programme's managers and auditors of the project: every pathway of it;
 *   <li>an accredited operator: the open pathways assigned to it;
 *   <li>social services and ALER: the pathways with a task of theirs open.
 * </ul>
 * Everybody else gets 404, as for a pathway that does not exist. The engine's doors hold the same line through the
 * tenants of project parts ({@link Partitions}).
 */
@Component
public class PathwayAccess {

  private final PathwayRecords pathways;

  public PathwayAccess(PathwayRecords pathways) {
    this.pathways = pathways;
  }

  /** The pathway, if the user may read it; 403 for a role that reads no pathway, 404 without a part in it. */
  public Pathway readable(UUID id, AppUser user) {
    if (!user.hasAnyRole(Roles.PROJECT_STAFF) && !user.hasRole(Roles.AUDITOR)) {
      throw ApiException.forbidden("Your role may not read pathways");
    }
    return pathways.find(id)
        .filter(p -> hasPartIn(user, p))
        .orElseThrow(() -> ApiException.notFound("No such pathway"));
  }

  /**
   * The pathway, if the user is of its accredited operator: 403 for others who may read it ({@code forbidden} says
   * what they may not do), 404 without a part in it.
   */
  public Pathway ofItsOperator(UUID id, AppUser user, String forbidden) {
    Pathway pathway = readable(id, user);
    boolean itsOperator = user.hasRole(Roles.OPERATOR) && user.organisation() != null
        && user.organisation().equals(pathway.operatorOrganisation());
    if (!itsOperator) {
      throw ApiException.forbidden(forbidden);
    }
    return pathway;
  }

  /** True while the user's organisation has a part in the pathway. */
  public boolean hasPartIn(AppUser user, Pathway pathway) {
    String project = pathway.projectCode();
    if (user.seesWholeProject(project)) {
      return true;
    }
    String organisation = user.organisation();
    if (organisation == null || !user.tenants().contains(Partitions.of(project, organisation))) {
      return false;
    }
    boolean open = !Pathway.Status.CLOSED.name().equals(pathway.status());
    if (user.hasRole(Roles.OPERATOR) && open && organisation.equals(pathway.operatorOrganisation())) {
      return true;
    }
    return user.hasAnyRole(Set.of(Roles.SOCIAL, Roles.HOUSING))
        && pathways.hasOpenTaskIn(pathway.id(), Partitions.of(project, organisation));
  }

  /**
   * The rule of {@link #hasPartIn} for lists: which pathways the user's organisation has a part in, as the scope the
   * list's SQL applies (never a filter over loaded rows). Empty for a role that reads no pathway.
   */
  public PathwayListQueries.Scope scopeOf(AppUser user) {
    Set<String> whole = new TreeSet<>();
    Set<PathwayListQueries.Part> operatorParts = new java.util.LinkedHashSet<>();
    Set<String> taskTenants = new TreeSet<>();
    if (!user.hasAnyRole(Roles.PROJECT_STAFF) && !user.hasRole(Roles.AUDITOR)) {
      return new PathwayListQueries.Scope(whole, operatorParts, taskTenants);
    }
    String organisation = user.organisation();
    for (String project : user.projects()) {
      if (user.seesWholeProject(project)) {
        whole.add(project);
      } else if (organisation != null && user.tenants().contains(Partitions.of(project, organisation))) {
        if (user.hasRole(Roles.OPERATOR)) {
          operatorParts.add(new PathwayListQueries.Part(project, organisation));
        }
        if (user.hasAnyRole(Set.of(Roles.SOCIAL, Roles.HOUSING))) {
          taskTenants.add(Partitions.of(project, organisation));
        }
      }
    }
    return new PathwayListQueries.Scope(whole, operatorParts, taskTenants);
  }

  /** True when the user's organisation has a part in any pathway of the participant now. */
  public boolean hasPartInAnyPathwayOf(AppUser user, UUID participantId) {
    return pathways.ofParticipant(participantId).stream().anyMatch(p -> hasPartIn(user, p));
  }
}
