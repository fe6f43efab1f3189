package io.recollect.shared;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * A field's value that Bean Validation cannot judge alone (an amount finer than the currency's
 * minor unit, where the currency is another field or the customer's). The API answers 400 naming the field.
 */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** Refuses an amount that would need rounding to the currency's minor unit. */
    public static void requireExact(String field, BigDecimal amount, Currency currency) {
        if (amount != null && !Money.isExact(amount, currency)) {
            throw new InvalidFieldException(field, "must have at most " + currency.getDefaultFractionDigits()
                    + " decimal(s), as " + currency.getCurrencyCode() + " has");
        }
    }
}
