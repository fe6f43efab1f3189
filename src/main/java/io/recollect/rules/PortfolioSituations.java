package io.recollect.rules;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Every open account's situation right now, as the collection run would build it; a simulation
 * decides them with two versions. Implemented by the module that owns the accounts (cases), so
 * the situations cannot drift from the run's.
 */
public interface PortfolioSituations {

    /** One account as the simulation shows it. */
    record Account(UUID customerId, String customerName, AccountSituation situation) {
    }

    /** How many accounts {@link #forEach} will visit at most (those with open debt). */
    int count();

    /** Hands the accounts with something overdue over in batches, reading nothing for keeps. */
    void forEach(int batchSize, Consumer<List<Account>> batch);
}
