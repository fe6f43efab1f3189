package io.recollect.audit.internal;

import io.recollect.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Writes the access log's lines for a person's request about customers, one per customer and
 * request. Outside a transaction a line is written at once; inside one (a read-only one cannot
 * insert, and a second connection per request could drain the pool) it waits in the request and
 * is written by {@link AccessLogFlush} before the answer's body, or after the request when it has
 * none. A refused or failed request keeps its lines; a line that cannot be written fails the
 * request before its body leaves.
 */
@Component
public class AccessRecorder {

    private static final String RECORDED = AccessRecorder.class.getName() + ".recorded";
    private static final String PENDING = AccessRecorder.class.getName() + ".pending";
    private static final int MAX_ENDPOINT = 200;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AccessRecorder(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Line(OffsetDateTime at, String user, UUID customerId, String method, String endpoint,
            AccessOutcome outcome) {
    }

    /** Machine accounts of integrating systems are not people; work outside an HTTP request has no reader. */
    public void record(CurrentUser user, UUID customerId, boolean allowed) {
        HttpServletRequest request = currentRequest();
        if (user.machine() || request == null || !firstInRequest(request, customerId, allowed)) {
            return;
        }
        Line line = new Line(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), user.id(), customerId,
                request.getMethod(), endpoint(request), allowed ? AccessOutcome.GRANTED : AccessOutcome.DENIED);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            pending(request).add(line);
        } else {
            write(List.of(line));
        }
    }

    /** Writes the request's waiting lines; called once the services' transactions have ended. */
    void flush(HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        List<Line> pending = (List<Line>) request.getAttribute(PENDING);
        if (pending != null && !pending.isEmpty()) {
            List<Line> lines = List.copyOf(pending);
            pending.clear();
            write(lines);
        }
    }

    private void write(List<Line> lines) {
        jdbc.batchUpdate("""
                insert into access_log (accessed_at, user_id, customer_id, http_method, endpoint, outcome)
                values (?, ?, ?, ?, ?, ?)""", lines.stream().map(line -> new Object[] {line.at(), line.user(),
                line.customerId(), line.method(), line.endpoint(), line.outcome().name()}).toList());
    }

    @SuppressWarnings("unchecked")
    private static List<Line> pending(HttpServletRequest request) {
        List<Line> pending = (List<Line>) request.getAttribute(PENDING);
        if (pending == null) {
            pending = new ArrayList<>();
            request.setAttribute(PENDING, pending);
        }
        return pending;
    }

    @SuppressWarnings("unchecked")
    private static boolean firstInRequest(HttpServletRequest request, UUID customerId, boolean allowed) {
        Set<String> recorded = (Set<String>) request.getAttribute(RECORDED);
        if (recorded == null) {
            recorded = new HashSet<>();
            request.setAttribute(RECORDED, recorded);
        }
        return recorded.add(customerId + "/" + allowed);
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
