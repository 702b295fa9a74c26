package org.erplab.pathways.security;

/**
 * Who may see what, as tenants of the engine. A project's work is split in parts:
 * <ul>
 *   <li>the project itself ({@code LORENTEGGIO}): intake, eligibility, the pathway that runs the stages. The lab, the
 *       CPI, the programme's managers and auditors of the project see it;
 *   <li>one part per partner organisation that works on its own share of the pathways ({@code LORENTEGGIO.SOLCO}): an
 *       accredited operator, social services, ALER. Its own staff see it, and so does everybody who sees the project.
 * </ul>
 * Every process instance carries one of these as tenant id, so Camunda's tenant check keeps an accredited operator
 * out of intakes and out of a competitor's pathways at every door (tasks, instances, variables, history), at the cost
 * of an indexed column comparison. The parts are kept in step with the project's partners by
 * {@code PartitionMemberships}.
 */
public final class Partitions {

  public static final char SEPARATOR = '.';

  private Partitions() {}

  /** The tenant id of an organisation's part of a project. */
  public static String of(String projectCode, String organisationCode) {
    return projectCode + SEPARATOR + organisationCode;
  }

  /** The project a tenant id belongs to ({@code LORENTEGGIO.SOLCO} and {@code LORENTEGGIO}: {@code LORENTEGGIO}). */
  public static String projectOf(String tenantId) {
    if (tenantId == null) {
      return null;
    }
    int separator = tenantId.indexOf(SEPARATOR);
    return separator < 0 ? tenantId : tenantId.substring(0, separator);
  }

  /** The organisation of a part, or {@code null} for a project's own tenant. */
  public static String organisationOf(String tenantId) {
    if (tenantId == null) {
      return null;
    }
    int separator = tenantId.indexOf(SEPARATOR);
    return separator < 0 ? null : tenantId.substring(separator + 1);
  }

  public static boolean isPart(String tenantId) {
    return tenantId != null && tenantId.indexOf(SEPARATOR) >= 0;
  }
}
