package io.recollect.writeoffs;

import static io.recollect.writeoffs.WriteOffProcess.*;

import io.recollect.audit.CustomerAccess;
import io.recollect.customers.CustomerService;
import io.recollect.customers.CustomerView;
import io.recollect.dunning.CommunicationService;
import io.recollect.dunning.WrittenOffItem;
import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.OpenItem;
import io.recollect.payments.PaymentService;
import io.recollect.rules.RuleCitation;
import io.recollect.rules.WriteOffApprovalDecisions;
import io.recollect.rules.WriteOffApprovalTable;
import io.recollect.rules.WriteOffProposal;
import io.recollect.rules.WriteOffRoute;
import io.recollect.security.CurrentUser;
import io.recollect.security.Roles;
import io.recollect.shared.Actors;
import io.recollect.shared.NotPermittedException;
import io.recollect.shared.BusinessRuleException;
import io.recollect.shared.ConflictException;
import io.recollect.shared.InvalidFieldException;
import io.recollect.shared.Money;
import io.recollect.shared.NotFoundException;
import io.recollect.writeoffs.internal.Recoveries;
import io.recollect.writeoffs.internal.Recovery;
import io.recollect.writeoffs.internal.WriteOff;
import io.recollect.writeoffs.internal.WriteOffLine;
import io.recollect.writeoffs.internal.WriteOffs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The writeoffs module's public face. A request fixes its invoices and amounts, is routed by the
 * write-off-approval table and starts the write-off process; posting writes off exactly those
 * amounts, less what was paid since, never more.
 */
@Service
public class WriteOffService {

    private final WriteOffs writeOffs;
    private final Recoveries recoveries;
    private final CustomerService customers;
    private final InvoiceService invoices;
    private final CommunicationService communications;
    private final WriteOffApprovalDecisions table;
    private final WriteOffApprovers approvers;
    private final RuntimeService runtime;
    private final CustomerAccess access;
    private final Clock clock;
    private final PaymentService payments;

    WriteOffService(WriteOffs writeOffs, Recoveries recoveries, CustomerService customers, InvoiceService invoices,
            CommunicationService communications, WriteOffApprovalDecisions table, WriteOffApprovers approvers,
            RuntimeService runtime, CustomerAccess access, PaymentService payments, Clock clock) {
        this.payments = payments;
        this.writeOffs = writeOffs;
        this.recoveries = recoveries;
        this.customers = customers;
        this.invoices = invoices;
        this.communications = communications;
        this.table = table;
        this.approvers = approvers;
        this.runtime = runtime;
        this.access = access;
        this.clock = clock;
    }

    /** A person's request: the invoices named (all overdue ones when none are), at the amounts given. */
    @Transactional
    public WriteOffView request(UUID customerId, NewWriteOffRequest request, String requester) {
        if (!CurrentUser.get().map(u -> u.inAny(Roles.COLLECTORS, Roles.MANAGERS)).orElse(false)) {
            throw new NotPermittedException("write-off-request-not-permitted",
                    "Write-offs are requested by collectors and collection managers");
        }
        access.check(customerId);
        CustomerView customer = customers.get(customerId);
        Currency currency = Currency.getInstance(customer.currency());
        List<OpenItem> open = invoices.lockOpenItems(customerId);
        List<Fixed> lines = new ArrayList<>();
        if (request.invoices() == null || request.invoices().isEmpty()) {
            open.stream().filter(OpenItem::overdue).forEach(item -> lines.add(new Fixed(item, item.openAmount())));
            if (lines.isEmpty()) {
                throw new BusinessRuleException("nothing-overdue", "The customer has no overdue invoice to write off;"
                        + " name the invoices to write off");
            }
        } else {
            Map<String, OpenItem> byNumber = open.stream().collect(Collectors.toMap(OpenItem::number, Function.identity()));
            for (int i = 0; i < request.invoices().size(); i++) {
                NewWriteOffRequest.Item named = request.invoices().get(i);
                OpenItem item = byNumber.get(named.invoiceNumber());
                if (item == null) {
                    throw new InvalidFieldException("invoices[" + i + "].invoiceNumber", "is not an open invoice of this customer");
                }
                Money amount = item.openAmount();
                if (named.amount() != null) {
                    InvalidFieldException.requireExact("invoices[" + i + "].amount", named.amount(), currency);
                    amount = Money.of(named.amount(), currency);
                    if (amount.compareTo(item.openAmount()) > 0) {
                        throw new InvalidFieldException("invoices[" + i + "].amount", "exceeds the "
                                + item.openAmount().display() + " open on invoice " + item.number());
                    }
                }
                lines.add(new Fixed(item, amount));
            }
        }
        return view(create(customer, null, request.reason(), request.note(), lines, requester));
    }

    /**
     * A collector's request from the contact task: every overdue invoice of the account but those
     * left out (the disputed ones) at what is open on it now, with the collector as requester (so they never approve it). The task's
     * candidate groups let them complete it; this checks their group again, whichever way it came.
     */
    @Transactional
    public UUID requestFromTask(UUID customerId, UUID caseId, java.util.Set<UUID> leaveOut, String reason, String note,
            String requester) {
        WriteOffReason why = java.util.Arrays.stream(WriteOffReason.values()).filter(r -> r.name().equals(reason))
                .findFirst().orElseThrow(() -> new InvalidFieldException(VAR_REQUEST_REASON,
                        "must be one of " + java.util.Arrays.toString(WriteOffReason.values())));
        if (!approvers.mayRequest(requester)) {
            throw new NotPermittedException("write-off-request-not-permitted",
                    "Write-offs are requested by collectors and collection managers");
        }
        List<Fixed> lines = invoices.lockOpenItems(customerId).stream().filter(OpenItem::overdue)
                .filter(item -> !leaveOut.contains(item.invoiceId())).map(item -> new Fixed(item, item.openAmount())).toList();
        if (lines.isEmpty()) {
            throw new BusinessRuleException("nothing-overdue", "The customer has no overdue, undisputed invoice to write off");
        }
        return create(customers.get(customerId), caseId, why, note, lines, requester).getId();
    }

    /**
     * The collection-path table asked for a write-off of the account's overdue balance: one request
     * for those invoices at what is open on them now. Asked again while it waits, the same request.
     */
    @Transactional
    public UUID requestForCase(UUID customerId, UUID caseId, List<OpenItem> overdue) {
        Optional<WriteOff> waiting = writeOffs.findByOpenCustomerId(customerId);
        if (waiting.isPresent()) {
            return waiting.get().getId();
        }
        List<Fixed> lines = overdue.stream().filter(i -> i.openAmount().isPositive())
                .map(i -> new Fixed(i, i.openAmount())).toList();
        if (lines.isEmpty()) {
            return null;
        }
        return create(customers.get(customerId), caseId, WriteOffReason.SMALL_BALANCE,
                "Proposed by the collection-path table", lines, Actors.SYSTEM).getId();
    }

    private record Fixed(OpenItem item, Money amount) {
    }

    private WriteOff create(CustomerView customer, UUID caseId, WriteOffReason reason, String note, List<Fixed> lines,
            String requester) {
        Instant now = clock.instant();
        WriteOff writeOff = new WriteOff(customer.id(), caseId, reason, Currency.getInstance(customer.currency()), note,
                requester, now);
        lines.forEach(l -> writeOff.add(l.item().invoiceId(), l.item().number(), l.amount()));
        int daysPastDue = (int) lines.stream().mapToLong(l -> l.item().daysPastDue()).max().orElse(0);
        WriteOffRoute route = table.decide(WriteOffProposal.of(writeOff.getRequested().amount(), reason.name(),
                customer.segment().name(), daysPastDue));
        writeOff.routed(route, now.plus(Duration.ofDays(route.slaDays())));
        if (writeOffs.findByOpenCustomerId(customer.id()).isPresent()) {
            throw waiting();
        }
        try {
            writeOffs.saveAndFlush(writeOff);
        } catch (PessimisticLockingFailureException raced) {
            throw waiting();
        } catch (DataIntegrityViolationException raced) {
            throw violated(raced) ? waiting() : raced;
        }
        startProcess(writeOff);
        return writeOff;
    }

    private void startProcess(WriteOff writeOff) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_WRITE_OFF_ID, writeOff.getId().toString());
        variables.put(VAR_CUSTOMER_ID, writeOff.getCustomerId().toString());
        variables.put(VAR_APPROVAL, writeOff.getApproval());
        variables.put(VAR_CANDIDATE_GROUP, writeOff.getCandidateGroup());
        variables.put(VAR_TASK_PRIORITY, writeOff.getTaskPriority());
        variables.put(VAR_TASK_DUE_DATE, Date.from(writeOff.getApprovalDueAt()));
        variables.put(VAR_SUMMARY, summary(writeOff));
        runtime.createProcessInstanceByKey(KEY).businessKey(writeOff.getId().toString()).setVariables(variables)
                .execute();
    }

    private static String summary(WriteOff w) {
        String lines = w.getLines().stream().map(l -> l.getInvoiceNumber() + ": " + l.requested(w.getCurrency()).display())
                .collect(Collectors.joining("; "));
        return "Write off " + w.getRequested().display() + " (" + w.getReason() + ", requested by " + w.getRequestedBy()
                + "). Invoices: " + lines + ". Approving posts at most these amounts, less anything paid since.";
    }

    /** Why this user may not take this decision on the write-off, or empty if they may. */
    @Transactional(readOnly = true)
    public Optional<String> refusal(UUID writeOffId, String userId, String decision) {
        WriteOff writeOff = find(writeOffId);
        return approvers.refusal(writeOff.getRequestedBy(), writeOff.getCandidateGroup(), writeOff.getRequested(),
                userId, DECISION_APPROVE.equals(decision));
    }

    /** A person's decision on the approval task; refused (and rolled back) when they may not take it. */
    @Transactional
    public void decide(UUID writeOffId, String decider, String decision, String note) {
        WriteOff writeOff = lock(writeOffId);
        approvers.require(writeOff.getRequestedBy(), writeOff.getCandidateGroup(), writeOff.getRequested(), decider,
                DECISION_APPROVE.equals(decision));
        if (DECISION_APPROVE.equals(decision)) {
            writeOff.approve(decider, note, clock.instant());
        } else if (DECISION_REJECT.equals(decision)) {
            writeOff.reject(decider, note, clock.instant());
        } else {
            throw new InvalidFieldException(VAR_DECISION, "must be APPROVE or REJECT");
        }
    }

    /**
     * Posts an approved write-off: each invoice takes at most its requested amount and never more
     * than is open now; a notice is queued when the table asked for one. Posting twice posts once.
     */
    @Transactional
    public void post(UUID writeOffId) {
        WriteOff writeOff = lock(writeOffId);
        if (writeOff.getStatus() != WriteOffStatus.APPROVED) {
            return;
        }
        Currency currency = writeOff.getCurrency();
        // Credit the customer holds pays these invoices first: nothing already paid is written off.
        java.util.Set<UUID> requested = writeOff.getLines().stream().map(WriteOffLine::getInvoiceId)
                .collect(Collectors.toSet());
        java.util.Set<UUID> others = invoices.openItems(List.of(writeOff.getCustomerId()))
                .getOrDefault(writeOff.getCustomerId(), List.of()).stream().map(OpenItem::invoiceId)
                .filter(id -> !requested.contains(id)).collect(Collectors.toSet());
        payments.applyCredit(List.of(writeOff.getCustomerId()), others);
        List<Money> posted = new ArrayList<>();
        List<WrittenOffItem> notice = new ArrayList<>();
        for (WriteOffLine line : writeOff.getLines()) {
            Money amount = invoices.writeOff(line.getInvoiceId(), line.requested(currency));
            posted.add(amount);
            if (amount.isPositive()) {
                notice.add(new WrittenOffItem(line.getInvoiceNumber(), amount));
            }
        }
        writeOff.posted(posted);
        if (writeOff.getNoticeTemplate() != null && !notice.isEmpty()) {
            communications.queueWriteOffNotice(writeOff.getId(), writeOff.getCustomerId(), writeOff.getCaseId(),
                    writeOff.getNoticeTemplate(), notice);
        }
    }

    /** A payment taken as recovery of a written-off invoice; recorded once per (payment, invoice). */
    @Transactional
    public void recordRecovery(UUID customerId, UUID invoiceId, UUID paymentId, Money amount) {
        if (recoveries.existsByPaymentIdAndInvoiceId(paymentId, invoiceId)) {
            return;
        }
        Optional<WriteOff> covering = writeOffs.postedCovering(invoiceId).stream().findFirst();
        recoveries.save(new Recovery(customerId, invoiceId, covering.map(WriteOff::getId).orElse(null),
                covering.map(WriteOff::getReason).orElse(null), paymentId, amount, clock.instant()));
    }

    @Transactional(readOnly = true)
    public WriteOffView get(UUID writeOffId) {
        WriteOff writeOff = find(writeOffId);
        access.check(writeOff.getCustomerId());
        return view(writeOff);
    }

    @Transactional(readOnly = true)
    public List<WriteOffView> forCustomer(UUID customerId) {
        return writeOffs.findByCustomerIdOrderByRequestedAtAsc(customerId).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public List<RecoveryView> recoveriesOf(UUID customerId) {
        return recoveries.findByCustomerIdOrderByRecordedAtAsc(customerId).stream().map(WriteOffService::view).toList();
    }

    /** Every write-off, or those of one reason; for finance, not scoped to a team's customers. */
    @Transactional(readOnly = true)
    public List<WriteOffView> list(WriteOffReason reason) {
        List<WriteOff> found = reason == null ? writeOffs.findAllByOrderByRequestedAtAsc()
                : writeOffs.findByReasonOrderByRequestedAtAsc(reason);
        return found.stream().map(this::view).toList();
    }

    /** Posted write-offs and recoveries, bad debt apart from charity care, per currency. */
    @Transactional(readOnly = true)
    public WriteOffReport report() {
        record Key(WriteOffReport.Category category, String currency) {
        }
        Map<Key, long[]> counts = new HashMap<>();
        Map<Key, Money> writtenOff = new HashMap<>();
        Map<Key, Money> recovered = new HashMap<>();
        for (WriteOff w : writeOffs.findAllByOrderByRequestedAtAsc()) {
            if (w.getStatus() == WriteOffStatus.POSTED) {
                Key key = new Key(category(w.getReason()), w.getCurrency().getCurrencyCode());
                counts.computeIfAbsent(key, k -> new long[1])[0]++;
                writtenOff.merge(key, w.getPosted(), Money::plus);
            }
        }
        for (Recovery r : recoveries.findAllByOrderByRecordedAtAsc()) {
            Key key = new Key(category(r.getReason()), r.getAmount().currency().getCurrencyCode());
            counts.computeIfAbsent(key, k -> new long[1]);
            recovered.merge(key, r.getAmount(), Money::plus);
        }
        List<WriteOffReport.Row> rows = counts.keySet().stream()
                .sorted(Comparator.comparing(Key::category).thenComparing(Key::currency))
                .map(k -> {
                    Money zero = Money.zero(Currency.getInstance(k.currency()));
                    return new WriteOffReport.Row(k.category(), k.currency(), counts.get(k)[0],
                            writtenOff.getOrDefault(k, zero), recovered.getOrDefault(k, zero));
                }).toList();
        return new WriteOffReport(rows);
    }

    private static WriteOffReport.Category category(WriteOffReason reason) {
        return reason != null && !reason.badDebt() ? WriteOffReport.Category.CHARITY_CARE
                : WriteOffReport.Category.BAD_DEBT;
    }

    private WriteOffView view(WriteOff w) {
        Currency currency = w.getCurrency();
        Money recovered = recoveries.findByCustomerIdOrderByRecordedAtAsc(w.getCustomerId()).stream()
                .filter(r -> w.getId().equals(r.getWriteOffId())).map(Recovery::getAmount)
                .reduce(Money.zero(currency), Money::plus);
        RuleCitation citation = w.getRuleVersion() == null ? null
                : new RuleCitation(WriteOffApprovalTable.NAME, w.getRuleVersion(), w.getRuleRow(), null, null);
        return new WriteOffView(w.getId(), w.getCustomerId(), w.getCaseId(), w.getReason(), w.getStatus(),
                w.getRequested(), w.getPosted(), recovered, w.getNote(), w.getRequestedBy(), w.getRequestedAt(),
                w.getApproval(), w.getCandidateGroup(), w.getDecidedBy(), w.getDecidedAt(), w.getDecisionNote(), citation,
                w.getLines().stream().map(l -> new WriteOffView.Line(l.getInvoiceId(), l.getInvoiceNumber(),
                        l.requested(currency), l.posted(currency))).toList());
    }

    private static RecoveryView view(Recovery r) {
        return new RecoveryView(r.getId(), r.getCustomerId(), r.getInvoiceId(), r.getWriteOffId(), r.getPaymentId(),
                r.getReason(), r.getAmount(), r.getRecordedAt());
    }

    /** Whose write-off this is, for a task of its process; empty for an id that is not a write-off's. */
    @Transactional(readOnly = true)
    public Optional<UUID> customerOf(UUID writeOffId) {
        return writeOffs.findById(writeOffId).map(WriteOff::getCustomerId);
    }

    private WriteOff find(UUID id) {
        return writeOffs.findById(id).orElseThrow(() -> new NotFoundException("Write-off", id));
    }

    private WriteOff lock(UUID id) {
        return writeOffs.lockById(id).orElseThrow(() -> new NotFoundException("Write-off", id));
    }

    private static ConflictException waiting() {
        return new ConflictException("write-off-pending", "A write-off of this customer is already waiting"
                + " for approval or posting");
    }

    private static boolean violated(DataIntegrityViolationException ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains(WriteOff.OPEN_KEY)) {
                return true;
            }
        }
        return false;
    }
}
