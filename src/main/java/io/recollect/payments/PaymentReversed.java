package io.recollect.payments;

import io.recollect.shared.Money;
import java.util.UUID;

/** Published when a payment is reversed (bounced, charged back): what it paid is owed again. */
public record PaymentReversed(UUID paymentId, UUID customerId, Money amount, String reason) {
}
