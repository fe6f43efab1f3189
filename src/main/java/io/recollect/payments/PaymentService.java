package io.recollect.payments;

import io.recollect.customers.AccountSchedule;
import io.recollect.audit.CustomerAccess;
import io.recollect.customers.CustomerService;
import io.recollect.customers.CustomerView;
import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.OpenItem;
import io.recollect.shared.Actors;
import io.recollect.shared.BusinessRuleException;
import io.recollect.shared.ConflictException;
import io.recollect.shared.CurrencyMismatchException;
import io.recollect.shared.InvalidFieldException;
import io.recollect.shared.Money;
import io.recollect.shared.NotFoundException;
import io.recollect.security.CurrentUser;
import io.recollect.security.Roles;
import io.recollect.shared.NotPermittedException;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Set;
import org.springframework.transaction.annotation.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records payments exactly once per external id and allocates them: to the invoices named,
 * else to the oldest due first. Whatever is left stays on the payment as unapplied credit.
 */
@Service
public class PaymentService {

    private final Payments payments;
    private final CustomerService customers;
    private final InvoiceService invoices;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final AccountSchedule schedule;
    private final CustomerAccess access;
    private final Clock clock;

    PaymentService(Payments payments, CustomerService customers, InvoiceService invoices,
            ApplicationEventPublisher events, TransactionTemplate transaction, AccountSchedule schedule,
            CustomerAccess access, Clock clock) {
        this.schedule = schedule;
        this.payments = payments;
        this.customers = customers;
        this.invoices = invoices;
        this.events = events;
        this.transaction = transaction;
        this.access = access;
        this.clock = clock;
    }

    /** The outcome of recording: the payment, and whether this call created it. */
    public record Recorded(PaymentView payment, boolean created) {
    }

    public Recorded record(NewPayment request) {
        try {
            return transaction.execute(status -> payments.findByExternalId(request.externalId())
                    .map(existing -> new Recorded(sameAs(existing, request), false))
                    .orElseGet(() -> new Recorded(recordNew(request), true)));
        } catch (DataIntegrityViolationException raced) {
            // Another request with the same external id committed first: answer with its payment.
            return transaction.execute(status -> payments.findByExternalId(request.externalId())
                    .map(existing -> new Recorded(sameAs(existing, request), false))
                    .orElseThrow(() -> raced));
        }
    }

    /** A payment as the ledger has it: whose, how much, when recorded. */
    public record Received(UUID customerId, Money amount, Instant recordedAt) {
    }

    /** The payments of many customers recorded at or after {@code since} and not reversed, in one query. */
    public List<Received> receivedSince(java.util.Collection<UUID> customerIds, Instant since) {
        return transaction.execute(status -> payments.findRecordedSince(customerIds, since).stream()
                .map(p -> new Received(p.getCustomerId(), p.getAmount(), p.getRecordedAt())).toList());
    }

    public PaymentView get(UUID paymentId) {
        PaymentView payment = transaction.execute(status -> PaymentView.of(find(paymentId)));
        access.check(payment.customerId());
        return payment;
    }

    public List<PaymentView> history(UUID customerId) {
        return transaction.execute(status -> payments.findByCustomerIdOrderByReceivedOnDescRecordedAtDesc(customerId)
                .stream().map(PaymentView::of).toList());
    }

    private PaymentView recordNew(NewPayment request) {
        CustomerView customer = customers.get(request.customerId());
        Currency currency = Currency.getInstance(request.currency());
        if (!customer.currency().equals(request.currency())) {
            throw new CurrencyMismatchException(Currency.getInstance(customer.currency()), currency);
        }
        requireExactAmounts(request, currency);
        if (request.receivedOn().isAfter(LocalDate.now(clock))) {
            throw new BusinessRuleException("payment-in-the-future", "A payment cannot be received on "
                    + request.receivedOn() + ", after today (" + LocalDate.now(clock) + ")");
        }
        Money amount = Money.of(request.amount(), currency);
        Payment payment = new Payment(request.externalId(), customer.id(), amount, request.receivedOn(),
                request.method(), request.reference(), clock.instant(), Actors.current());
        List<OpenItem> open = invoices.lockOpenItems(customer.id());
        if (request.allocations() == null || request.allocations().isEmpty()) {
            allocateOldestFirst(payment, open);
        } else {
            allocateExplicitly(payment, open, request.allocations());
        }
        payments.saveAndFlush(payment);
        schedule.changed(customer.id());
        events.publishEvent(new PaymentRecorded(payment.getId(), payment.getCustomerId(), payment.getAmount(),
                payment.getReceivedOn()));
        return PaymentView.of(payment);
    }

    /** Money arrives at the currency's minor unit: 1.2345 EUR is a mistake, not 1.23 EUR. */
    private static void requireExactAmounts(NewPayment request, Currency currency) {
        InvalidFieldException.requireExact("amount", request.amount(), currency);
        List<NewPayment.Allocation> allocations = request.allocations() == null ? List.of() : request.allocations();
        for (int i = 0; i < allocations.size(); i++) {
            InvalidFieldException.requireExact("allocations[" + i + "].amount", allocations.get(i).amount(), currency);
        }
    }

    private void allocateOldestFirst(Payment payment, List<OpenItem> open) {
        for (OpenItem item : open) {
            if (payment.getUnapplied().isZero()) {
                return;
            }
            Money applied = invoices.applyPayment(item.invoiceId(), payment.getUnapplied());
            payment.allocate(item.invoiceId(), applied, AllocationSource.PAYMENT, payment.getRecordedAt());
        }
    }

    private void allocateExplicitly(Payment payment, List<OpenItem> open, List<NewPayment.Allocation> requested) {
        Map<String, OpenItem> byNumber = open.stream().collect(Collectors.toMap(OpenItem::number, Function.identity()));
        Money total = requested.stream().map(a -> Money.of(a.amount(), payment.getAmount().currency()))
                .reduce(Money.zero(payment.getAmount().currency()), Money::plus);
        if (total.compareTo(payment.getAmount()) > 0) {
            throw new BusinessRuleException("allocation-exceeds-payment",
                    "Allocations total " + total + " but the payment is " + payment.getAmount());
        }
        for (NewPayment.Allocation allocation : requested) {
            OpenItem item = byNumber.get(allocation.invoiceNumber());
            Money wanted = Money.of(allocation.amount(), payment.getAmount().currency());
            if (item == null) {
                recoverOrRefuse(payment, allocation.invoiceNumber(), wanted);
                continue;
            }
            if (wanted.compareTo(item.openAmount()) > 0) {
                throw new BusinessRuleException("allocation-exceeds-open-amount", "Invoice "
                        + item.number() + " has only " + item.openAmount() + " open, not " + wanted);
            }
            payment.allocate(item.invoiceId(), invoices.applyPayment(item.invoiceId(), wanted), AllocationSource.PAYMENT,
                    payment.getRecordedAt());
        }
        payment.allocatedAsNamed();
    }

    /**
     * Money named for a written-off invoice is a recovery: it never reopens the invoice, and what
     * exceeds the amount written off stays on the payment as unapplied credit.
     */
    private void recoverOrRefuse(Payment payment, String invoiceNumber, Money wanted) {
        UUID invoiceId = invoices.writtenOffInvoice(payment.getCustomerId(), invoiceNumber)
                .orElseThrow(() -> new BusinessRuleException("invoice-not-open", "Invoice " + invoiceNumber
                        + " is not an open invoice of this customer"));
        Money recovered = invoices.recover(invoiceId, wanted, payment.getId());
        if (recovered.isPositive()) {
            payment.allocate(invoiceId, recovered, AllocationSource.RECOVERY, payment.getRecordedAt());
        }
    }

    /**
     * A repeat of a recorded payment must say the same on every field: anything else is a
     * different payment under a reused external id, and the answer names the first field that differs.
     */
    private PaymentView sameAs(Payment existing, NewPayment request) {
        String differs = null;
        if (!existing.getCustomerId().equals(request.customerId())) {
            differs = "customerId";
        } else if (!existing.getAmount().currency().getCurrencyCode().equals(request.currency())) {
            differs = "currency";
        } else if (existing.getAmount().amount().compareTo(request.amount()) != 0) {
            differs = "amount";
        } else if (!existing.getReceivedOn().equals(request.receivedOn())) {
            differs = "receivedOn";
        } else if (!existing.getMethod().equals(request.method())) {
            differs = "method";
        } else if (!java.util.Objects.equals(blankToNull(existing.getReference()), blankToNull(request.reference()))) {
            differs = "reference";
        } else if (!sameAllocations(existing, request)) {
            differs = "allocations";
        }
        if (differs != null) {
            throw new ConflictException("duplicate-external-id", "Payment " + request.externalId()
                    + " was already recorded with a different " + differs);
        }
        return PaymentView.of(existing);
    }

    private boolean sameAllocations(Payment existing, NewPayment request) {
        List<NewPayment.Allocation> requested = request.allocations() == null ? List.of() : request.allocations();
        if (!existing.isExplicitAllocation()) {
            return requested.isEmpty();
        }
        Map<String, java.math.BigDecimal> asked = requested.stream().collect(Collectors.toMap(
                NewPayment.Allocation::invoiceNumber, NewPayment.Allocation::amount, java.math.BigDecimal::add));
        Map<String, java.math.BigDecimal> recorded = existing.getAllocations().stream()
                .filter(a -> a.getSource() == AllocationSource.PAYMENT || a.getSource() == AllocationSource.RECOVERY)
                .collect(Collectors.toMap(a -> invoices.numberOf(a.getInvoiceId()),
                        PaymentAllocation::getAmount, java.math.BigDecimal::add));
        return asked.keySet().equals(recorded.keySet())
                && asked.entrySet().stream().allMatch(e -> e.getValue().compareTo(recorded.get(e.getKey())) == 0);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /**
     * Applies the customers' unapplied credit to their open invoices: the oldest credit first, to
     * the oldest due invoice first, leaving out the invoices named (disputed ones, say). Two
     * queries whatever the number of customers; call it before deciding what to dun.
     */
    @Transactional
    public int applyCredit(Collection<UUID> customerIds, Set<UUID> leaveOut) {
        if (customerIds.isEmpty()) {
            return 0;
        }
        Map<UUID, List<Payment>> credit = withCredit(customerIds);
        if (credit.isEmpty()) {
            return 0;
        }
        Map<UUID, List<OpenItem>> open = invoices.openItems(credit.keySet());
        Instant now = clock.instant();
        int applied = 0;
        for (Map.Entry<UUID, List<Payment>> customer : credit.entrySet()) {
            for (Take take : takes(customer.getValue(), open.get(customer.getKey()), leaveOut)) {
                Money taken = invoices.applyPayment(take.invoiceId(), take.amount());
                take.payment().allocate(take.invoiceId(), taken, AllocationSource.CREDIT, now);
                applied++;
            }
        }
        return applied;
    }

    /**
     * What {@link #applyCredit} would pay, changing nothing: for the customers' open items as
     * given (read before any credit is applied), the amount each invoice would take from credit.
     * One query whatever the number of customers; for a simulation, which must see what the run sees.
     */
    @Transactional(readOnly = true)
    public Map<UUID, Money> creditToApply(Map<UUID, List<OpenItem>> open, Set<UUID> leaveOut) {
        if (open.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Money> paid = new java.util.HashMap<>();
        withCredit(open.keySet()).forEach((customerId, payments) -> takes(payments, open.get(customerId), leaveOut)
                .forEach(take -> paid.merge(take.invoiceId(), take.amount(), Money::plus)));
        return paid;
    }

    private Map<UUID, List<Payment>> withCredit(Collection<UUID> customerIds) {
        return payments.findWithCredit(customerIds).stream()
                .collect(Collectors.groupingBy(Payment::getCustomerId, LinkedHashMap::new, Collectors.toList()));
    }

    /** A part of a payment's credit an invoice takes. */
    private record Take(Payment payment, UUID invoiceId, Money amount) {
    }

    /** The oldest credit first, to the oldest due item first (as listed), skipping the left-out items. */
    private static List<Take> takes(List<Payment> withCredit, List<OpenItem> open, Set<UUID> leaveOut) {
        List<Take> takes = new java.util.ArrayList<>();
        java.util.Iterator<Payment> credits = withCredit.iterator();
        Payment current = credits.next();
        Money left = current.getUnapplied();
        for (OpenItem item : open) {
            if (leaveOut.contains(item.invoiceId())) {
                continue;
            }
            Money owed = item.openAmount();
            while (owed.isPositive()) {
                while (left.isZero()) {
                    if (!credits.hasNext()) {
                        return takes;
                    }
                    current = credits.next();
                    left = current.getUnapplied();
                }
                if (!owed.currency().equals(left.currency())) {
                    throw new CurrencyMismatchException(owed.currency(), left.currency());
                }
                Money taken = left.min(owed);
                takes.add(new Take(current, item.invoiceId(), taken));
                owed = owed.minus(taken);
                left = left.minus(taken);
            }
        }
        return takes;
    }

    /**
     * Reverses a bounced or charged-back payment: its allocations stop counting, the invoices
     * they paid are owed again, and the account is decided again within a minute. A second
     * reversal of the same payment is refused (409): it would say the money bounced twice.
     */
    public PaymentView reverse(UUID paymentId, String reason) {
        requireRole("reverse a payment", Roles.FINANCE, Roles.ADMIN, Roles.INTEGRATIONS);
        access.check(transaction.execute(status -> find(paymentId).getCustomerId()));
        return transaction.execute(status -> {
            Payment payment = find(paymentId);
            Map<UUID, Money> reopened = new LinkedHashMap<>();
            Map<UUID, Money> unrecovered = new LinkedHashMap<>();
            for (PaymentAllocation allocation : payment.reverse(reason, Actors.current(), clock.instant())) {
                // a bounced recovery was never recovered: the write-off stands, nothing is owed again
                (allocation.getSource() == AllocationSource.RECOVERY ? unrecovered : reopened).merge(
                        allocation.getInvoiceId(), Money.of(allocation.getAmount(), payment.getAmount().currency()),
                        Money::plus);
            }
            reopened.forEach(invoices::reversePayment);
            unrecovered.forEach(invoices::reverseRecovery);
            payments.saveAndFlush(payment);
            schedule.changed(payment.getCustomerId());
            events.publishEvent(new PaymentReversed(payment.getId(), payment.getCustomerId(), payment.getAmount(),
                    reason, payment.getRecordedAt()));
            return PaymentView.of(payment);
        });
    }

    /** Pays unapplied credit back to the customer (finance). */
    public PaymentView refund(UUID paymentId, java.math.BigDecimal amount, String reason) {
        requireRole("refund credit", Roles.FINANCE, Roles.ADMIN);
        access.check(transaction.execute(status -> find(paymentId).getCustomerId()));
        return transaction.execute(status -> {
            Payment payment = find(paymentId);
            InvalidFieldException.requireExact("amount", amount, payment.getAmount().currency());
            payment.refund(Money.of(amount, payment.getAmount().currency()), reason, Actors.current(), clock.instant());
            payments.saveAndFlush(payment);
            return PaymentView.of(payment);
        });
    }

    /** Applies unapplied credit of the payment to an open invoice of the same customer, named by its number. */
    public PaymentView reallocate(UUID paymentId, String invoiceNumber, java.math.BigDecimal amount) {
        requireRole("reallocate credit", Roles.FINANCE, Roles.ADMIN);
        access.check(transaction.execute(status -> find(paymentId).getCustomerId()));
        return transaction.execute(status -> {
            Payment payment = find(paymentId);
            Currency currency = payment.getAmount().currency();
            InvalidFieldException.requireExact("amount", amount, currency);
            Money wanted = Money.of(amount, currency);
            if (wanted.compareTo(payment.getUnapplied()) > 0) {
                throw new BusinessRuleException("allocation-exceeds-credit", "Payment " + payment.getExternalId()
                        + " has only " + payment.getUnapplied() + " unapplied, not " + wanted);
            }
            OpenItem item = invoices.lockOpenItems(payment.getCustomerId()).stream()
                    .filter(open -> open.number().equals(invoiceNumber)).findFirst()
                    .orElseThrow(() -> new BusinessRuleException("invoice-not-open", "Invoice " + invoiceNumber
                            + " is not an open invoice of this customer"));
            if (wanted.compareTo(item.openAmount()) > 0) {
                throw new BusinessRuleException("allocation-exceeds-open-amount", "Invoice " + invoiceNumber
                        + " has only " + item.openAmount() + " open, not " + wanted);
            }
            payment.allocate(item.invoiceId(), invoices.applyPayment(item.invoiceId(), wanted), AllocationSource.MANUAL,
                    clock.instant());
            payments.saveAndFlush(payment);
            schedule.changed(payment.getCustomerId());
            return PaymentView.of(payment);
        });
    }

    /** Checked here as well as on the URL, so no other door (a page, a task) gets round it. */
    private static void requireRole(String action, String... roles) {
        CurrentUser.get().filter(user -> !user.inAny(roles)).ifPresent(user -> {
            throw new NotPermittedException("not-permitted", "Only " + String.join(", ", roles) + " may " + action);
        });
    }

    private Payment find(UUID paymentId) {
        return payments.findById(paymentId).orElseThrow(() -> new NotFoundException("Payment", paymentId));
    }
}
