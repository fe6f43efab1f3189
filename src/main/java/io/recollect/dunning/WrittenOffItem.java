package io.recollect.dunning;

import io.recollect.shared.Money;

/** One invoice line of a write-off notice: which invoice, and how much of it was written off. */
public record WrittenOffItem(String invoiceNumber, Money amount) {
}
