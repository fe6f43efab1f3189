package io.recollect.audit.internal;

import io.recollect.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Writes a line of the access log for a person's request about a customer, once per customer and
 * request, before the answer is written. Its own transaction: a read-only request can write it,
 * and a refused or failed request keeps its line. If the line cannot be written, the request fails.
 */
@Component
public class AccessRecorder {

    private static final String RECORDED = AccessRecorder.class.getName() + ".recorded";
    private static final int MAX_ENDPOINT = 200;
    /** The line of an access-log query that names no customer. */
    private static final UUID NO_CUSTOMER = new UUID(0, 0);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    AccessRecorder(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Machine accounts of integrating systems are not people; work outside an HTTP request has no reader. */
    public void record(CurrentUser user, UUID customerId, boolean allowed) {
        HttpServletRequest request = currentRequest();
        if (user.machine() || request == null || !firstInRequest(request, customerId, allowed)) {
            return;
        }
        String endpoint = endpoint(request);
        AccessOutcome outcome = allowed ? AccessOutcome.GRANTED : AccessOutcome.DENIED;
        ownTransaction.executeWithoutResult(status -> jdbc.update("""
                insert into access_log (accessed_at, user_id, customer_id, http_method, endpoint, outcome)
                values (?, ?, ?, ?, ?, ?)""",
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), user.id(), customerId,
                request.getMethod(), endpoint, outcome.name()));
    }

    @SuppressWarnings("unchecked")
    private static boolean firstInRequest(HttpServletRequest request, UUID customerId, boolean allowed) {
        Set<String> recorded = (Set<String>) request.getAttribute(RECORDED);
        if (recorded == null) {
            recorded = new HashSet<>();
            request.setAttribute(RECORDED, recorded);
        }
        return recorded.add((customerId == null ? NO_CUSTOMER : customerId) + "/" + allowed);
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    /** The route template (ids left out) for the app's API; the path for Camunda's REST API and webapps. */
    private static String endpoint(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String endpoint = pattern != null ? pattern.toString()
                : request.getRequestURI().substring(request.getContextPath().length());
        return endpoint.length() > MAX_ENDPOINT ? endpoint.substring(0, MAX_ENDPOINT) : endpoint;
    }
}
