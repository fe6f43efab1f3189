package io.recollect.dunning;

import io.recollect.customers.CustomerService;
import io.recollect.customers.CustomerView;
import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.InvoiceView;
import io.recollect.invoicing.OpenItem;
import io.recollect.invoicing.ServiceCodeCatalogue;
import io.recollect.shared.BusinessTime;
import io.recollect.shared.Money;
import io.recollect.shared.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
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
    private final CustomerService customers;
    private final InvoiceService invoices;
    private final MailRenderer renderer;
    private final OutboxSender sender;
    private final InvoiceDocument invoiceDocument;
    private final ServiceCodeCatalogue serviceCodes;
    private final BusinessTime businessTime;
    private final Clock clock;

    CommunicationService(Communications communications, CustomerService customers, InvoiceService invoices,
            MailRenderer renderer, OutboxSender sender, InvoiceDocument invoiceDocument,
            ServiceCodeCatalogue serviceCodes, BusinessTime businessTime, Clock clock) {
        this.communications = communications;
        this.customers = customers;
        this.invoices = invoices;
        this.renderer = renderer;
        this.sender = sender;
        this.invoiceDocument = invoiceDocument;
        this.serviceCodes = serviceCodes;
        this.businessTime = businessTime;
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
            CustomerView customer = customers.get(customerId);
            Money totalDue = items.stream().map(OpenItem::openAmount).reduce(Money::plus).orElseThrow();
            RenderedMail mail = renderer.render(template, customer.language(),
                    new Object[] {items.get(0).number(), totalDue.display()},
                    Map.of("customer", customer, "items", items, "totalDue", totalDue, "level", level,
                            "paymentReference", referenceOrNumber(items.get(0).paymentReference(), items.get(0).number()),
                            "history", history(caseId)));
            return Communication.email(key, customerId, caseId, items.get(0).invoiceId(),
                    CommunicationKind.DUNNING, template, level, customer.email(), mail, List.of(), clock.instant());
        });
    }

    /** Invoices issued before references were kept are paid by their number. */
    private static String referenceOrNumber(String paymentReference, String number) {
        return paymentReference != null ? paymentReference : number;
    }

    /** What the case's record says was sent and done so far: letters cite it instead of assuming it. */
    private LetterHistory history(UUID caseId) {
        List<Communication> before = communications.findByCase(caseId);
        List<LetterHistory.Letter> letters = before.stream()
                .filter(c -> c.getKind() == CommunicationKind.DUNNING && c.getStatus() == CommunicationStatus.SENT)
                .map(c -> new LetterHistory.Letter(businessTime.dayOf(c.getSentAt()),
                        c.getTemplate() == null ? "letter" : c.getTemplate()))
                .toList();
        List<LetterHistory.Call> calls = before.stream()
                .filter(c -> c.getKind() == CommunicationKind.CONTACT_NOTE)
                .map(c -> new LetterHistory.Call(businessTime.dayOf(c.getCreatedAt()), c.getSubject()))
                .toList();
        return new LetterHistory(letters, calls);
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
