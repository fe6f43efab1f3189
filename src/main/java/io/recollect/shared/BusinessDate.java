package io.recollect.shared;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * A date an invoice, payment, promise or pause can plausibly carry: 1900-01-01 to 2199-12-31.
 * Anything outside is a typo or a wrongly encoded value, and some databases cannot store it.
 * Null is valid (pair with {@code @NotNull}).
 */
@Documented
@Constraint(validatedBy = BusinessDate.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface BusinessDate {

    LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    LocalDate LATEST = LocalDate.of(2199, 12, 31);

    String message() default "must be a date from 1900-01-01 to 2199-12-31";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<BusinessDate, LocalDate> {

        @Override
        public boolean isValid(LocalDate date, ConstraintValidatorContext context) {
            return date == null || (!date.isBefore(EARLIEST) && !date.isAfter(LATEST));
        }
    }
}
