package io.recollect.writeoffs;

import io.recollect.shared.Money;
import java.util.List;

/**
 * Posted write-offs and their recoveries, bad debt apart from charity care (financial
 * assistance), per currency.
 */
public record WriteOffReport(List<Row> rows) {

    public enum Category { BAD_DEBT, CHARITY_CARE }

    /** One category in one currency: how many write-offs, what they wrote off, what came back since. */
    public record Row(Category category, String currency, long count, Money writtenOff, Money recovered) {
    }
}
