package io.recollect.shared;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in one currency, kept at the currency's minor-unit scale. Arithmetic across
 * currencies is refused rather than converted: Recollect never guesses an exchange rate.
 * Only currencies with a minor unit (not XXX, XAU, XDR...) can hold money.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (!hasMinorUnit(currency)) {
            throw new IllegalArgumentException(currency.getCurrencyCode() + " has no minor unit");
        }
        amount = amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_UP);
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /** True when the amount needs no rounding to the currency's minor unit: 1.20 EUR is, 1.205 EUR is not. */
    public static boolean isExact(BigDecimal amount, Currency currency) {
        return hasMinorUnit(currency) && amount.stripTrailingZeros().scale() <= currency.getDefaultFractionDigits();
    }

    /** ISO 4217 gives metals, funds and test codes (XAU, XDR, XTS, XXX) no minor unit; they are not money here. */
    public static boolean hasMinorUnit(Currency currency) {
        return currency.getDefaultFractionDigits() >= 0;
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other).amount), currency);
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    @JsonIgnore
    public boolean isZero() {
        return amount.signum() == 0;
    }

    @JsonIgnore
    public boolean isPositive() {
        return amount.signum() > 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(sameCurrency(other).amount);
    }

    /** Plain display such as "EUR 1,234.50", independent of the server's locale. */
    public String display() {
        // What String.format(ROOT, "%s %,.<digits>f") prints, without parsing a format per call:
        // every email of a run prints several amounts.
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        String plain = amount.abs().setScale(digits, RoundingMode.HALF_UP).toPlainString();
        int point = plain.indexOf('.');
        String whole = point < 0 ? plain : plain.substring(0, point);
        StringBuilder out = new StringBuilder(currency.getCurrencyCode().length() + plain.length() + 8)
                .append(currency.getCurrencyCode()).append(' ');
        if (amount.signum() < 0) {
            out.append('-');
        }
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(whole.charAt(i));
        }
        return point < 0 ? out.toString() : out.append(plain, point, plain.length()).toString();
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
        return other;
    }
}
