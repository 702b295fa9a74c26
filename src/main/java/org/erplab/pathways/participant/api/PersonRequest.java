package org.erplab.pathways.participant.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The person taken in charge, as sent by the lab or the CPI. Every invalid field is reported at once. */
@ConsistentPerson
public record PersonRequest(
    @NotBlank @ValidFiscalCode String fiscalCode,
    @NotBlank @Size(max = 100) String firstName,
    @NotBlank @Size(max = 100) String lastName,
    @NotNull @Past LocalDate birthDate,
    @NotBlank @Pattern(regexp = "M|F", message = "must be M or F") String gender,
    @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code, e.g. IT") String citizenship,
    @Pattern(regexp = "(\\+?[0-9 ]{6,20})?", message = "must be a phone number") String phone,
    @Email @Size(max = 200) String email,
    @CalendarDay LocalDate permitExpiry,
    @Size(max = 300) String address) {}
