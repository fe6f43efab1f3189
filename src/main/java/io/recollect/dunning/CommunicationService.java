package io.recollect.dunning;

import io.recollect.customers.CustomerService;
import io.recollect.customers.CustomerView;
import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.InvoiceView;
import io.recollect.invoicing.OpenItem;
import io.recollect.shared.Money;
import io.recollect.shared.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dunning module's public face. Queue methods render and store an email in the caller's
 * transaction and are idempotent on their dedupe key; {@link #send} delivers one.
 */
@Service
public class CommunicationService {

    private final Communications communications;
    private final CustomerService customers;
    private final InvoiceService invoices;
    private final MailRenderer renderer;
    private final MailDelivery delivery;
    private final Clock clock;

    CommunicationService(Communications communications, CustomerService customers, InvoiceService invoices,
            MailRenderer renderer, MailDelivery delivery, Clock clock) {
        this.communications = communications;
        this.customers = customers;
        this.invoices = invoices;
        this.renderer = renderer;
        this.delivery = delivery;
        this.clock = clock;
    }

    @Transactional
    public UUID queueInvoiceEmail(UUID invoiceId) {
        return queueOnce("invoice:" + invoiceId, () -> {
            InvoiceView invoice = invoices.get(invoiceId);
            CustomerView customer = customers.get(invoice.customerId());
            RenderedMail mail = renderer.render("invoice", customer.language(),
                    new Object[] {invoice.number()}, Map.of("customer", customer, "invoice", invoice));
            return Communication.email("invoice:" + invoiceId, customer.id(), null, invoiceId,
                    CommunicationKind.INVOICE, null, customer.email(), mail.subject(), mail.body(), clock.instant());
        });
    }

    /**
     * The email of the given template and level listing the given overdue items, once per
     * deciding step (the decision id).
     */
    @Transactional
    public UUID queueDunningEmail(UUID caseId, UUID customerId, String template, int level, UUID decisionId,
            List<OpenItem> items) {
        String key = "dunning:" + caseId + ":" + decisionId;
        return queueOnce(key, () -> {
            if (items.isEmpty()) {
                throw new IllegalStateException("Case " + caseId + " has nothing overdue to remind of");
            }
            CustomerView customer = customers.get(customerId);
            Money totalDue = items.stream().map(OpenItem::openAmount).reduce(Money::plus).orElseThrow();
            RenderedMail mail = renderer.render(template, customer.language(),
                    new Object[] {items.get(0).number(), totalDue.display()},
                    Map.of("customer", customer, "items", items, "totalDue", totalDue, "level", level));
            return Communication.email(key, customerId, caseId, items.get(0).invoiceId(),
                    CommunicationKind.DUNNING, level, customer.email(), mail.subject(), mail.body(), clock.instant());
        });
    }

    /** Sends a queued email; a second call for a sent one does nothing. */
    @Transactional
    public void send(UUID communicationId) {
        Communication communication = communications.findById(communicationId)
                .orElseThrow(() -> new NotFoundException("Communication", communicationId));
        if (communication.isSent()) {
            return;
        }
        String messageId = delivery.deliver(communication);
        communication.markSent(messageId, clock.instant());
    }

    @Transactional
    public void recordContactNote(UUID customerId, UUID caseId, String taskId, String outcome, String note,
            String author) {
        queueOnce("note:" + taskId, () -> Communication.callNote("note:" + taskId, customerId, caseId, outcome,
                note, author, clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<CommunicationView> forCustomer(UUID customerId) {
        return communications.findByCustomerIdOrderByCreatedAtAsc(customerId).stream()
                .map(CommunicationView::of).toList();
    }

    private UUID queueOnce(String dedupeKey, Supplier<Communication> create) {
        return communications.findByDedupeKey(dedupeKey)
                .orElseGet(() -> communications.save(create.get()))
                .getId();
    }
}
