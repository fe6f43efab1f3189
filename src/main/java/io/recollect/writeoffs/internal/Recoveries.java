package io.recollect.writeoffs.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Recoveries extends JpaRepository<Recovery, UUID> {

    boolean existsByPaymentIdAndInvoiceId(UUID paymentId, UUID invoiceId);

    List<Recovery> findByCustomerIdOrderByRecordedAtAsc(UUID customerId);

    List<Recovery> findAllByOrderByRecordedAtAsc();
}
