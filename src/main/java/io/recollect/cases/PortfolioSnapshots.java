package io.recollect.cases;

import io.recollect.customers.CustomerView;
import io.recollect.rules.PortfolioSituations;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every open account's situation for a simulation, built by the run's own set-based reading
 * batch by batch: {@link AccountDecider#peek}, the same queries as the run's read, with the
 * credit the run would apply and the promises it would settle decided by the code that applies
 * them but nothing written. Each batch is read in a read-only transaction that is rolled back.
 */
@Component
class PortfolioSnapshots implements PortfolioSituations {

    private final JdbcTemplate jdbc;
    private final AccountDecider decider;
    private final AccountSituations situations;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PortfolioSnapshots(JdbcTemplate jdbc, AccountDecider decider, AccountSituations situations,
            PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.decider = decider;
        this.situations = situations;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setReadOnly(true);
        this.clock = clock;
    }

    @Override
    public int count() {
        return jdbc.queryForObject("select count(distinct customer_id) from invoices where open_amount > 0", Integer.class);
    }

    @Override
    public List<UUID> page(UUID after, int size) {
        return after == null
                ? jdbc.queryForList("select distinct customer_id from invoices where open_amount > 0"
                        + " order by customer_id fetch first " + size + " rows only", UUID.class)
                : jdbc.queryForList("select distinct customer_id from invoices where open_amount > 0"
                        + " and customer_id > ? order by customer_id fetch first " + size + " rows only",
                        UUID.class, after);
    }

    @Override
    public List<Account> situations(List<UUID> customerIds) {
        return customerIds.isEmpty() ? List.of() : read(customerIds);
    }

    private List<Account> read(List<UUID> ids) {
        return transaction.execute(tx -> {
            tx.setRollbackOnly();
            Instant now = clock.instant();
            AccountDecider.BatchFacts facts = decider.peek(ids);
            List<Account> accounts = new ArrayList<>(ids.size());
            for (UUID customerId : ids) {
                CollectionCase openCase = facts.openCases().get(customerId);
                // An account the run would open a case for is seen as it would be on its first day.
                CollectionCase collectionCase = openCase != null ? openCase : CollectionCase.open(customerId, now);
                CustomerView customer = facts.customers().get(customerId);
                situations.of(collectionCase, facts.factsOf(collectionCase)).ifPresent(snapshot ->
                        accounts.add(new Account(customerId, customer.name(), snapshot.situation())));
            }
            return accounts;
        });
    }
}
