package io.recollect.shared;

import java.util.Currency;

/** Two amounts in different currencies met where one currency was required. */
public class CurrencyMismatchException extends BusinessRuleException {

    public CurrencyMismatchException(Currency expected, Currency actual) {
        super("currency-mismatch", "Expected an amount in " + expected.getCurrencyCode()
                + " but got " + actual.getCurrencyCode());
    }
}
