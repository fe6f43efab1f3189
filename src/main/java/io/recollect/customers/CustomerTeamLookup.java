package io.recollect.customers;

import io.recollect.audit.CustomerTeams;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class CustomerTeamLookup implements CustomerTeams {

    private final Customers customers;

    CustomerTeamLookup(Customers customers) {
        this.customers = customers;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> teamOf(UUID customerId) {
        return customers.findById(customerId).map(Customer::getTeam);
    }
}
