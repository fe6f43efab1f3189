package io.recollect.invoicing;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Invoices extends JpaRepository<Invoice, UUID> {

    boolean existsByNumber(String number);

    Optional<Invoice> findByNumber(String number);

    @Query("select i from Invoice i where i.customerId = :customerId and i.status in :statuses order by i.dueDate, i.number")
    List<Invoice> findByCustomerAndStatus(UUID customerId, Collection<InvoiceStatus> statuses);

    /** Locks the customer's open invoices so two payments never allocate the same open amount. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invoice i where i.customerId = :customerId and i.status in :statuses order by i.dueDate, i.number")
    List<Invoice> lockByCustomerAndStatus(UUID customerId, Collection<InvoiceStatus> statuses);
}
