package io.recollect.invoicing;

import io.recollect.customers.AccountSchedule;
import io.recollect.audit.CustomerAccess;
import io.recollect.customers.CustomerService;
import io.recollect.shared.BusinessTime;
import io.recollect.customers.CustomerView;
import io.recollect.shared.ConflictException;
import io.recollect.shared.CurrencyMismatchException;
import io.recollect.shared.InvalidFieldException;
import io.recollect.shared.Money;
import io.recollect.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The invoicing module's public face: draft, issue, take payments, list what is open. */
@Service
public class InvoiceService {


    private final Invoices invoices;
    private final CreditNotes creditNotes;
    private final CustomerService customers;
    private final RuntimeService runtime;
    private final ApplicationEventPublisher events;
    private final AccountSchedule schedule;
    private final BusinessTime businessTime;
    private final CustomerAccess access;
    private final Clock clock;

    InvoiceService(Invoices invoices, CreditNotes creditNotes, CustomerService customers, RuntimeService runtime,
            ApplicationEventPublisher events, AccountSchedule schedule, BusinessTime businessTime,
            CustomerAccess access, Clock clock) {
        this.schedule = schedule;
        this.businessTime = businessTime;
        this.invoices = invoices;
        this.creditNotes = creditNotes;
        this.customers = customers;
        this.runtime = runtime;
        this.events = events;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public InvoiceView create(NewInvoice request) {
        CustomerView customer = customers.get(request.customerId());
        Currency currency = Currency.getInstance(request.currency());
        if (!customer.currency().equals(request.currency())) {
            throw new CurrencyMismatchException(Currency.getInstance(customer.currency()), currency);
        }
        if (invoices.existsByNumber(request.number())) {
            throw new ConflictException("duplicate-invoice-number",
                    "An invoice numbered " + request.number() + " already exists");
        }
        Invoice invoice = new Invoice(request.number(), customer.id(), currency, request.issueDate(),
                request.dueDate(), clock.instant());
        request.lines().forEach(line -> invoice.addLine(line.serviceCode(), line.description(), line.quantity(),
                line.unitPrice(), line.taxRate()));
        return InvoiceView.of(invoices.save(invoice));
    }

    /**
     * Issues the invoice, starts its invoice-to-cash process and marks its account in the same
     * transaction: to be decided within a minute when it is overdue already (a back-dated
     * invoice), else by the daily run of the day after its due date.
     */
    @Transactional
    public InvoiceView issue(UUID invoiceId) {
        Invoice invoice = find(invoiceId);
        invoice.issue(clock.instant(), paymentReferenceFor(invoice));
        runtime.startProcessInstanceByKey(InvoiceToCashProcess.KEY, invoice.getNumber(), Map.of(
                InvoiceToCashProcess.VAR_INVOICE_ID, invoice.getId().toString(),
                InvoiceToCashProcess.VAR_CUSTOMER_ID, invoice.getCustomerId().toString()));
        if (invoice.isOverdueOn(LocalDate.now(clock))) {
            schedule.changed(invoice.getCustomerId());
        } else {
            schedule.decideBy(invoice.getCustomerId(), businessTime.runTimeOn(invoice.getDueDate().plusDays(1)));
        }
        return InvoiceView.of(invoice);
    }

    /**
     * The invoice number as the reference body when it fits and is free, so customers and banks
     * recognise it; else letters and digits drawn from the invoice's random id.
     */
    private String paymentReferenceFor(Invoice invoice) {
        return CreditorReference.fromNumber(invoice.getNumber()).filter(ref -> !invoices.existsByPaymentReference(ref))
                .orElseGet(() -> CreditorReference.fromId(invoice.getId()));
    }

    /**
     * A payment the invoice took was reversed: that much is owed again. An invoice the reversal
     * reopens gets its invoice-to-cash process back, waiting to be settled again.
     */
    @Transactional
    public void reversePayment(UUID invoiceId, Money amount) {
        Invoice invoice = invoices.lockById(invoiceId).orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
        boolean wasSettled = !invoice.getStatus().isOpen();
        invoice.reopen(amount);
        if (wasSettled && invoice.getStatus().isOpen() && runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(invoice.getNumber()).processDefinitionKey(InvoiceToCashProcess.KEY)
                .count() == 0) {
            runtime.createProcessInstanceByKey(InvoiceToCashProcess.KEY).businessKey(invoice.getNumber())
                    .setVariable(InvoiceToCashProcess.VAR_INVOICE_ID, invoice.getId().toString())
                    .setVariable(InvoiceToCashProcess.VAR_CUSTOMER_ID, invoice.getCustomerId().toString())
                    .startBeforeActivity(InvoiceToCashProcess.TASK_CHECK_SETTLED).execute();
        }
        schedule.changed(invoice.getCustomerId());
    }

    /** A payment that recovered part of a write-off bounced: the recovery is undone, the invoice stays written off. */
    public void reverseRecovery(UUID invoiceId, Money amount) {
        Invoice invoice = invoices.lockById(invoiceId).orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
        invoice.unrecover(amount);
        schedule.changed(invoice.getCustomerId());
    }

    /** Finds an invoice by its ISO 11649 payment reference, in any spacing or case. */
    @Transactional(readOnly = true)
    public java.util.Optional<InvoiceView> findByPaymentReference(String reference) {
        return CreditorReference.normalise(reference).flatMap(invoices::findByPaymentReference).map(InvoiceView::of);
    }

    /** Open invoices of any customer with exactly this much open, oldest due first: candidates for an unmatched bank line. */
    @Transactional(readOnly = true)
    public List<InvoiceView> openOfAmount(Money amount, int limit) {
        return invoices.findOpenOfAmount(amount.amount(), amount.currency().getCurrencyCode(),
                org.springframework.data.domain.PageRequest.of(0, limit)).stream().map(InvoiceView::of).toList();
    }

    /** The invoice's number, for messages and comparisons between modules. */
    @Transactional(readOnly = true)
    public String numberOf(UUID invoiceId) {
        return find(invoiceId).getNumber();
    }

    /** Finds an invoice by its number, without the caller's customer-access check (for matching statements). */
    @Transactional(readOnly = true)
    public java.util.Optional<InvoiceView> findByNumber(String number) {
        return invoices.findByNumber(number).map(InvoiceView::of);
    }

    /** Locks the invoice and tells whether it is settled; see invoice-to-cash's Task_CheckSettled. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean lockAndCheckSettled(UUID invoiceId) {
        return !invoices.lockById(invoiceId).orElseThrow(() -> new NotFoundException("Invoice", invoiceId))
                .getStatus().isOpen();
    }

    @Transactional(readOnly = true)
    public InvoiceView get(UUID invoiceId) {
        return visible(find(invoiceId));
    }

    @Transactional(readOnly = true)
    public InvoiceView getByNumber(String number) {
        return visible(invoices.findByNumber(number).orElseThrow(() -> new NotFoundException("Invoice", number)));
    }

    /**
     * The invoice a request names by its id, its number, or both: an unknown number, neither, or
     * two that name different invoices is a mistake in the named field (400), an unknown id a 404.
     */
    @Transactional(readOnly = true)
    public InvoiceView identify(UUID invoiceId, String invoiceNumber) {
        boolean byNumber = invoiceNumber != null && !invoiceNumber.isBlank();
        if (invoiceId == null && !byNumber) {
            throw new InvalidFieldException("invoiceNumber", "or invoiceId must name the invoice");
        }
        Invoice named = byNumber ? invoices.findByNumber(invoiceNumber.trim()).orElseThrow(() ->
                new InvalidFieldException("invoiceNumber", "names no invoice: " + invoiceNumber.trim())) : null;
        if (invoiceId == null) {
            return visible(named);
        }
        if (named != null && !named.getId().equals(invoiceId)) {
            throw new InvalidFieldException("invoiceNumber", invoiceNumber.trim() + " is another invoice than the"
                    + " one invoiceId names");
        }
        return visible(named != null ? named : find(invoiceId));
    }

    private InvoiceView visible(Invoice invoice) {
        access.check(invoice.getCustomerId());
        return InvoiceView.of(invoice);
    }

    /** The customer's open invoices, oldest due first, with days past due as of today. */
    @Transactional(readOnly = true)
    public List<OpenItem> openItems(UUID customerId) {
        LocalDate today = LocalDate.now(clock);
        return invoices.findOpenByCustomer(customerId).stream()
                .map(invoice -> OpenItem.of(invoice, today)).toList();
    }

    /** The open invoices of many customers in one query, each customer's oldest due first; set-based reads for a batch. */
    @Transactional(readOnly = true)
    public Map<UUID, List<OpenItem>> openItems(java.util.Collection<UUID> customerIds) {
        LocalDate today = LocalDate.now(clock);
        Map<UUID, List<OpenItem>> byCustomer = new java.util.HashMap<>();
        customerIds.forEach(id -> byCustomer.put(id, new java.util.ArrayList<>()));
        invoices.findOpenByCustomers(customerIds)
                .forEach(invoice -> byCustomer.get(invoice.getCustomerId()).add(OpenItem.of(invoice, today)));
        return byCustomer;
    }

    /**
     * The open invoices locked for allocation, oldest due first: call inside the transaction
     * that then applies the payment, so concurrent payments queue instead of double-allocating.
     */
    @Transactional
    public List<OpenItem> lockOpenItems(UUID customerId) {
        LocalDate today = LocalDate.now(clock);
        return invoices.lockOpenByCustomer(customerId).stream()
                .map(invoice -> OpenItem.of(invoice, today)).toList();
    }

    /** Applies up to the invoice's open amount and returns what was applied. */
    @Transactional
    public Money applyPayment(UUID invoiceId, Money amount) {
        Invoice invoice = find(invoiceId);
        if (!invoice.getCurrency().equals(amount.currency())) {
            throw new CurrencyMismatchException(invoice.getCurrency(), amount.currency());
        }
        Money applied = invoice.applyPayment(amount, clock.instant());
        announceIfSettled(invoice);
        return applied;
    }

    /** Issues a credit note for part or all of what is open; returns the credit note's number. */
    @Transactional
    public String credit(UUID invoiceId, Money amount, String reason) {
        Invoice invoice = find(invoiceId);
        if (!invoice.getCurrency().equals(amount.currency())) {
            throw new CurrencyMismatchException(invoice.getCurrency(), amount.currency());
        }
        invoice.credit(amount, clock.instant());
        String number = "CN-" + invoice.getNumber() + "-" + (creditNotes.countByInvoiceId(invoiceId) + 1);
        creditNotes.save(new CreditNote(number, invoiceId, amount, reason, clock.instant()));
        announceIfSettled(invoice);
        return number;
    }

    /** Writes off what is still open on the invoice; returns the amount written off. */
    @Transactional
    public Money writeOff(UUID invoiceId) {
        Invoice invoice = find(invoiceId);
        Money writtenOff = invoice.writeOff(clock.instant());
        announceIfSettled(invoice);
        return writtenOff;
    }

    /**
     * Writes off up to {@code amount} of what is still open on the invoice, never more; returns
     * what was written off (zero when it was paid or closed since).
     */
    @Transactional
    public Money writeOff(UUID invoiceId, Money amount) {
        Invoice invoice = invoices.lockById(invoiceId).orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
        if (!invoice.getStatus().isOpen()) {
            return Money.zero(invoice.getCurrency());
        }
        Money writtenOff = invoice.writeOff(amount, clock.instant());
        announceIfSettled(invoice);
        return writtenOff;
    }

    /**
     * Takes up to {@code amount} of a payment as a recovery of a written-off invoice; returns what
     * it took (at most what was written off and not yet recovered).
     */
    @Transactional
    public Money recover(UUID invoiceId, Money amount, UUID paymentId) {
        Invoice invoice = invoices.lockById(invoiceId).orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
        if (!invoice.getCurrency().equals(amount.currency())) {
            throw new CurrencyMismatchException(invoice.getCurrency(), amount.currency());
        }
        Money taken = invoice.recover(amount);
        if (taken.isPositive()) {
            schedule.changed(invoice.getCustomerId());
            events.publishEvent(new InvoiceRecovered(invoice.getId(), invoice.getNumber(), invoice.getCustomerId(),
                    paymentId, taken));
        }
        return taken;
    }

    /** Whether the customer's invoice of this number is written off, for a payment that names it. */
    @Transactional(readOnly = true)
    public java.util.Optional<UUID> writtenOffInvoice(UUID customerId, String number) {
        return invoices.findByNumber(number).filter(i -> i.getCustomerId().equals(customerId))
                .filter(i -> i.getStatus() == InvoiceStatus.WRITTEN_OFF).map(Invoice::getId);
    }

    private void announceIfSettled(Invoice invoice) {
        schedule.changed(invoice.getCustomerId());
        if (!invoice.getStatus().isOpen()) {
            events.publishEvent(new InvoiceSettled(invoice.getId(), invoice.getNumber(), invoice.getCustomerId(),
                    invoice.getStatus()));
        }
    }

    private Invoice find(UUID invoiceId) {
        return invoices.findById(invoiceId).orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
    }
}
