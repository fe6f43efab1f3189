package io.recollect.payments;

import io.recollect.shared.BusinessDate;
import io.recollect.shared.IsoCurrency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A payment as the bank or payment provider reports it. {@code externalId} makes recording
 * idempotent. Without {@code allocations} the money goes to the oldest due invoices first.
 */
public record NewPayment(
        @NotBlank @Size(max = 100) String externalId,
        @NotNull UUID customerId,
        @NotNull @Positive @Digits(integer = 15, fraction = 4) BigDecimal amount,
        @NotNull @IsoCurrency String currency,
        @NotNull @BusinessDate LocalDate receivedOn,
        @NotBlank @Size(max = 30) String method,
        @Size(max = 140) String reference,
        @Size(max = 100) List<@Valid @NotNull Allocation> allocations) {

    /** Pay this much of this invoice. */
    public record Allocation(@NotBlank String invoiceNumber,
            @NotNull @Positive @Digits(integer = 15, fraction = 4) BigDecimal amount) {
    }
}
