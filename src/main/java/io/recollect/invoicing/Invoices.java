package io.recollect.invoicing;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Invoices extends JpaRepository<Invoice, UUID> {

    boolean existsByNumber(String number);

    Optional<Invoice> findByNumber(String number);

    boolean existsByPaymentReference(String paymentReference);

    @Query("select i from Invoice i where i.status in"
            + " (io.recollect.invoicing.InvoiceStatus.ISSUED, io.recollect.invoicing.InvoiceStatus.PARTIALLY_PAID)"
            + " and i.openAmount = :amount and i.currencyCode = :currency order by i.dueDate, i.number")
    List<Invoice> findOpenOfAmount(java.math.BigDecimal amount, String currency,
            org.springframework.data.domain.Pageable page);

    Optional<Invoice> findByPaymentReference(String paymentReference);

    /*
     * The open statuses are literals, not a collection parameter: Hibernate caches a query's SQL
     * only when no parameter is multi-valued, and these run several times per account and day.
     */
    String OPEN_BY_CUSTOMER = "select i from Invoice i where i.customerId = :customerId and i.status in"
            + " (io.recollect.invoicing.InvoiceStatus.ISSUED, io.recollect.invoicing.InvoiceStatus.PARTIALLY_PAID)"
            + " order by i.dueDate, i.number";

    @Query(OPEN_BY_CUSTOMER)
    List<Invoice> findOpenByCustomer(UUID customerId);

    @Query("select i from Invoice i where i.customerId in :customerIds and i.status in"
            + " (io.recollect.invoicing.InvoiceStatus.ISSUED, io.recollect.invoicing.InvoiceStatus.PARTIALLY_PAID)"
            + " order by i.dueDate, i.number")
    List<Invoice> findOpenByCustomers(java.util.Collection<UUID> customerIds);

    /** Locks the customer's open invoices so two payments never allocate the same open amount. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query(OPEN_BY_CUSTOMER)
    List<Invoice> lockOpenByCustomer(UUID customerId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invoice i where i.id = :id")
    Optional<Invoice> lockById(UUID id);
}
