package io.recollect.cases;

import io.recollect.customers.CustomerView;
import io.recollect.rules.PortfolioSituations;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every open account's situation for a simulation, built by the run's own set-based reading
 * ({@link AccountDecider#read}) batch by batch. Each batch is read in a transaction that is
 * rolled back: promises the run would settle are settled in it, so the situation is the run's,
 * and nothing is kept.
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
        this.clock = clock;
    }

    @Override
    public int count() {
        return jdbc.queryForObject("select count(distinct customer_id) from invoices where open_amount > 0", Integer.class);
    }

    @Override
    public void forEach(int batchSize, Consumer<List<Account>> batch) {
        UUID after = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);
        boolean first = true;
        while (true) {
            List<UUID> ids = first
                    ? jdbc.queryForList("select distinct customer_id from invoices where open_amount > 0"
                            + " order by customer_id fetch first " + batchSize + " rows only", UUID.class)
                    : jdbc.queryForList("select distinct customer_id from invoices where open_amount > 0"
                            + " and customer_id > ? order by customer_id fetch first " + batchSize + " rows only",
                            UUID.class, after);
            first = false;
            if (ids.isEmpty()) {
                return;
            }
            batch.accept(read(ids));
            after = ids.get(ids.size() - 1);
        }
    }

    private List<Account> read(List<UUID> ids) {
        return transaction.execute(tx -> {
            tx.setRollbackOnly();
            Instant now = clock.instant();
            AccountDecider.BatchFacts facts = decider.read(ids);
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
