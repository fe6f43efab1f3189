package io.recollect.dunning;

import io.recollect.customers.CustomerService;
import io.recollect.customers.CustomerView;
import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.InvoiceView;
import io.recollect.invoicing.OpenItem;
import io.recollect.invoicing.ServiceCodeCatalogue;
import io.recollect.shared.Money;
import io.recollect.shared.NotFoundException;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Objects;
import java.util.Optional;
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
    private final OutboxRows outbox;
    private final CustomerService customers;
    private final InvoiceService invoices;
    private final MailRenderer renderer;
    private final OutboxSender sender;
    private final InvoiceDocument invoiceDocument;
    private final ServiceCodeCatalogue serviceCodes;
    private final Clock clock;

    CommunicationService(Communications communications, OutboxRows outbox, CustomerService customers, InvoiceService invoices,
            MailRenderer renderer, OutboxSender sender, InvoiceDocument invoiceDocument,
            ServiceCodeCatalogue serviceCodes, Clock clock) {
        this.communications = communications;
        this.outbox = outbox;
        this.customers = customers;
        this.invoices = invoices;
        this.renderer = renderer;
        this.sender = sender;
        this.invoiceDocument = invoiceDocument;
        this.serviceCodes = serviceCodes;
        this.clock = clock;
    }

    /** The invoice email, with the invoice as a PDF, in the customer's language. */
    @Transactional
    public UUID queueInvoiceEmail(UUID invoiceId) {
        return queueOnce("invoice:" + invoiceId, () -> {
            InvoiceView invoice = invoices.get(invoiceId);
            CustomerView customer = customers.get(invoice.customerId());
            Map<String, String> described = serviceCodes.describe(invoice.lines().stream()
                    .map(InvoiceView.LineView::serviceCode).filter(Objects::nonNull).toList());
            Map<String, Object> model = Map.of("customer", customer, "invoice", invoice, "serviceCodes", described,
                    "paymentReference", referenceOrNumber(invoice.paymentReference(), invoice.number()));
            RenderedMail mail = renderer.render("invoice", customer.language(), new Object[] {invoice.number()}, model);
            MailAttachment pdf = invoiceDocument.render(invoice.number(), customer.language(), model);
            return Communication.email("invoice:" + invoiceId, customer.id(), null, invoiceId,
                    CommunicationKind.INVOICE, "invoice", null, customer.email(), mail, List.of(pdf), clock.instant());
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
            return dunningEmail(key, caseId, customers.get(customerId), template, level, items,
                    outbox.histories(List.of(caseId)).getOrDefault(caseId, LetterHistory.NONE), clock.instant());
        });
    }

    /** One ladder step's letter for a case, as a batch of the collection run decided it. */
    public record DunningEmail(UUID caseId, CustomerView customer, String template, int level, UUID decisionId,
            List<OpenItem> items) {

        DunningStep step() {
            return new DunningStep(caseId, template, level);
        }
    }

    /** A (case, ladder step): one email each, whatever decides it and however often. */
    public record DunningStep(UUID caseId, String template, int level) {

        String dedupeKey() {
            return dunningKey(caseId, template, level);
        }
    }

    /**
     * The batch form of {@link #queueDunningEmail}: every email of a batch of decisions with a
     * fixed number of statements whatever its size (one read of what exists, one of the cases'
     * history, one batch insert). The caller hands in the customers it read for the batch.
     * Returns the ids of the emails it queued; a step that has its email already is left alone.
     */
    @Transactional
    public List<UUID> queueDunningEmails(List<DunningEmail> emails) {
        if (emails.isEmpty()) {
            return List.of();
        }
        Set<DunningStep> existing = dunningStepsQueued(emails.stream().map(DunningEmail::step).toList());
        Map<UUID, LetterHistory> histories = outbox.histories(emails.stream().map(DunningEmail::caseId).toList());
        java.time.Instant now = clock.instant();
        List<Communication> rows = new java.util.ArrayList<>(emails.size());
        Set<String> keys = new HashSet<>();
        for (DunningEmail email : emails) {
            String key = email.step().dedupeKey();
            if (existing.contains(email.step()) || !keys.add(key)) {
                continue;
            }
            rows.add(dunningEmail(key, email.caseId(), email.customer(), email.template(), email.level(), email.items(),
                    histories.getOrDefault(email.caseId(), LetterHistory.NONE), now));
        }
        outbox.insertEmails(rows);
        return rows.stream().map(Communication::getId).toList();
    }

    /** Of the given steps, those whose email exists (queued, sent or failed): one query. */
    @Transactional(readOnly = true)
    public Set<DunningStep> dunningStepsQueued(Collection<DunningStep> steps) {
        Map<String, DunningStep> byKey = new HashMap<>();
        steps.forEach(step -> byKey.put(step.dedupeKey(), step));
        return outbox.existingKeys(byKey.keySet()).stream().map(byKey::get).collect(Collectors.toSet());
    }

    private Communication dunningEmail(String key, UUID caseId, CustomerView customer, String template, int level,
            List<OpenItem> items, LetterHistory history, java.time.Instant now) {
        if (items.isEmpty()) {
            throw new IllegalStateException("Case " + caseId + " has nothing overdue to remind of");
        }
        Money totalDue = items.stream().map(OpenItem::openAmount).reduce(Money::plus).orElseThrow();
        RenderedMail mail = renderer.render(template, customer.language(),
                new Object[] {items.get(0).number(), totalDue.display()},
                Map.of("customer", customer, "items", items, "totalDue", totalDue, "level", level,
                        "paymentReference", referenceOrNumber(items.get(0).paymentReference(), items.get(0).number()),
                        "history", history));
        return Communication.email(key, customer.id(), caseId, items.get(0).invoiceId(),
                CommunicationKind.DUNNING, template, level, customer.email(), mail, List.of(), now);
    }

    /** Invoices issued before references were kept are paid by their number. */
    private static String referenceOrNumber(String paymentReference, String number) {
        return paymentReference != null ? paymentReference : number;
    }

    /** An email as the customer received it (subject, HTML, text, attachments), or empty for a call note. */
    @Transactional(readOnly = true)
    public Optional<EmailAsSent> emailAsSent(UUID communicationId) {
        return communications.findById(communicationId).filter(c -> c.getChannel() == Channel.EMAIL)
                .map(EmailAsSent::of);
    }

    /**
     * A payment-plan email (agreement, instalment reminder) from the given template, once per
     * dedupe key. The model gets the customer as {@code customer}.
     */
    @Transactional
    public UUID queuePlanEmail(String dedupeKey, UUID customerId, UUID caseId, String template, Object[] subjectArgs,
            Map<String, Object> model) {
        return queueOnce(dedupeKey, () -> {
            CustomerView customer = customers.get(customerId);
            Map<String, Object> withCustomer = new java.util.HashMap<>(model);
            withCustomer.put("customer", customer);
            RenderedMail mail = renderer.render(template, customer.language(), subjectArgs, withCustomer);
            return Communication.email(dedupeKey, customerId, caseId, null, CommunicationKind.PLAN, template, null,
                    customer.email(), mail, List.of(), clock.instant());
        });
    }

    /**
     * Tells the customer what was written off, once per write-off (dedupe key
     * {@code write-off:<id>}), in the transaction that posted it.
     */
    @Transactional
    public UUID queueWriteOffNotice(UUID writeOffId, UUID customerId, UUID caseId, String template,
            List<WrittenOffItem> items) {
        String key = "write-off:" + writeOffId;
        return queueOnce(key, () -> {
            CustomerView customer = customers.get(customerId);
            Money total = items.stream().map(WrittenOffItem::amount).reduce(Money::plus).orElseThrow();
            RenderedMail mail = renderer.render(template, customer.language(),
                    new Object[] {items.get(0).invoiceNumber(), total.display()},
                    Map.of("customer", customer, "items", items, "total", total));
            return Communication.email(key, customerId, caseId, null, CommunicationKind.WRITE_OFF_NOTICE, template, null,
                    customer.email(), mail, List.of(), clock.instant());
        });
    }

    /** Whether the case already has this ladder step's email. */
    @Transactional(readOnly = true)
    public boolean hasDunningStep(UUID caseId, String template, int level) {
        return communications.findByDedupeKey(dunningKey(caseId, template, level)).isPresent();
    }

    static String dunningKey(UUID caseId, String template, int level) {
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

    /** How many queued emails are due to be sent now. */
    public int countDue() {
        return sender.countDue();
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
