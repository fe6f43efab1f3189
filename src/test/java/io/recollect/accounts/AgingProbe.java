package io.recollect.accounts;

import io.recollect.invoicing.OpenItem;
import java.util.Currency;
import java.util.List;

/** Lets tests of other packages age open items exactly as the account page does. */
public final class AgingProbe {

    private AgingProbe() {
    }

    public static Aging of(List<OpenItem> items, Currency currency) {
        return Aging.of(items, currency);
    }
}
