package io.recollect.payments;

import io.recollect.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A recorded payment and what it paid; {@code recordedBy} is the user who recorded it, or "system". */
public record PaymentView(UUID id, String externalId, UUID customerId, Money amount, Money unapplied,
        LocalDate receivedOn, String method, String reference, Instant recordedAt, String recordedBy,
        List<AllocationView> allocations, Reversal reversal, List<RefundView> refunds) {

    /** {@code reversedAt} is set when the payment was reversed: the allocation no longer pays the invoice. */
    public record AllocationView(UUID invoiceId, Money amount, AllocationSource source, Instant reversedAt) {
    }

    /** Why and by whom the payment was reversed; null while it stands. */
    public record Reversal(Instant at, String reason, String by) {
    }

    public record RefundView(UUID id, Money amount, String reason, String by, Instant at) {
    }

    static PaymentView of(Payment p) {
        return new PaymentView(p.getId(), p.getExternalId(), p.getCustomerId(), p.getAmount(), p.getUnapplied(),
                p.getReceivedOn(), p.getMethod(), p.getReference(), p.getRecordedAt(), p.getRecordedBy(),
                p.getAllocations().stream()
                        .map(a -> new AllocationView(a.getInvoiceId(), Money.of(a.getAmount(), p.getAmount().currency()),
                                a.getSource(), a.getReversedAt()))
                        .toList(),
                p.isReversed() ? new Reversal(p.getReversedAt(), p.getReversalReason(), p.getReversedBy()) : null,
                p.getRefunds().stream().map(r -> new RefundView(r.getId(), Money.of(r.getAmount(),
                        p.getAmount().currency()), r.getReason(), r.getRefundedBy(), r.getRefundedAt())).toList());
    }
}
