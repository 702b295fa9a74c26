package org.erplab.pathways.participant.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.erplab.pathways.common.api.ApiException;
import org.erplab.pathways.participant.domain.FiscalCode;
import org.springframework.stereotype.Component;

/** Checks that bean validation cannot express: the fiscal code, and that it agrees with birth date and gender. */
@Component
public class PersonValidator {

  static final Set<String> EU = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR",
      "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  public List<ApiException.FieldError> check(String prefix, String fiscalCode, LocalDate birthDate, String gender,
      String citizenship, LocalDate today) {
    List<ApiException.FieldError> errors = new ArrayList<>();
    var error = FiscalCode.validationError(fiscalCode);
    if (error.isPresent()) {
      errors.add(new ApiException.FieldError(prefix + "fiscalCode", error.get()));
    } else {
      FiscalCode code = FiscalCode.parse(fiscalCode);
      if (birthDate != null && !code.birthDate(today).equals(birthDate)) {
        errors.add(new ApiException.FieldError(prefix + "birthDate", "does not match the fiscal code"));
      }
      if (gender != null && !code.gender().equals(gender)) {
        errors.add(new ApiException.FieldError(prefix + "gender", "does not match the fiscal code"));
      }
    }
    if (citizenship != null && !COUNTRIES.contains(citizenship)) {
      errors.add(new ApiException.FieldError(prefix + "citizenship", "unknown country code"));
    }
    return errors;
  }

  public static boolean isEuCitizen(String citizenship) {
    return EU.contains(citizenship);
  }
}
