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
import java.time.Clock;
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

    /** The payments of many customers recorded at or after {@code since}, in one query. */
    public List<Received> receivedSince(java.util.Collection<UUID> customerIds, Instant since) {
        return transaction.execute(status -> payments.findRecordedSince(customerIds, since).stream()
                .map(p -> new Received(p.getCustomerId(), p.getAmount(), p.getRecordedAt())).toList());
    }

    public PaymentView get(UUID paymentId) {
        Payment payment = transaction.execute(status -> payments.findById(paymentId)
                .orElseThrow(() -> new NotFoundException("Payment", paymentId)));
        access.check(payment.getCustomerId());
        return PaymentView.of(payment);
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
            payment.allocate(item.invoiceId(), applied);
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
            payment.allocate(item.invoiceId(), invoices.applyPayment(item.invoiceId(), wanted));
        }
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
            payment.allocate(invoiceId, recovered);
        }
    }

    private static PaymentView sameAs(Payment existing, NewPayment request) {
        boolean same = existing.getCustomerId().equals(request.customerId())
                && existing.getAmount().amount().compareTo(request.amount()) == 0
                && existing.getAmount().currency().getCurrencyCode().equals(request.currency());
        if (!same) {
            throw new ConflictException("duplicate-external-id", "Payment " + request.externalId()
                    + " was already recorded with a different customer, amount or currency");
        }
        return PaymentView.of(existing);
    }
}
