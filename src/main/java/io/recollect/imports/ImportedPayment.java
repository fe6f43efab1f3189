package io.recollect.imports;

import io.recollect.payments.NewPayment;
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

/**
 * A payment the old system received: its payer by external ref, and how it was allocated, by
 * invoice number (none: oldest due first, after the payer's allocated payments).
 */
record ImportedPayment(
        @NotBlank @Size(max = 100) String externalId,
        @NotBlank @Size(max = 100) String payer,
        @NotNull @Positive @Digits(integer = 15, fraction = 4) BigDecimal amount,
        @NotNull @IsoCurrency String currency,
        @NotNull @BusinessDate LocalDate receivedOn,
        @NotBlank @Size(max = 30) String method,
        @Size(max = 140) String reference,
        @Size(max = 100) List<NewPayment.@Valid @NotNull Allocation> allocations) {

    List<NewPayment.Allocation> allocationsOrNone() {
        return allocations == null ? List.of() : allocations;
    }
}
