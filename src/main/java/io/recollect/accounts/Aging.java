package io.recollect.accounts;

import io.recollect.invoicing.OpenItem;
import io.recollect.shared.Money;
import java.util.Currency;
import java.util.List;

/** Open amounts by days past due: current, 1-30, 31-60, 61-90, over 90. */
public record Aging(Money current, Money days1To30, Money days31To60, Money days61To90, Money over90) {

    static Aging of(List<OpenItem> items, Currency currency) {
        Money[] buckets = new Money[5];
        java.util.Arrays.fill(buckets, Money.zero(currency));
        for (OpenItem item : items) {
            int bucket = bucketOf(item.daysPastDue());
            buckets[bucket] = buckets[bucket].plus(item.openAmount());
        }
        return new Aging(buckets[0], buckets[1], buckets[2], buckets[3], buckets[4]);
    }

    private static int bucketOf(long daysPastDue) {
        if (daysPastDue <= 0) {
            return 0;
        }
        if (daysPastDue <= 30) {
            return 1;
        }
        if (daysPastDue <= 60) {
            return 2;
        }
        return daysPastDue <= 90 ? 3 : 4;
    }
}
