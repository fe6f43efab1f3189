package io.recollect.cases;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Hot queries are JPQL: Hibernate re-translates a derived (criteria) query on every call. */
interface Disputes extends JpaRepository<Dispute, UUID> {

    @Query("select d from Dispute d where d.customerId = :customerId and d.status = :status")
    List<Dispute> findByCustomerIdAndStatus(UUID customerId, DisputeStatus status);

    @Query("select d from Dispute d where d.customerId in :customerIds"
            + " and d.status = io.recollect.cases.DisputeStatus.OPEN")
    List<Dispute> findOpenByCustomerIds(java.util.Collection<UUID> customerIds);

    boolean existsByInvoiceIdAndStatus(UUID invoiceId, DisputeStatus status);
}
