package io.recollect.cases;

import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.InvoiceView;
import io.recollect.shared.BusinessRuleException;
import io.recollect.shared.ConflictException;
import io.recollect.shared.Money;
import io.recollect.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disputes: raising one takes the invoice out of dunning and starts the dispute process; the
 * manager's resolution either credits the invoice (a credit note) or upholds it (dunning resumes).
 */
@Service
public class DisputeService {

    private final Disputes disputes;
    private final InvoiceService invoices;
    private final CaseJournal journal;
    private final RuntimeService runtime;
    private final CollectionProperties properties;
    private final Approvals approvals;
    private final Clock clock;

    DisputeService(Disputes disputes, InvoiceService invoices, CaseJournal journal, RuntimeService runtime,
            CollectionProperties properties, Approvals approvals, Clock clock) {
        this.approvals = approvals;
        this.disputes = disputes;
        this.invoices = invoices;
        this.journal = journal;
        this.runtime = runtime;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public DisputeView raise(UUID invoiceId, String reason, String actor) {
        return raise(invoices.get(invoiceId), reason, actor);
    }

    /** From a contact task: the collector names the invoice by its number; it must be this customer's. */
    @Transactional
    public DisputeView raise(UUID customerId, String invoiceNumber, String reason, String actor) {
        InvoiceView invoice = invoices.getByNumber(invoiceNumber);
        if (!invoice.customerId().equals(customerId)) {
            throw new BusinessRuleException("invoice-of-another-customer",
                    "Invoice " + invoiceNumber + " is not this customer's");
        }
        return raise(invoice, reason, actor);
    }

    private DisputeView raise(InvoiceView invoice, String reason, String actor) {
        if (!invoice.status().isOpen()) {
            throw new BusinessRuleException("invoice-not-open", "Invoice " + invoice.number() + " is "
                    + invoice.status() + "; only open invoices can be disputed");
        }
        if (disputes.existsByInvoiceIdAndStatus(invoice.id(), DisputeStatus.OPEN)) {
            throw alreadyDisputed(invoice);
        }
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleException("dispute-reason", "Say what the customer disputes");
        }
        Dispute dispute;
        try {
            // flushed here so a concurrent dispute meets the open key now, not at commit
            dispute = disputes.saveAndFlush(new Dispute(invoice.customerId(), invoice.id(), reason, actor,
                    clock.instant()));
        } catch (PessimisticLockingFailureException raced) {
            // H2 gives up waiting for the concurrent writer of the same open key
            throw alreadyDisputed(invoice);
        } catch (DataIntegrityViolationException raced) {
            throw OpenKeys.violated(raced, Dispute.OPEN_KEY) ? alreadyDisputed(invoice) : raced;
        }
        journal.changed(invoice.customerId(), CaseEventType.DISPUTE_RAISED, "Invoice " + invoice.number()
                + " disputed: " + reason, actor);
        runtime.startProcessInstanceByKey(DisputeProcess.KEY, dispute.getId().toString(), Map.of(
                DisputeProcess.VAR_DISPUTE_ID, dispute.getId().toString(),
                DisputeProcess.VAR_CUSTOMER_ID, invoice.customerId().toString(),
                DisputeProcess.VAR_INVOICE_ID, invoice.id().toString(),
                DisputeProcess.VAR_TASK_DUE_DATE, Date.from(clock.instant().plus(properties.disputeTaskSla()))));
        return DisputeView.of(dispute);
    }

    private static ConflictException alreadyDisputed(InvoiceView invoice) {
        return new ConflictException("dispute-open", "Invoice " + invoice.number() + " is already disputed");
    }

    /** CREDIT lowers the invoice by a credit note; UPHOLD lets dunning resume. Who raised it does not resolve it. */
    @Transactional
    public DisputeView resolve(UUID disputeId, String resolution, BigDecimal creditAmount, String note, String actor) {
        Dispute dispute = disputes.findById(disputeId).orElseThrow(() -> new NotFoundException("Dispute", disputeId));
        approvals.requireOtherThan(dispute.getRaisedBy(), actor, ApprovalTaskCheck.DISPUTE);
        InvoiceView invoice = invoices.get(dispute.getInvoiceId());
        if ("CREDIT".equals(resolution)) {
            if (creditAmount == null || creditAmount.signum() <= 0) {
                throw new BusinessRuleException("credit-amount", "A credit needs a positive amount");
            }
            String creditNote = invoices.credit(invoice.id(), Money.of(creditAmount, invoice.total().currency()),
                    "Dispute resolved: " + note);
            dispute.resolve(DisputeStatus.CREDITED, note, actor, clock.instant());
            journal.changed(dispute.getCustomerId(), CaseEventType.DISPUTE_CREDITED, "Invoice " + invoice.number()
                    + " credited " + Money.of(creditAmount, invoice.total().currency()).display() + " by "
                    + creditNote + ": " + note, actor);
        } else if ("UPHOLD".equals(resolution)) {
            dispute.resolve(DisputeStatus.UPHELD, note, actor, clock.instant());
            journal.changed(dispute.getCustomerId(), CaseEventType.DISPUTE_UPHELD, "Invoice " + invoice.number()
                    + " upheld: " + note, actor);
        } else {
            throw new BusinessRuleException("dispute-resolution", "Resolve a dispute with CREDIT or UPHOLD");
        }
        return DisputeView.of(dispute);
    }

    /** Each customer's disputed invoices, in one query. */
    java.util.Map<UUID, Set<UUID>> disputedInvoices(java.util.Collection<UUID> customerIds) {
        java.util.Map<UUID, Set<UUID>> byCustomer = new java.util.HashMap<>();
        disputes.findOpenByCustomerIds(customerIds).forEach(d ->
                byCustomer.computeIfAbsent(d.getCustomerId(), id -> new java.util.HashSet<>()).add(d.getInvoiceId()));
        return byCustomer;
    }

    Optional<String> raisedBy(UUID disputeId) {
        return disputes.findById(disputeId).map(Dispute::getRaisedBy);
    }

    Set<UUID> disputedInvoices(UUID customerId) {
        return disputes.findByCustomerIdAndStatus(customerId, DisputeStatus.OPEN).stream()
                .map(Dispute::getInvoiceId).collect(Collectors.toSet());
    }
}
