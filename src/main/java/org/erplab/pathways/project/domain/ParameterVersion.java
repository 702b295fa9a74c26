package org.erplab.pathways.project.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One change of a project's programme parameter, kept for ever: its value from {@code validFrom} on, the value in
 * force on that day before it ({@code previousValue}, the default included), why, who and when.
 */
public record ParameterVersion(long id, String projectCode, String name, String value, LocalDate validFrom,
    String previousValue, String reason, String changedBy, OffsetDateTime changedAt) {}
