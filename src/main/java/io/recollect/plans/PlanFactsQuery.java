package io.recollect.plans;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The plans of many accounts in two queries: the running plans' invoices, and the broken plans counted. */
@Component
class PlanFactsQuery {

    private final NamedParameterJdbcTemplate jdbc;

    PlanFactsQuery(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    PlanFacts of(Collection<UUID> customerIds) {
        Map<UUID, Set<UUID>> active = new HashMap<>();
        jdbc.query("select p.customer_id, pi.invoice_id from payment_plans p join plan_invoices pi on pi.plan_id = p.id"
                + " where p.status = 'ACTIVE' and p.customer_id in (:ids)", Map.of("ids", customerIds),
                rs -> {
                    active.computeIfAbsent(rs.getObject(1, UUID.class), c -> new HashSet<>()).add(rs.getObject(2, UUID.class));
                });
        Map<UUID, Integer> broken = new HashMap<>();
        jdbc.query("select customer_id, count(*) from payment_plans where status = 'BROKEN' and customer_id in (:ids)"
                + " group by customer_id", Map.of("ids", customerIds),
                rs -> {
                    broken.put(rs.getObject(1, UUID.class), rs.getInt(2));
                });
        return new PlanFacts(active, broken);
    }
}
