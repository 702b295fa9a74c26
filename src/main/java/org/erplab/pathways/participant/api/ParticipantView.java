package org.erplab.pathways.participant.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.erplab.pathways.participant.domain.IntakeRecords;

/** A participant's personal file: every read is logged. */
public record ParticipantView(
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
    List<String> vulnerabilities,
    List<IntakeRecords.CaseNote> notes) {

  public ParticipantView with(List<String> vulnerabilities, List<IntakeRecords.CaseNote> notes) {
    return new ParticipantView(id, projectCode, fiscalCode, firstName, lastName, birthDate, gender, citizenship,
        permitExpiry, phone, email, address, vulnerabilities, notes);
  }
}
