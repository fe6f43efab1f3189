package io.recollect.customers;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer as other modules and the API see it; {@code team} null when no team works it,
 * {@code phone} null when the customer gave no number.
 */
public record CustomerView(UUID id, String externalRef, String name, String email, String language,
        Segment segment, RiskBand riskBand, String currency, boolean hardship, Instant createdAt,
        String team, String phone) {

    static CustomerView of(Customer c) {
        return new CustomerView(c.getId(), c.getExternalRef(), c.getName(), c.getEmail(), c.getLanguage(),
                c.getSegment(), c.getRiskBand(), c.getCurrency().getCurrencyCode(), c.isHardship(), c.getCreatedAt(),
                c.getTeam(), c.getPhone());
    }
}
