package org.erplab.pathways.participant.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.erplab.pathways.participant.domain.FiscalCode;

/** A valid Italian fiscal code (format, month, day, check character, omocodia); the message says what is wrong. */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidFiscalCode.Validator.class)
public @interface ValidFiscalCode {

  String message() default "is not a valid fiscal code";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ValidFiscalCode, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || value.isBlank()) {
        return true; // @NotBlank says it
      }
      var error = FiscalCode.validationError(value);
      if (error.isEmpty()) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(error.get().replace("{", "(").replace("}", ")"))
          .addConstraintViolation();
      return false;
    }
  }
}
