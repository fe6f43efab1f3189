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
 * transaction and are idempotent on their dedupe key; {@link #sendQueued} delivers what is due,
 * {@link #send} one email.
 */
@Service
public class CommunicationService {

    private final Communications communications;
    private final CustomerService customers;
    private final InvoiceService invoices;
    private final MailRenderer renderer;
    private final OutboxSender sender;
    private final Clock clock;

    CommunicationService(Communications communications, CustomerService customers, InvoiceService invoices,
            MailRenderer renderer, OutboxSender sender, Clock clock) {
        this.communications = communications;
        this.customers = customers;
        this.invoices = invoices;
        this.renderer = renderer;
        this.sender = sender;
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

    private static String dunningKey(UUID caseId, String template, int level) {
        return "dunning:" + caseId + ":" + (level > 0 ? "step-" + level : template);
    }

    /**
     * Sends due queued emails, up to {@code limit}, over one SMTP connection, each recorded in a
     * transaction of its own as soon as the server accepted it. Safe to call on every node at
     * once; an SMTP outage ends the sweep after one attempt.
     */
    public SendResult sendQueued(int limit) {
        return sender.sendQueued(limit);
    }

    /**
     * Sends one queued email now, whatever its retry schedule; a sent one is left alone. Throws
     * when it was not sent, so a job calling this is retried and then shows an incident.
     */
    public void send(UUID communicationId) {
        OutboxSender.Outcome outcome = sender.sendOne(communicationId);
        if (outcome == OutboxSender.Outcome.SENT) {
            return;
        }
        Communication communication = communications.findById(communicationId)
                .orElseThrow(() -> new NotFoundException("Communication", communicationId));
        if (communication.getStatus() != CommunicationStatus.SENT) {
            throw new IllegalStateException("Email " + communicationId + " not sent (" + communication.getStatus()
                    + ", attempt " + communication.getAttempts() + "): " + reason(communication.getLastError()));
        }
    }

    /** The server's refusal may quote the address: that stays in the table, out of job messages and logs. */
    private static String reason(String lastError) {
        if (lastError != null && lastError.startsWith(MailDelivery.ServerUnavailableException.PREFIX)) {
            return lastError;
        }
        return "the SMTP server refused it (communications.last_error says why)";
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

    /** What one communication said, as stored when it was written; the caller has checked access to its customer. */
    @Transactional(readOnly = true)
    public java.util.Optional<CommunicationContent> content(UUID communicationId) {
        return communications.findById(communicationId).map(CommunicationContent::of);
    }

    private UUID queueOnce(String dedupeKey, Supplier<Communication> create) {
        return communications.findByDedupeKey(dedupeKey)
                .orElseGet(() -> communications.save(create.get()))
                .getId();
    }
}
