package io.recollect.cases;

import io.recollect.audit.CustomerAccess;
import io.recollect.invoicing.InvoiceService;
import io.recollect.invoicing.InvoiceView;
import io.recollect.customers.CustomerService;
import io.recollect.security.Roles;
import io.recollect.shared.Actors;
import io.recollect.shared.BusinessRuleException;
import io.recollect.shared.ConflictException;
import io.recollect.shared.NotPermittedException;
import io.recollect.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Pauses dunning for a whole account or one invoice, with a reason and an end date; a new pause replaces the old. */
@Service
public class DunningPauseService {

    private final DunningPauses pauses;
    private final CustomerService customers;
    private final InvoiceService invoices;
    private final CaseJournal journal;
    private final CollectionProperties properties;
    private final CustomerAccess access;
    private final Approvals approvals;
    private final Clock clock;

    DunningPauseService(DunningPauses pauses, CustomerService customers, InvoiceService invoices, CaseJournal journal,
            CollectionProperties properties, CustomerAccess access, Approvals approvals, Clock clock) {
        this.approvals = approvals;
        this.pauses = pauses;
        this.customers = customers;
        this.invoices = invoices;
        this.journal = journal;
        this.properties = properties;
        this.access = access;
        this.clock = clock;
    }

    /** A pause someone asks for: longer than {@code pause-without-approval} takes a collection manager. */
    @Transactional
    public void pauseCustomer(UUID customerId, String reason, LocalDate until, String actor) {
        customers.get(customerId);
        pause(customerId, null, reason, until, actor, "Dunning paused until " + until + ": " + reason, true);
    }

    /** A pause whose length the configuration sets (wrong contact details), not the person asking. */
    @Transactional
    void pauseCustomerByPolicy(UUID customerId, String reason, LocalDate until, String actor) {
        pause(customerId, null, reason, until, actor, "Dunning paused until " + until + ": " + reason, false);
    }

    @Transactional
    public void pauseInvoice(UUID invoiceId, String reason, LocalDate until, String actor) {
        InvoiceView invoice = invoices.get(invoiceId);
        pause(invoice.customerId(), invoiceId, reason, until, actor,
                "Dunning of invoice " + invoice.number() + " paused until " + until + ": " + reason, true);
    }

    @Transactional
    public void resumeCustomer(UUID customerId, String actor) {
        access.check(customerId);
        resume(customerId, null, actor, "Dunning resumed");
    }

    @Transactional
    public void resumeInvoice(UUID invoiceId, String actor) {
        InvoiceView invoice = invoices.get(invoiceId);
        resume(invoice.customerId(), invoiceId, actor, "Dunning of invoice " + invoice.number() + " resumed");
    }

    /** What is paused today: the whole account (until when), and single invoices. */
    record ActivePauses(Optional<LocalDate> accountPausedUntil, Set<UUID> invoices) {
    }

    static final ActivePauses NONE = new ActivePauses(Optional.empty(), Set.of());

    ActivePauses active(UUID customerId) {
        return activeOf(pauses.findByCustomerIdAndEndedAtIsNull(customerId));
    }

    /** Each customer's active pauses, in one query; customers without any are absent. */
    java.util.Map<UUID, ActivePauses> active(java.util.Collection<UUID> customerIds) {
        return pauses.findNotEndedByCustomerIds(customerIds).stream()
                .collect(Collectors.groupingBy(DunningPause::getCustomerId)).entrySet().stream()
                .collect(Collectors.toMap(java.util.Map.Entry::getKey, e -> activeOf(e.getValue())));
    }

    private ActivePauses activeOf(List<DunningPause> notEnded) {
        LocalDate today = LocalDate.now(clock);
        var active = notEnded.stream().filter(p -> p.isActiveOn(today)).toList();
        return new ActivePauses(
                active.stream().filter(p -> p.getInvoiceId() == null).map(DunningPause::getPausedUntil).findFirst(),
                active.stream().map(DunningPause::getInvoiceId).filter(Objects::nonNull).collect(Collectors.toSet()));
    }

    private void requireMayPauseUntil(LocalDate until, String actor) {
        Period limit = properties.pauseWithoutApproval();
        if (until.isAfter(LocalDate.now(clock).plus(limit)) && !Actors.SYSTEM.equals(actor)
                && !approvals.isMember(actor, Roles.MANAGERS) && !approvals.isMember(actor, Roles.ADMIN)) {
            throw new NotPermittedException("pause-needs-manager", "A pause of more than " + limit.getDays()
                    + " days needs a collection manager; pause until " + LocalDate.now(clock).plus(limit)
                    + " at the latest, or ask a manager");
        }
    }

    private void pause(UUID customerId, UUID invoiceId, String reason, LocalDate until, String actor, String detail,
            boolean requested) {
        LocalDate today = LocalDate.now(clock);
        if (until.isBefore(today)) {
            throw new BusinessRuleException("pause-in-the-past", "A pause must end today or later, not " + until);
        }
        if (until.isAfter(today.plus(properties.maxPauseHorizon()))) {
            throw new BusinessRuleException("pause-too-long", "A pause may reach at most "
                    + properties.maxPauseHorizon().getDays() + " days ahead");
        }
        if (requested) {
            requireMayPauseUntil(until, actor);
        }
        try {
            endActive(customerId, invoiceId);
            // the ended pause gives up its open key before the new one takes it; a concurrent
            // pause of the same scope meets that key (or the ended row's version) here, not at commit
            pauses.flush();
            pauses.saveAndFlush(new DunningPause(customerId, invoiceId, reason, until, actor, clock.instant()));
        } catch (DataIntegrityViolationException | ConcurrencyFailureException raced) {
            if (raced instanceof DataIntegrityViolationException violation
                    && !OpenKeys.violated(violation, DunningPause.OPEN_KEY_ACCOUNT)
                    && !OpenKeys.violated(violation, DunningPause.OPEN_KEY_INVOICE)) {
                throw raced;
            }
            throw new ConflictException("pause-changed", "Another pause of the same "
                    + (invoiceId == null ? "account" : "invoice") + " was set at the same time; reload and retry");
        }
        journal.changed(customerId, CaseEventType.DUNNING_PAUSED, detail, actor);
    }

    private void resume(UUID customerId, UUID invoiceId, String actor, String detail) {
        if (!endActive(customerId, invoiceId)) {
            throw new NotFoundException("Active dunning pause for", invoiceId == null ? customerId : invoiceId);
        }
        journal.changed(customerId, CaseEventType.DUNNING_RESUMED, detail, actor);
    }

    private boolean endActive(UUID customerId, UUID invoiceId) {
        var active = pauses.findByCustomerIdAndEndedAtIsNull(customerId).stream()
                .filter(p -> Objects.equals(p.getInvoiceId(), invoiceId)).toList();
        active.forEach(p -> p.end(clock.instant()));
        return !active.isEmpty();
    }
}
