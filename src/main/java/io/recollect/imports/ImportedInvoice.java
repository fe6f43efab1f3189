package io.recollect.imports;

import io.recollect.invoicing.NewInvoice;
import io.recollect.shared.BusinessDate;
import io.recollect.shared.IsoCurrency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** An invoice the old system issued: its customer by external ref, its lines as on {@link NewInvoice}. */
record ImportedInvoice(
        @NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]*",
                message = "must be letters, digits and . _ / -") String number,
        @NotBlank @Size(max = 100) String customer,
        @NotNull @IsoCurrency String currency,
        @NotNull @BusinessDate LocalDate issueDate,
        @NotNull @BusinessDate LocalDate dueDate,
        @NotEmpty @Size(max = 500) List<NewInvoice.@Valid @NotNull Line> lines) {
}
