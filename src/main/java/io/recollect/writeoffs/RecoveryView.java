package io.recollect.writeoffs;

import io.recollect.shared.Money;
import java.time.Instant;
import java.util.UUID;

/** Money received on a written-off invoice: a recovery, reported apart from payments. */
public record RecoveryView(UUID id, UUID customerId, UUID invoiceId, UUID writeOffId, UUID paymentId,
        WriteOffReason reason, Money amount, Instant recordedAt) {
}
