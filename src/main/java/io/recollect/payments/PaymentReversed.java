package io.recollect.payments;

import io.recollect.shared.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * Published when a payment is reversed (bounced, charged back): what it paid is owed again.
 * Published inside the reversing transaction, after the payment is marked reversed.
 *
 * @param recordedAt when the payment was recorded: only what was settled since can have counted it
 */
public record PaymentReversed(UUID paymentId, UUID customerId, Money amount, String reason, Instant recordedAt) {
}
