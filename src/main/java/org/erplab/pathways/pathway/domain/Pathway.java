package org.erplab.pathways.pathway.domain;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One person's journey in a project (table pathway). Stage and outcome are written by the processes. */
public record Pathway(
    UUID id,
    UUID participantId,
    String projectCode,
    String channel,
    String processInstanceId,
    String stage,
    String status,
    String outcome,
    String reasons,
    String referral,
    String operatorOrganisation,
    OffsetDateTime consentAt,
    OffsetDateTime createdAt,
    OffsetDateTime closedAt) {

  public List<String> reasonList() {
    return reasons == null || reasons.isBlank() ? List.of() : Arrays.asList(reasons.split(","));
  }

  public enum Channel { LAB, CPI_DESK, SELF_REGISTRATION }

  public enum Status { ACTIVE, SUSPENDED, CLOSED }
}
