package io.recollect.rules;

import java.util.List;
import java.util.UUID;

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

    /**
     * The next page of customers with open debt, in customer id order: those after {@code after}
     * (from the first when null), at most {@code size}; empty at the end.
     */
    List<UUID> page(UUID after, int size);

    /**
     * The situations of those of the customers with something overdue, read set-based (a fixed
     * number of queries whatever their number) and changing nothing. Safe to call from several
     * threads at once, one page each.
     */
    List<Account> situations(List<UUID> customerIds);
}
