package io.recollect.customers;

import io.recollect.audit.CustomerAccess;
import io.recollect.security.CurrentUser;
import io.recollect.security.Roles;
import io.recollect.shared.ConflictException;
import io.recollect.shared.NotFoundException;
import java.time.Clock;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The customers module's public face: register accounts and look them up. */
@Service
public class CustomerService {

    private final Customers customers;
    private final ApplicationEventPublisher events;
    private final CustomerAccess access;
    private final Clock clock;

    private final AccountSchedule schedule;

    CustomerService(Customers customers, ApplicationEventPublisher events, AccountSchedule schedule,
            CustomerAccess access, Clock clock) {
        this.schedule = schedule;
        this.customers = customers;
        this.events = events;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public CustomerView register(NewCustomer request) {
        if (customers.existsByExternalRef(request.externalRef())) {
            throw new ConflictException("duplicate-customer",
                    "A customer with external ref " + request.externalRef() + " already exists");
        }
        Customer customer = new Customer(request.externalRef(), request.name(), request.email(), request.phone(),
                request.language() == null ? "en" : request.language(), request.segment(),
                request.riskBand() == null ? RiskBand.B : request.riskBand(),
                Currency.getInstance(request.currency()), clock.instant());
        return CustomerView.of(customers.save(customer));
    }

    /** Sets or clears the hardship flag; a change wakes the customer's case. */
    @Transactional
    public CustomerView setHardship(UUID id, boolean hardship, String note, String actor) {
        Customer customer = find(id);
        if (customer.markHardship(hardship, actor)) {
            schedule.changed(id);
            events.publishEvent(new HardshipChanged(id, hardship, note, actor, clock.instant()));
        }
        return CustomerView.of(customer);
    }

    /** Assigns the customer to a team of collectors, or to none (null); for integrations, managers and admins. */
    @Transactional
    public CustomerView assignTeam(UUID id, String team) {
        CurrentUser.get().filter(user -> !user.inAny(Roles.ADMIN, Roles.INTEGRATIONS, Roles.MANAGERS))
                .ifPresent(user -> {
                    throw new AccessDeniedException("Only integrations, managers and admins assign teams");
                });
        Customer customer = find(id);
        customer.assignTeam(team);
        return CustomerView.of(customer);
    }

    /** Who reported the customer's current hardship, if they are in hardship and someone did. */
    @Transactional(readOnly = true)
    public Optional<String> hardshipReportedBy(UUID id) {
        return customers.findById(id).filter(Customer::isHardship).map(Customer::getHardshipReportedBy);
    }

    /**
     * Locks the account's row until the caller's transaction ends, so work that must happen once
     * per account (opening its case) queues up across threads and nodes instead of racing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockAccount(UUID id) {
        customers.lockById(id).orElseThrow(() -> new NotFoundException("Customer", id));
    }

    @Transactional(readOnly = true)
    public CustomerView get(UUID id) {
        return CustomerView.of(find(id));
    }

    /** Many customers in one query, by id. */
    @Transactional(readOnly = true)
    public java.util.Map<UUID, CustomerView> getAll(java.util.Collection<UUID> ids) {
        return customers.findAllById(ids).stream().map(CustomerView::of)
                .collect(java.util.stream.Collectors.toMap(CustomerView::id, c -> c));
    }

    @Transactional(readOnly = true)
    public CustomerView getByExternalRef(String externalRef) {
        Customer customer = customers.findByExternalRef(externalRef)
                .orElseThrow(() -> new NotFoundException("Customer with external ref", externalRef));
        access.check(customer.getId(), customer.getTeam());
        return CustomerView.of(customer);
    }

    /** Every use of a customer by a user passes {@link CustomerAccess}: the team check and the access log. */
    private Customer find(UUID id) {
        Customer customer = customers.findById(id).orElseThrow(() -> new NotFoundException("Customer", id));
        access.check(customer.getId(), customer.getTeam());
        return customer;
    }

    @Transactional(readOnly = true)
    public boolean any() {
        return customers.count() > 0;
    }
}
