package io.recollect.plans;

import io.recollect.shared.Money;
import java.time.LocalDate;

/**
 * One instalment and what has been paid towards it (payments fill instalments oldest first).
 *
 * @param seq 0 for the down payment, then 1, 2, ...
 */
public record InstalmentView(int seq, LocalDate dueDate, Money amount, Money paid, InstalmentState state) {
}
