package io.recollect.customers;

import io.recollect.shared.ConflictException;
import io.recollect.shared.NotFoundException;
import java.time.Clock;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The customers module's public face: register accounts and look them up. */
@Service
public class CustomerService {

    private final Customers customers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerService(Customers customers, ApplicationEventPublisher events, Clock clock) {
        this.customers = customers;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public CustomerView register(NewCustomer request) {
        if (customers.existsByExternalRef(request.externalRef())) {
            throw new ConflictException("duplicate-customer",
                    "A customer with external ref " + request.externalRef() + " already exists");
        }
        Customer customer = new Customer(request.externalRef(), request.name(), request.email(),
                request.language() == null ? "en" : request.language(), request.segment(),
                request.riskBand() == null ? RiskBand.B : request.riskBand(),
                Currency.getInstance(request.currency()), clock.instant());
        return CustomerView.of(customers.save(customer));
    }

    /** Sets or clears the hardship flag; a change wakes the customer's case. */
    @Transactional
    public CustomerView setHardship(UUID id, boolean hardship, String note, String actor) {
        Customer customer = customers.findById(id).orElseThrow(() -> new NotFoundException("Customer", id));
        if (customer.markHardship(hardship, actor)) {
            events.publishEvent(new HardshipChanged(id, hardship, note, actor, clock.instant()));
        }
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
        return customers.findById(id).map(CustomerView::of)
                .orElseThrow(() -> new NotFoundException("Customer", id));
    }

    @Transactional(readOnly = true)
    public CustomerView getByExternalRef(String externalRef) {
        return customers.findByExternalRef(externalRef).map(CustomerView::of)
                .orElseThrow(() -> new NotFoundException("Customer with external ref", externalRef));
    }

    @Transactional(readOnly = true)
    public boolean any() {
        return customers.count() > 0;
    }
}
