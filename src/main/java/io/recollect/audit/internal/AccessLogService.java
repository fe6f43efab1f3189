package io.recollect.audit.internal;

import io.recollect.security.CurrentUser;
import io.recollect.security.Roles;
import io.recollect.shared.BusinessRuleException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Reads the access log for auditors. An auditor's query is itself a line of the log, and no one
 * sees the lines of their own requests: an auditor who also collects is audited by another auditor.
 */
@Service
class AccessLogService {

    private final JdbcTemplate jdbc;
    private final AccessRecorder recorder;

    AccessLogService(JdbcTemplate jdbc, AccessRecorder recorder) {
        this.jdbc = jdbc;
        this.recorder = recorder;
    }

    AccessLogPage search(AccessLogQuery query) {
        CurrentUser auditor = CurrentUser.get().filter(user -> user.inAny(Roles.AUDITORS))
                .orElseThrow(() -> new AccessDeniedException("Only auditors read the access log"));
        if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
            throw new BusinessRuleException("invalid-period", "from must be before to");
        }
        recorder.record(auditor, query.customerId(), true);
        StringBuilder where = new StringBuilder(" where user_id <> ?");
        List<Object> args = new ArrayList<>(List.of(auditor.id()));
        criterion(where, args, "customer_id = ?", query.customerId());
        criterion(where, args, "accessed_at >= ?", utc(query.from()));
        criterion(where, args, "accessed_at < ?", utc(query.to()));
        criterion(where, args, "user_id = ?", query.user());
        Long total = jdbc.queryForObject("select count(*) from access_log" + where, Long.class, args.toArray());
        List<Object> paged = new ArrayList<>(args);
        paged.add(query.size());
        paged.add((long) query.page() * query.size());
        List<AccessLogEntry> entries = jdbc.query("""
                select accessed_at, user_id, customer_id, http_method, endpoint, outcome from access_log"""
                + where + " order by accessed_at desc, id desc limit ? offset ?",
                (rs, row) -> new AccessLogEntry(rs.getObject("accessed_at", OffsetDateTime.class).toInstant(),
                        rs.getString("user_id"), rs.getObject("customer_id", UUID.class), rs.getString("http_method"),
                        rs.getString("endpoint"), AccessOutcome.valueOf(rs.getString("outcome"))),
                paged.toArray());
        return new AccessLogPage(entries, query.page(), query.size(), total == null ? 0 : total);
    }

    private static void criterion(StringBuilder where, List<Object> args, String condition, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            args.add(value);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
