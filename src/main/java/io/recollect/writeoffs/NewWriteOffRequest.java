package io.recollect.writeoffs;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * A collector's write-off request. Without {@code invoices} it covers every overdue invoice of the
 * account at what is open on it now; an invoice without an amount is written off in full.
 */
public record NewWriteOffRequest(
        @NotNull WriteOffReason reason,
        @Size(max = 2000) String note,
        @Size(max = 100) List<@Valid @NotNull Item> invoices) {

    /** Write off this much of this invoice (all that is open when the amount is left out). */
    public record Item(@NotBlank @Size(max = 50) String invoiceNumber,
            @Positive @Digits(integer = 15, fraction = 4) BigDecimal amount) {
    }
}
