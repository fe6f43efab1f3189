package io.recollect.cases;

import java.util.UUID;

/** A dispute as the API returns it. */
public record DisputeView(UUID id, UUID customerId, UUID invoiceId, String reason, DisputeStatus status) {

    static DisputeView of(Dispute d) {
        return new DisputeView(d.getId(), d.getCustomerId(), d.getInvoiceId(), d.getReason(), d.getStatus());
    }
}
