package io.recollect.invoicing;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CreditNotes extends JpaRepository<CreditNote, UUID> {

    long countByInvoiceId(UUID invoiceId);
}
