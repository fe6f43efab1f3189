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
    private final org.springframework.transaction.support.TransactionTemplate ownTransaction;
    private final Clock clock;

    CommunicationService(Communications communications, CustomerService customers, InvoiceService invoices,
            MailRenderer renderer, MailDelivery delivery,
            org.springframework.transaction.PlatformTransactionManager transactions, Clock clock) {
        this.ownTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
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
     * (case, ladder step): a second decision for the same step finds the first email.
     */
    @Transactional
    public UUID queueDunningEmail(UUID caseId, UUID customerId, String template, int level, UUID decisionId,
            List<OpenItem> items) {
        String key = dunningKey(caseId, template, level);
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

    /** Whether the case already has this ladder step's email. */
    @Transactional(readOnly = true)
    public boolean hasDunningStep(UUID caseId, String template, int level) {
        return communications.findByDedupeKey(dunningKey(caseId, template, level)).isPresent();
    }

    /**
     * Sends up to {@code limit} queued emails, oldest first, each recorded as sent in its own
     * transaction; returns how many went out.
     */
    public int sendQueued(int limit) {
        int sent = 0;
        for (UUID id : communications.findQueuedIds(org.springframework.data.domain.Limit.of(limit))) {
            try {
                ownTransaction.executeWithoutResult(status -> send(id));
                sent++;
            } catch (RuntimeException failed) {
                org.slf4j.LoggerFactory.getLogger(CommunicationService.class)
                        .warn("Email {} not sent, will retry: {}", id, failed.getMessage());
            }
        }
        return sent;
    }

    private static String dunningKey(UUID caseId, String template, int level) {
        return "dunning:" + caseId + ":" + (level > 0 ? "step-" + level : template);
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
