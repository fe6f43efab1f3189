package io.recollect.customers;

import io.recollect.shared.IsoCurrency;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an integrating system sends to register a customer. */
public record NewCustomer(
        @NotBlank @Size(max = 100) String externalRef,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 320) String email,
        @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "must be a language tag such as en or de-AT") String language,
        @NotNull Segment segment,
        RiskBand riskBand,
        @NotNull @IsoCurrency String currency) {
}
