package io.recollect.cases;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Disputes extends JpaRepository<Dispute, UUID> {

    List<Dispute> findByCustomerIdAndStatus(UUID customerId, DisputeStatus status);

    boolean existsByInvoiceIdAndStatus(UUID invoiceId, DisputeStatus status);
}
