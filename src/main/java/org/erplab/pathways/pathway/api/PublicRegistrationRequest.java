package org.erplab.pathways.pathway.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.erplab.pathways.participant.api.ValidFiscalCode;

/** Self-registration from the public web page: the minimum to be called back, and consent. */
@Reachable
public record PublicRegistrationRequest(
    @NotBlank String projectCode,
    @NotBlank @ValidFiscalCode String fiscalCode,
    @NotBlank @Size(max = 100) String firstName,
    @NotBlank @Size(max = 100) String lastName,
    @Pattern(regexp = "(\\+?[0-9 ]{6,20})?", message = "must be a phone number") String phone,
    @Email @Size(max = 200) String email,
    @NotNull @AssertTrue(message = "consent to data processing is required") Boolean consent) {}
