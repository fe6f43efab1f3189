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
        @NotNull @IsoCurrency String currency,
        @Size(max = 40) @Pattern(regexp = "\\+?[0-9][0-9 ()./-]{3,38}",
                message = "must be a phone number of digits, spaces and + ( ) . / -, such as +44 20 7946 0958")
        String phone) {

    /** A customer who gave no phone number. */
    public NewCustomer(String externalRef, String name, String email, String language, Segment segment,
            RiskBand riskBand, String currency) {
        this(externalRef, name, email, language, segment, riskBand, currency, null);
    }
}
