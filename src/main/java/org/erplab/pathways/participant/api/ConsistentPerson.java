package org.erplab.pathways.participant.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;
import org.erplab.pathways.common.domain.EngineClock;
import org.erplab.pathways.participant.domain.FiscalCode;

/**
 * The person's data agree with each other: birth date and gender with the fiscal code, a known country code. Errors
 * name the field ({@code birthDate}, {@code gender}, {@code citizenship}), reported with every other field error.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ConsistentPerson.Validator.class)
public @interface ConsistentPerson {

  String message() default "is inconsistent";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ConsistentPerson, PersonRequest> {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    @Override
    public boolean isValid(PersonRequest person, ConstraintValidatorContext context) {
      if (person == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      boolean valid = true;
      if (person.fiscalCode() != null && FiscalCode.validationError(person.fiscalCode()).isEmpty()) {
        FiscalCode code = FiscalCode.parse(person.fiscalCode());
        var today = EngineClock.today();
        // only fields that are valid on their own are compared (one message per field)
        if (person.birthDate() != null && person.birthDate().isBefore(today)
            && !code.birthDate(today).equals(person.birthDate())) {
          valid = violation(context, "birthDate", "does not match the fiscal code");
        }
        if (person.gender() != null && person.gender().matches("M|F") && !code.gender().equals(person.gender())) {
          valid = violation(context, "gender", "does not match the fiscal code");
        }
      }
      if (person.citizenship() != null && person.citizenship().matches("[A-Z]{2}")
          && !COUNTRIES.contains(person.citizenship())) {
        valid = violation(context, "citizenship", "unknown country code");
      }
      return valid;
    }

    private static boolean violation(ConstraintValidatorContext context, String field, String message) {
      context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
      return false;
    }
  }
}
