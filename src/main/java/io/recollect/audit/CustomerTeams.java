package io.recollect.audit;

import java.util.Optional;
import java.util.UUID;

/** The team a customer is assigned to; implemented by the module that owns customers. */
public interface CustomerTeams {

    Optional<String> teamOf(UUID customerId);
}
