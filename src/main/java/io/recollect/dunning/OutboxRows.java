package io.recollect.dunning;

import io.recollect.shared.BusinessTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * The outbox read and written a batch at a time, in plain JDBC: what a batch of the collection
 * run needs costs a fixed number of statements, never one (or a Hibernate merge) per email.
 */
@Component
class OutboxRows {

    /** Keys and ids go to the database in chunks no database refuses as a parameter list. */
    private static final int CHUNK = 1000;

    private final NamedParameterJdbcTemplate jdbc;
    private final BusinessTime businessTime;

    OutboxRows(NamedParameterJdbcTemplate jdbc, BusinessTime businessTime) {
        this.jdbc = jdbc;
        this.businessTime = businessTime;
    }

    /** Which of the dedupe keys exist. */
    Set<String> existingKeys(Collection<String> keys) {
        Set<String> found = new HashSet<>();
        for (List<String> chunk : chunks(new ArrayList<>(keys))) {
            found.addAll(jdbc.queryForList("select dedupe_key from communications where dedupe_key in (:keys)",
                    Map.of("keys", chunk), String.class));
        }
        return found;
    }

    /**
     * What each case's record says was sent and done so far (letters the server accepted, call
     * notes), oldest first; letters cite it instead of assuming it. Reads no bodies.
     */
    Map<UUID, LetterHistory> histories(Collection<UUID> caseIds) {
        Map<UUID, List<LetterHistory.Letter>> letters = new HashMap<>();
        Map<UUID, List<LetterHistory.Call>> calls = new HashMap<>();
        for (List<UUID> chunk : chunks(new ArrayList<>(new HashSet<>(caseIds)))) {
            jdbc.query("select case_id, kind, template, subject, sent_at, created_at from communications"
                    + " where case_id in (:cases) and ((kind = 'DUNNING' and status = 'SENT') or kind = 'CONTACT_NOTE')"
                    + " order by created_at, id", Map.of("cases", chunk), rs -> {
                        UUID caseId = rs.getObject("case_id", UUID.class);
                        if (CommunicationKind.DUNNING.name().equals(rs.getString("kind"))) {
                            String template = rs.getString("template");
                            letters.computeIfAbsent(caseId, id -> new ArrayList<>()).add(new LetterHistory.Letter(
                                    businessTime.dayOf(instant(rs.getObject("sent_at", OffsetDateTime.class))),
                                    template == null ? "letter" : template));
                        } else {
                            calls.computeIfAbsent(caseId, id -> new ArrayList<>()).add(new LetterHistory.Call(
                                    businessTime.dayOf(instant(rs.getObject("created_at", OffsetDateTime.class))),
                                    rs.getString("subject")));
                        }
                    });
        }
        Map<UUID, LetterHistory> histories = new HashMap<>();
        Set<UUID> cases = new HashSet<>(letters.keySet());
        cases.addAll(calls.keySet());
        cases.forEach(caseId -> histories.put(caseId, new LetterHistory(letters.getOrDefault(caseId, List.of()),
                calls.getOrDefault(caseId, List.of()))));
        return histories;
    }

    /** Queued emails without attachments, in one JDBC batch; a dedupe key that exists fails the batch. */
    void insertEmails(List<Communication> emails) {
        if (emails.isEmpty()) {
            return;
        }
        SqlParameterSource[] rows = emails.stream().map(c -> {
            if (!c.getAttachments().isEmpty()) {
                throw new IllegalArgumentException("Emails with attachments are saved one at a time");
            }
            return new MapSqlParameterSource("id", c.getId()).addValue("customerId", c.getCustomerId())
                    .addValue("caseId", c.getCaseId()).addValue("invoiceId", c.getInvoiceId())
                    .addValue("channel", c.getChannel().name()).addValue("kind", c.getKind().name())
                    .addValue("level", c.getDunningLevel()).addValue("key", c.getDedupeKey())
                    .addValue("recipient", c.getRecipient()).addValue("subject", c.getSubject())
                    .addValue("body", c.getBody()).addValue("text", c.getTextBody())
                    .addValue("template", c.getTemplate()).addValue("status", c.getStatus().name())
                    .addValue("createdAt", ts(c.getCreatedAt())).addValue("nextAttemptAt", ts(c.getNextAttemptAt()));
        }).toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("insert into communications (id, customer_id, case_id, invoice_id, channel, kind, dunning_level,"
                + " dedupe_key, recipient, subject, body, text_body, template, status, attempts, created_at,"
                + " next_attempt_at, version) values (:id, :customerId, :caseId, :invoiceId, :channel, :kind, :level,"
                + " :key, :recipient, :subject, :body, :text, :template, :status, 0, :createdAt, :nextAttemptAt, 0)",
                rows);
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
