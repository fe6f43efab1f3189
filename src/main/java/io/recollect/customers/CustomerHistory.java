package io.recollect.customers;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers in bulk, for loading a portfolio's history (module imports): look many up by
 * external ref, register many in one batch, lock the ones that exist. The caller checks who
 * may do this; these methods take no mark and publish nothing.
 */
@Service
public class CustomerHistory {

    private final Customers customers;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    CustomerHistory(Customers customers, NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.customers = customers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The customers with these external refs, by ref; refs nobody has are absent. */
    @Transactional(readOnly = true)
    public Map<String, CustomerView> findByExternalRefs(Collection<String> refs) {
        Map<String, CustomerView> found = new HashMap<>();
        if (!refs.isEmpty()) {
            customers.findByExternalRefIn(refs).forEach(c -> found.put(c.getExternalRef(), CustomerView.of(c)));
        }
        return found;
    }

    /** The external refs of these customers, by id. */
    @Transactional(readOnly = true)
    public Map<UUID, String> externalRefs(Collection<UUID> ids) {
        Map<UUID, String> refs = new HashMap<>();
        if (!ids.isEmpty()) {
            customers.findAllById(ids).forEach(c -> refs.put(c.getId(), c.getExternalRef()));
        }
        return refs;
    }

    /** Registers the customers in one batch, as {@link CustomerService#register} would one by one; returns their ids by ref. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, UUID> registerAll(List<NewCustomer> requests) {
        Map<String, UUID> ids = new LinkedHashMap<>();
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        SqlParameterSource[] rows = requests.stream().map(request -> {
            UUID id = UUID.randomUUID();
            ids.put(request.externalRef(), id);
            return new MapSqlParameterSource("id", id).addValue("ref", request.externalRef())
                    .addValue("name", request.name()).addValue("email", request.email())
                    .addValue("phone", request.phone(), java.sql.Types.VARCHAR)
                    .addValue("language", request.language() == null ? "en" : request.language())
                    .addValue("segment", request.segment().name())
                    .addValue("risk", (request.riskBand() == null ? RiskBand.B : request.riskBand()).name())
                    .addValue("currency", request.currency()).addValue("now", now);
        }).toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("insert into customers (id, external_ref, name, email, phone, language, segment, risk_band,"
                + " currency, created_at, version, hardship) values (:id, :ref, :name, :email, :phone, :language,"
                + " :segment, :risk, :currency, :now, 0, false)", rows);
        return ids;
    }

    /**
     * Locks the rows of these existing customers until the caller's transaction ends: the
     * collection run claims accounts with SKIP LOCKED, so none of them is decided half loaded.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, UUID> lockAll(Collection<String> refs) {
        Map<String, UUID> ids = new HashMap<>();
        if (!refs.isEmpty()) {
            jdbc.query("select id, external_ref from customers where external_ref in (:refs) order by id for update",
                    Map.of("refs", refs), rs -> {
                        ids.put(rs.getString(2), rs.getObject(1, UUID.class));
                    });
        }
        return ids;
    }
}
