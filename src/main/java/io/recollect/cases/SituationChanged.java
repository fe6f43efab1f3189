package io.recollect.cases;

import java.util.UUID;

/** Something the collection path reads changed (promise, dispute, pause): evaluate the case now. */
public record SituationChanged(UUID customerId) {
}
