package io.recollect.cases;

import io.recollect.plans.DisputedInvoices;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Which invoices of a customer have an open dispute: for plans, and for write-offs requested on a task. */
@Component
class PlanDisputes implements DisputedInvoices {

    private final Disputes disputes;

    PlanDisputes(Disputes disputes) {
        this.disputes = disputes;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<UUID> of(UUID customerId) {
        return disputes.findByCustomerIdAndStatus(customerId, DisputeStatus.OPEN).stream().map(Dispute::getInvoiceId)
                .collect(Collectors.toSet());
    }
}
