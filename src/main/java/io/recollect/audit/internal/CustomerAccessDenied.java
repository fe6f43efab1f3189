package io.recollect.audit.internal;

import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;

/** A team-bound collector asked for a customer of another team. */
public class CustomerAccessDenied extends AccessDeniedException {

    public CustomerAccessDenied(UUID customerId) {
        super("Customer " + customerId + " is assigned to a team you are not in");
    }
}
