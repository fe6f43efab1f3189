package io.recollect.dunning;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.recollect.dunning.MailDelivery.MessageRejectedException;
import io.recollect.dunning.MailDelivery.ServerUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued emails. Each email is claimed, sent and recorded in one short transaction of its
 * own: {@code FOR UPDATE SKIP LOCKED} lets every node sweep the outbox at once without two of
 * them taking the same email, and a node that dies mid-send loses its row locks with its
 * connection, so the next sweep, on any node, resumes at once. Between the server accepting an
 * email and the commit that records it lies one email at most: a crash there sends that one
 * again, with the same Message-ID.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private static final String COLUMNS = "id, recipient, subject, body, text_body, attempts";
    private static final RowMapper<OutboxMail> MAIL = (rs, row) -> new OutboxMail(rs.getObject("id", UUID.class),
            rs.getString("recipient"), rs.getString("subject"), rs.getString("body"), rs.getString("text_body"),
            rs.getInt("attempts"), List.of());
    private static final RowMapper<MailAttachment> ATTACHMENT = (rs, row) -> new MailAttachment(
            rs.getString("filename"), rs.getString("content_type"), rs.getBytes("content"));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final MailDelivery delivery;
    private final OutboxProperties properties;
    private final Clock clock;
    private final Counter sentCounter;
    private final Counter failedCounter;
    private final Counter retriedCounter;

    OutboxSender(JdbcTemplate jdbc, PlatformTransactionManager transactions, MailDelivery delivery,
            OutboxProperties properties, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.delivery = delivery;
        this.properties = properties;
        this.clock = clock;
        this.sentCounter = meters.counter("recollect.mail.sent");
        this.failedCounter = meters.counter("recollect.mail.failed");
        this.retriedCounter = meters.counter("recollect.mail.retried");
    }

    /**
     * Sends up to {@code limit} due emails over one SMTP connection; stops at the first sign of an
     * outage. Each claim starts after the one before, in the outbox's order, so a pass never walks
     * again over the emails it sent (dead index entries until the table is vacuumed) or those other
     * senders hold; one it passed because another sender held it is still queued for the next pass.
     */
    SendResult sendQueued(int limit) {
        SendResult result = SendResult.NONE;
        Position[] after = {null};
        try (MailDelivery.Connection smtp = delivery.connection()) {
            while (result.total() < limit) {
                Outcome outcome = ownTransaction.execute(status -> claimNext(after[0]).map(claimed -> {
                    after[0] = claimed.position();
                    return attempt(claimed.mail(), smtp);
                }).orElse(null));
                if (outcome == null) {
                    break;
                }
                result = result.plus(outcome);
                if (outcome == Outcome.SERVER_UNAVAILABLE) {
                    // The rest of the batch would fail the same way and spend its attempts for nothing.
                    break;
                }
            }
        }
        return result;
    }

    /**
     * Sends this one email if it is still queued, whatever its schedule; waits for a node that is
     * sending it right now. Returns what happened to it.
     */
    Outcome sendOne(UUID communicationId) {
        try (MailDelivery.Connection smtp = delivery.connection()) {
            return ownTransaction.execute(status -> lockQueued(communicationId)
                    .map(mail -> attempt(mail, smtp)).orElse(Outcome.ALREADY_DONE));
        }
    }

    int countDue() {
        Integer due = jdbc.queryForObject("select count(*) from communications where status = 'QUEUED'"
                + " and next_attempt_at <= ?", Integer.class, at(clock.instant()));
        return due == null ? 0 : due;
    }

    /** Where a pass has got to in the outbox's order (next attempt, then id). */
    private record Position(OffsetDateTime dueAt, UUID id) {
    }

    private record Claimed(OutboxMail mail, Position position) {
    }

    private Optional<Claimed> claimNext(Position after) {
        RowMapper<Claimed> claimed = (rs, row) -> new Claimed(MAIL.mapRow(rs, row),
                new Position(rs.getObject("next_attempt_at", OffsetDateTime.class), rs.getObject("id", UUID.class)));
        List<Object> args = new java.util.ArrayList<>(List.of(at(clock.instant())));
        String from = "";
        if (after != null) {
            from = " and next_attempt_at >= ? and (next_attempt_at > ? or id > ?)";
            args.addAll(List.of(after.dueAt(), after.dueAt(), after.id()));
        }
        List<Claimed> due = jdbc.query("select " + COLUMNS + ", next_attempt_at from communications"
                + " where status = 'QUEUED' and next_attempt_at <= ?" + from
                + " order by next_attempt_at, id fetch first 1 rows only for update skip locked", claimed, args.toArray());
        return due.stream().findFirst().map(c -> new Claimed(withAttachments(c.mail()), c.position()));
    }

    private OutboxMail withAttachments(OutboxMail mail) {
        return mail.withAttachments(jdbc.query("select filename, content_type, content from communication_attachments"
                + " where communication_id = ? order by position", ATTACHMENT, mail.id()));
    }

    private Optional<OutboxMail> lockQueued(UUID communicationId) {
        return jdbc.query("select " + COLUMNS + " from communications where id = ? and status = 'QUEUED' for update",
                MAIL, communicationId).stream().findFirst().map(this::withAttachments);
    }

    private Outcome attempt(OutboxMail mail, MailDelivery.Connection smtp) {
        try {
            String messageId = smtp.deliver(mail);
            jdbc.update("update communications set status = 'SENT', message_id = ?, sent_at = ?, attempts = attempts + 1,"
                    + " last_error = null, next_attempt_at = null, version = version + 1 where id = ?",
                    messageId, at(clock.instant()), mail.id());
            sentCounter.increment();
            return Outcome.SENT;
        } catch (ServerUnavailableException e) {
            Outcome recorded = recordFailure(mail, e);
            return recorded == Outcome.FAILED ? Outcome.FAILED : Outcome.SERVER_UNAVAILABLE;
        } catch (MessageRejectedException e) {
            return recordFailure(mail, e);
        }
    }

    private Outcome recordFailure(OutboxMail mail, Exception error) {
        int failedAttempts = mail.attempts() + 1;
        Duration delay = properties.delayAfter(failedAttempts);
        String message = truncate(error.getMessage());
        if (delay == null) {
            jdbc.update("update communications set status = 'FAILED', attempts = ?, last_error = ?, next_attempt_at = null,"
                    + " version = version + 1 where id = ?", failedAttempts, message, mail.id());
            failedCounter.increment();
            log.warn("Email {} FAILED after {} attempts; nothing more is tried until it is queued again: {}",
                    mail.id(), failedAttempts, error.getClass().getSimpleName());
            return Outcome.FAILED;
        }
        Instant next = clock.instant().plus(delay);
        jdbc.update("update communications set attempts = ?, last_error = ?, next_attempt_at = ?, version = version + 1"
                + " where id = ?", failedAttempts, message, at(next), mail.id());
        retriedCounter.increment();
        log.info("Email {} not sent (attempt {} of {}), next attempt in {}: {}", mail.id(), failedAttempts,
                properties.maxAttempts(), delay, error.getClass().getSimpleName());
        return Outcome.RETRY_LATER;
    }

    /** Instants bound as offset date-times: one meaning for timestamptz on PostgreSQL and H2 alike. */
    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String message) {
        String text = message == null ? "" : message;
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    /** What one attempt did to its email. */
    enum Outcome {
        SENT, RETRY_LATER, SERVER_UNAVAILABLE, FAILED, ALREADY_DONE
    }
}
