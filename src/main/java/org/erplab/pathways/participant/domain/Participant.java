package org.erplab.pathways.participant.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A person in the registry; the engine knows only {@link #id()}. */
public record Participant(
    UUID id,
    String projectCode,
    String fiscalCode,
    String firstName,
    String lastName,
    LocalDate birthDate,
    String gender,
    String citizenship,
    LocalDate permitExpiry,
    String phone,
    String email,
    String address,
    OffsetDateTime createdAt) {}
