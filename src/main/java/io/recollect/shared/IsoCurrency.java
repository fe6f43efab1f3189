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
import java.util.Currency;

/**
 * An ISO 4217 code of a currency that money can be held in: known to the JDK and with a minor
 * unit, so not XXX, XTS, XAU or XDR. Null is valid (pair with {@code @NotNull}).
 */
@Documented
@Constraint(validatedBy = IsoCurrency.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoCurrency {

    String message() default "must be an ISO 4217 currency code with a minor unit, such as EUR";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IsoCurrency, String> {

        @Override
        public boolean isValid(String code, ConstraintValidatorContext context) {
            if (code == null) {
                return true;
            }
            if (!code.matches("[A-Z]{3}")) {
                return false;
            }
            try {
                return Money.hasMinorUnit(Currency.getInstance(code));
            } catch (IllegalArgumentException unknown) {
                return false;
            }
        }
    }
}
