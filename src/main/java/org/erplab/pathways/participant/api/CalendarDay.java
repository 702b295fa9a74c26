package org.erplab.pathways.participant.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * A day of a person's papers, between 1900-01-01 and 2099-12-31 like the dates of the task forms: year 0, year 10000
 * or a year the database cannot hold is a typing mistake, not a date to store.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CalendarDay.Validator.class)
public @interface CalendarDay {

  String message() default "must be a date between 1900-01-01 and 2099-12-31";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<CalendarDay, LocalDate> {

    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

    @Override
    public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
      return value == null || (!value.isBefore(EARLIEST) && !value.isAfter(LATEST));
    }
  }
}
