package io.recollect.payments;

import io.recollect.shared.Money;
import java.time.LocalDate;
import java.util.UUID;

/** Published once per payment, when it is first recorded and allocated. */
public record PaymentRecorded(UUID paymentId, UUID customerId, Money amount, LocalDate receivedOn) {
}
