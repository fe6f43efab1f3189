package io.recollect.payments;

import io.recollect.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A recorded payment and what it paid; {@code recordedBy} is the user who recorded it, or "system". */
public record PaymentView(UUID id, String externalId, UUID customerId, Money amount, Money unapplied,
        LocalDate receivedOn, String method, String reference, Instant recordedAt, String recordedBy,
        List<AllocationView> allocations) {

    public record AllocationView(UUID invoiceId, Money amount) {
    }

    static PaymentView of(Payment p) {
        return new PaymentView(p.getId(), p.getExternalId(), p.getCustomerId(), p.getAmount(), p.getUnapplied(),
                p.getReceivedOn(), p.getMethod(), p.getReference(), p.getRecordedAt(), p.getRecordedBy(),
                p.getAllocations().stream()
                        .map(a -> new AllocationView(a.getInvoiceId(), Money.of(a.getAmount(), p.getAmount().currency())))
                        .toList());
    }
}
