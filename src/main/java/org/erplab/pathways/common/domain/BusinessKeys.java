package org.erplab.pathways.common.domain;

import java.util.UUID;

/**
 * A process instance's business key is its pathway's id (a UUID in its canonical 36-character form); the processes that
 * are not a pathway's (a project's programme) have another key or none.
 */
public final class BusinessKeys {

  private static final int CANONICAL_LENGTH = 36;

  /** The pathway a business key names, or null for a key that is not a pathway's. */
  public static UUID pathwayId(String businessKey) {
    if (businessKey == null || businessKey.length() != CANONICAL_LENGTH) {
      return null;
    }
    try {
      return UUID.fromString(businessKey);
    } catch (IllegalArgumentException notAPathway) {
      return null;
    }
  }

  private BusinessKeys() {}
}
