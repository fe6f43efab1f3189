package io.recollect.reconciliation;

import io.recollect.reconciliation.ImportProgress.Status;
import io.recollect.shared.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The progress rows of statement uploads. Each write commits on its own (REQUIRES_NEW), beside
 * the upload's one transaction, so a page polling any node sees the lines done while the
 * statement's payments are still uncommitted.
 */
@Component
class StatementImports {

    private static final int SHOWN_BAD_LINES = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate apart;
    private final Clock clock;

    private final ReconciliationProperties properties;

    StatementImports(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
            ReconciliationProperties properties) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.apart = new TransactionTemplate(transactions);
        this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    void started(UUID id, String fileName, String by) {
        apart.executeWithoutResult(status -> jdbc.update("insert into statement_imports (id, file_name, status,"
                + " lines_total, lines_processed, started_by, started_at, updated_at, recorded, suggested, exceptions,"
                + " already_known, bad_lines) values (?, ?, ?, 0, 0, ?, ?, ?, 0, 0, 0, 0, 0)", id, cut(fileName, 255),
                Status.RUNNING.name(), by, now(), now()));
    }

    void read(UUID id, int lines) {
        apart.executeWithoutResult(status -> jdbc.update("update statement_imports set lines_total = ?, updated_at = ?"
                + " where id = ?", lines, now(), id));
    }

    void processed(UUID id, int lines) {
        apart.executeWithoutResult(status -> jdbc.update("update statement_imports set lines_processed = ?,"
                + " updated_at = ? where id = ?", lines, now(), id));
    }

    void finished(UUID id, ImportReport report) {
        apart.executeWithoutResult(status -> {
            jdbc.update("update statement_imports set status = ?, lines_total = ?, lines_processed = ?, finished_at = ?,"
                    + " updated_at = ?, statement_id = ?, recorded = ?, suggested = ?, exceptions = ?, already_known = ?,"
                    + " bad_lines = ?, message = ? where id = ?", (report.refused() ? Status.REFUSED : Status.DONE).name(),
                    report.lines(), report.refused() ? 0 : report.lines(), now(), now(), report.statementId(), report.recorded(), report.suggested(), report.exceptions(),
                    report.alreadyImported(), report.badLines().size(), report.refused()
                            ? "Nothing was recorded: " + report.badLines().size() + " line(s) cannot be read, and the"
                            + " upload asked to refuse the whole file in that case" : null, id);
            List<BadLine> shown = report.badLines().subList(0, Math.min(SHOWN_BAD_LINES, report.badLines().size()));
            for (int i = 0; i < shown.size(); i++) {
                jdbc.update("insert into statement_import_bad_lines (import_id, position, line_no, message)"
                        + " values (?, ?, ?, ?)", id, i, shown.get(i).line(), cut(shown.get(i).message(), 1000));
            }
        });
    }

    /** Nothing recorded, for the reason given in plain words. */
    void ended(UUID id, Status outcome, String message) {
        apart.executeWithoutResult(status -> jdbc.update("update statement_imports set status = ?, finished_at = ?,"
                + " updated_at = ?, message = ? where id = ?", outcome.name(), now(), now(), cut(message, 2000), id));
    }

    ImportProgress get(UUID id) {
        List<ImportProgress> found = jdbc.query("select * from statement_imports where id = ?", this::progress, id);
        if (found.isEmpty()) {
            throw new NotFoundException("Statement upload", id);
        }
        List<BadLine> bad = jdbc.query("select line_no, message from statement_import_bad_lines where import_id = ?"
                + " order by position", (rs, i) -> new BadLine(rs.getInt("line_no"), rs.getString("message")), id);
        ImportProgress p = found.get(0).asSeenAt(staleBefore(), lastMove());
        return new ImportProgress(p.id(), p.fileName(), p.status(), p.linesTotal(), p.linesProcessed(), p.startedBy(),
                p.startedAt(), p.updatedAt(), p.finishedAt(), p.statementId(), p.recorded(), p.suggested(), p.exceptions(),
                p.alreadyKnown(), p.badLineCount(), p.message(), bad);
    }

    List<ImportProgress> recent(int limit) {
        return jdbc.query("select * from statement_imports order by started_at desc, id fetch first " + limit
                + " rows only", this::progress).stream().map(p -> p.asSeenAt(staleBefore(), lastMove())).toList();
    }

    /** The latest progress of any upload still running, on any node. */
    private java.time.Instant lastMove() {
        Timestamp latest = jdbc.queryForObject("select max(updated_at) from statement_imports where status = ?",
                Timestamp.class, Status.RUNNING.name());
        return latest == null ? null : latest.toInstant();
    }

    private java.time.Instant staleBefore() {
        return clock.instant().minus(properties.uploadInterruptedAfter());
    }

    private java.time.OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private ImportProgress progress(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportProgress(rs.getObject("id", UUID.class), rs.getString("file_name"),
                Status.valueOf(rs.getString("status")), rs.getInt("lines_total"), rs.getInt("lines_processed"),
                rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), finished == null ? null : finished.toInstant(), rs.getObject("statement_id", UUID.class),
                rs.getInt("recorded"), rs.getInt("suggested"), rs.getInt("exceptions"), rs.getInt("already_known"),
                rs.getInt("bad_lines"), rs.getString("message"), List.of());
    }

    private static String cut(String text, int max) {
        return text == null ? null : text.substring(0, Math.min(max, text.length()));
    }
}
