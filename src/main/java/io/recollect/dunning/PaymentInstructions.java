package io.recollect.dunning;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How customers pay: printed in every email that asks for money. All four are required, so a
 * node with half the bank details refuses to start rather than send letters nobody can pay.
 *
 * @param payee the account holder's name as the bank knows it
 */
@Validated
@ConfigurationProperties("recollect.mail.payment-instructions")
public record PaymentInstructions(@NotBlank String payee, @NotBlank String bankName, @NotBlank String iban,
        @NotBlank String bic) {
}
