package io.recollect.payments;

import io.recollect.invoicing.InvoiceHistory;
import io.recollect.shared.Actors;
import io.recollect.shared.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments of a portfolio's history, recorded in bulk (module imports) with the allocations the
 * old system made, else oldest due first; what no invoice takes stays as credit, as with
 * {@link PaymentService#record}. The caller checks who may do this and marks the accounts.
 */
@Service
public class PaymentHistory {

    private final Payments payments;
    private final NamedParameterJdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PaymentHistory(Payments payments, NamedParameterJdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
        this.payments = payments;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A payment as recorded, for comparing with a file: {@code allocations} are the amounts its
     * own allocations (not credit applied later) gave each invoice, by invoice id; empty when it
     * was allocated oldest due first.
     */
    public record KnownPayment(UUID id, String externalId, UUID customerId, Money amount, LocalDate receivedOn,
            String method, String reference, Map<UUID, BigDecimal> allocations) {
    }

    @Transactional(readOnly = true)
    public Map<String, KnownPayment> findByExternalIds(Collection<String> externalIds) {
        Map<String, KnownPayment> found = new HashMap<>();
        if (!externalIds.isEmpty()) {
            payments.findByExternalIdIn(externalIds).forEach(p -> {
                Map<UUID, BigDecimal> allocated = new HashMap<>();
                if (p.isExplicitAllocation()) {
                    p.getAllocations().stream().filter(a -> a.getSource() == AllocationSource.PAYMENT)
                            .forEach(a -> allocated.merge(a.getInvoiceId(), a.getAmount(), BigDecimal::add));
                }
                found.put(p.getExternalId(), new KnownPayment(p.getId(), p.getExternalId(), p.getCustomerId(),
                        p.getAmount(), p.getReceivedOn(), p.getMethod(), p.getReference(), allocated));
            });
        }
        return found;
    }

    /** A payment of the history; without allocations it goes to the oldest due first. */
    public record HistoricPayment(String externalId, UUID customerId, Money amount, LocalDate receivedOn, String method,
            String reference, List<Allocation> allocations) {
    }

    public record Allocation(String invoiceNumber, Money amount) {
    }

    /**
     * Applies the payments to the ledger's invoices (the named ones first, in order, then those
     * without allocations oldest due first) and returns them ready to write once the ledger is.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Prepared prepare(List<HistoricPayment> requests, InvoiceHistory.Ledger ledger, Set<UUID> announce) {
        Instant now = clock.instant();
        String actor = Actors.current();
        List<Payment> prepared = new ArrayList<>();
        List<HistoricPayment> oldestFirst = new ArrayList<>();
        for (HistoricPayment request : requests) {
            if (request.allocations().isEmpty()) {
                oldestFirst.add(request);
                continue;
            }
            Payment payment = payment(request, now, actor);
            for (Allocation allocation : request.allocations()) {
                UUID invoice = ledger.openInvoice(allocation.invoiceNumber()).orElseThrow(() ->
                        new io.recollect.shared.BusinessRuleException("invoice-not-open", "Invoice "
                                + allocation.invoiceNumber() + " is not an open invoice of this customer"));
                payment.allocate(invoice, ledger.apply(allocation.invoiceNumber(), allocation.amount()),
                        AllocationSource.PAYMENT, now);
            }
            payment.allocatedAsNamed();
            prepared.add(payment);
        }
        for (HistoricPayment request : oldestFirst) {
            Payment payment = payment(request, now, actor);
            for (String number : ledger.openOldestFirst(request.customerId())) {
                if (payment.getUnapplied().isZero()) {
                    break;
                }
                Money applied = payment.getUnapplied().min(ledger.openAmount(number));
                payment.allocate(ledger.openInvoice(number).orElseThrow(), ledger.apply(number, applied),
                        AllocationSource.PAYMENT, now);
            }
            prepared.add(payment);
        }
        return new Prepared(prepared, announce);
    }

    private static Payment payment(HistoricPayment request, Instant now, String actor) {
        return new Payment(request.externalId(), request.customerId(), request.amount(), request.receivedOn(),
                request.method(), request.reference(), now, actor);
    }

    /** Payments applied to a ledger; {@link #write} after the ledger's. */
    public final class Prepared {

        private final List<Payment> prepared;
        private final Set<UUID> announce;

        private Prepared(List<Payment> prepared, Set<UUID> announce) {
            this.prepared = prepared;
            this.announce = announce;
        }

        /**
         * Writes payments and allocations in batches. Payments of customers that existed before
         * are announced as any payment is (a running hardship plan counts them); a customer the
         * import creates has no plan to tell.
         */
        public void write() {
            List<SqlParameterSource> paymentRows = new ArrayList<>();
            List<SqlParameterSource> allocationRows = new ArrayList<>();
            for (Payment p : prepared) {
                var at = p.getRecordedAt().atOffset(ZoneOffset.UTC);
                paymentRows.add(new MapSqlParameterSource("id", p.getId()).addValue("external", p.getExternalId())
                        .addValue("customer", p.getCustomerId()).addValue("amount", p.getAmount().amount())
                        .addValue("currency", p.getAmount().currency().getCurrencyCode())
                        .addValue("received", p.getReceivedOn()).addValue("method", p.getMethod())
                        .addValue("reference", p.getReference(), java.sql.Types.VARCHAR).addValue("unapplied", p.getUnapplied().amount())
                        .addValue("at", at).addValue("by", p.getRecordedBy())
                        .addValue("explicit", p.isExplicitAllocation()));
                for (PaymentAllocation a : p.getAllocations()) {
                    allocationRows.add(new MapSqlParameterSource("id", UUID.randomUUID()).addValue("payment", p.getId())
                            .addValue("invoice", a.getInvoiceId()).addValue("amount", a.getAmount())
                            .addValue("source", a.getSource().name()).addValue("at", at));
                }
            }
            jdbc.batchUpdate("insert into payments (id, external_id, customer_id, amount, currency, received_on, method,"
                    + " reference, unapplied_amount, recorded_at, recorded_by, explicit_allocation, version) values"
                    + " (:id, :external, :customer, :amount, :currency, :received, :method, :reference, :unapplied,"
                    + " :at, :by, :explicit, 0)", paymentRows.toArray(SqlParameterSource[]::new));
            jdbc.batchUpdate("insert into payment_allocations (id, payment_id, invoice_id, amount, source, allocated_at)"
                    + " values (:id, :payment, :invoice, :amount, :source, :at)",
                    allocationRows.toArray(SqlParameterSource[]::new));
            prepared.stream().filter(p -> announce.contains(p.getCustomerId())).forEach(p -> events.publishEvent(
                    new PaymentRecorded(p.getId(), p.getCustomerId(), p.getAmount(), p.getReceivedOn())));
        }

        public int count() {
            return prepared.size();
        }
    }
}
