package io.recollect.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Money.display prints what the format string it replaced printed, for every kind of currency. */
class MoneyDisplayTests {

    @Test
    void displaysAsTheFormatStringDid() {
        Random random = new Random(7);
        for (String code : new String[] {"EUR", "USD", "JPY", "BHD", "CHF"}) {
            Currency currency = Currency.getInstance(code);
            int digits = currency.getDefaultFractionDigits();
            for (long unscaled : new long[] {0, 1, -1, 5, 99, 100, 999, 1000, 12345, -12345, 100000, 999999,
                    1000000, 123456789, -987654321, Long.MAX_VALUE / 1000}) {
                assertSame(BigDecimal.valueOf(unscaled, digits), currency);
            }
            for (int i = 0; i < 500; i++) {
                assertSame(BigDecimal.valueOf(random.nextLong() % 10_000_000_000L, digits), currency);
            }
        }
    }

    private static void assertSame(BigDecimal amount, Currency currency) {
        String expected = String.format(Locale.ROOT, "%s %,." + currency.getDefaultFractionDigits() + "f",
                currency.getCurrencyCode(), amount);
        assertThat(Money.of(amount, currency).display()).as("%s %s", currency, amount).isEqualTo(expected);
    }
}
