package io.recollect.payments;

import java.util.UUID;

/** Published once per payment, when it is first recorded and allocated. */
public record PaymentRecorded(UUID paymentId, UUID customerId) {
}
