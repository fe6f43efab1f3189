package io.recollect.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down password guessing per user id and per client address, with waits that grow with
 * each failure and end by themselves: nobody can lock a user out for good, and the owner logs
 * in once the wait is over. The counts live in the database, so every node sees them.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final String USER = "USER";
    private static final String ADDRESS = "ADDRESS";
    private static final int MAX_SUBJECT = 255;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final LoginThrottleProperties limits;
    private final Clock clock;

    LoginThrottle(JdbcTemplate jdbc, TransactionTemplate transaction, LoginThrottleProperties limits, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.limits = limits;
        this.clock = clock;
    }

    /** Refuses the attempt, before any password is checked, while the user or the address must wait. */
    void checkAllowed(String user, String address) {
        Instant now = clock.instant();
        List<Instant> locks = jdbc.query("""
                select locked_until from login_throttle
                where locked_until > ? and ((subject_kind = ? and subject = ?) or (subject_kind = ? and subject = ?))""",
                (rs, row) -> rs.getTimestamp(1).toInstant(), Timestamp.from(now), USER, subject(user), ADDRESS,
                subject(address));
        locks.stream().max(Instant::compareTo).ifPresent(until -> {
            log.info("Login refused while throttled: user {} from address {} until {}", user, address, until);
            throw new LoginThrottledException(Duration.between(now, until));
        });
    }

    void failed(String user, String address) {
        Instant now = clock.instant();
        jdbc.update("delete from login_throttle where last_failure_at < ? and (locked_until is null or locked_until < ?)",
                Timestamp.from(now.minus(limits.forgetAfter())), Timestamp.from(now));
        if (user.length() <= MAX_SUBJECT) {
            count(USER, user, limits.user(), now, user, address);
        }
        count(ADDRESS, subject(address), limits.address(), now, user, address);
    }

    void succeeded(String user, String address) {
        int cleared = jdbc.update("delete from login_throttle where subject_kind = ? and subject = ?", USER, subject(user));
        if (cleared > 0) {
            log.info("Login of user {} from address {} succeeded; its failed-login count is cleared", user, address);
        }
    }

    private void count(String kind, String subject, LoginThrottleProperties.Limit limit, Instant now, String user,
            String address) {
        int failures;
        try {
            failures = transaction.execute(status -> countInTransaction(kind, subject, limit, now));
        } catch (DuplicateKeyException raced) {
            // another node counted this subject's first failure at the same moment: count on top of it
            failures = transaction.execute(status -> countInTransaction(kind, subject, limit, now));
        }
        Duration delay = limit.delayAfter(failures);
        if (!delay.isZero()) {
            log.warn("Login throttled: {} {} must wait {} after {} failed logins (last: user {} from address {})",
                    kind.toLowerCase(), subject, delay, failures, user, address);
        }
    }

    /** Counts one more failure of the subject and returns its failures in a row. */
    private int countInTransaction(String kind, String subject, LoginThrottleProperties.Limit limit, Instant now) {
        List<Integer> previous = jdbc.query("""
                select failures, last_failure_at from login_throttle where subject_kind = ? and subject = ? for update""",
                (rs, row) -> rs.getTimestamp(2).toInstant().isBefore(now.minus(limits.forgetAfter())) ? 0 : rs.getInt(1),
                kind, subject);
        int failures = previous.isEmpty() ? 1 : previous.get(0) + 1;
        Duration delay = limit.delayAfter(failures);
        Timestamp lockedUntil = delay.isZero() ? null : Timestamp.from(now.plus(delay));
        if (previous.isEmpty()) {
            jdbc.update("""
                    insert into login_throttle (subject_kind, subject, failures, last_failure_at, locked_until)
                    values (?, ?, ?, ?, ?)""", kind, subject, failures, Timestamp.from(now), lockedUntil);
        } else {
            jdbc.update("""
                    update login_throttle set failures = ?, last_failure_at = ?, locked_until = ?
                    where subject_kind = ? and subject = ?""", failures, Timestamp.from(now), lockedUntil, kind, subject);
        }
        return failures;
    }

    private static String subject(String value) {
        return value.length() <= MAX_SUBJECT ? value : value.substring(0, MAX_SUBJECT);
    }
}
