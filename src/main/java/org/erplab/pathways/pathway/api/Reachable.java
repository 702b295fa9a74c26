package org.erplab.pathways.pathway.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A self-registration must give a phone number or an e-mail address; the error names the field {@code phone}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Reachable.Validator.class)
public @interface Reachable {

  String message() default "give a phone number or an e-mail address to be called back";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<Reachable, PublicRegistrationRequest> {

    @Override
    public boolean isValid(PublicRegistrationRequest request, ConstraintValidatorContext context) {
      if (request == null || !isBlank(request.phone()) || !isBlank(request.email())) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
          .addPropertyNode("phone").addConstraintViolation();
      return false;
    }

    private static boolean isBlank(String value) {
      return value == null || value.isBlank();
    }
  }
}
