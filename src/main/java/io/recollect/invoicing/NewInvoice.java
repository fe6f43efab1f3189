package io.recollect.invoicing;

import io.recollect.shared.BusinessDate;
import io.recollect.shared.IsoCurrency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A draft invoice as an integrating system sends it. */
public record NewInvoice(
        @NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]*",
                message = "must be letters, digits and . _ / -") String number,
        @NotNull UUID customerId,
        @NotNull @IsoCurrency String currency,
        @NotNull @BusinessDate LocalDate issueDate,
        @NotNull @BusinessDate LocalDate dueDate,
        @NotEmpty @Size(max = 500) List<@Valid @NotNull Line> lines) {

    /** One billed item; taxRate is a fraction (0.2 for 20 %). */
    public record Line(
            @Size(max = 30) String serviceCode,
            @NotBlank @Size(max = 500) String description,
            @NotNull @Positive @Digits(integer = 12, fraction = 4) BigDecimal quantity,
            @NotNull @Positive @Digits(integer = 13, fraction = 4) BigDecimal unitPrice,
            @NotNull @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4) BigDecimal taxRate) {
    }
}
