package io.recollect.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/** The import rows and their errors ({@code history_imports}, {@code history_import_errors}). */
@Repository
class ImportRows {

    private static final String COLUMNS = "id, format, on_bad_lines, status, started_by, started_at, updated_at,"
            + " finished_at, lines_read, customers_created, invoices_created, payments_created, unchanged, errors";

    private final NamedParameterJdbcTemplate jdbc;

    ImportRows(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, ImportFormat format, OnBadLines onBadLines, String by, Instant now) {
        jdbc.update("insert into history_imports (" + COLUMNS + ") values (:id, :format, :policy, 'RUNNING', :by,"
                + " :now, :now, null, 0, 0, 0, 0, 0, 0)", new MapSqlParameterSource("id", id)
                .addValue("format", format.name()).addValue("policy", onBadLines.name()).addValue("by", by)
                .addValue("now", ts(now)));
    }

    /** What one committed chunk (or the check) adds to the counts. */
    record Counts(int linesRead, int customers, int invoices, int payments, int unchanged, int errors) {
    }

    void add(UUID id, Counts counts, Instant now) {
        jdbc.update("update history_imports set lines_read = lines_read + :read, customers_created ="
                + " customers_created + :customers, invoices_created = invoices_created + :invoices, payments_created ="
                + " payments_created + :payments, unchanged = unchanged + :unchanged, errors = errors + :errors,"
                + " updated_at = :now where id = :id", new MapSqlParameterSource("id", id)
                .addValue("read", counts.linesRead()).addValue("customers", counts.customers())
                .addValue("invoices", counts.invoices()).addValue("payments", counts.payments())
                .addValue("unchanged", counts.unchanged()).addValue("errors", counts.errors()).addValue("now", ts(now)));
    }

    /** The import is alive: the check of a long file moves nothing else for a while. */
    void touch(UUID id, Instant now) {
        jdbc.update("update history_imports set updated_at = :now where id = :id and status = 'RUNNING'",
                new MapSqlParameterSource("id", id).addValue("now", ts(now)));
    }

    void finish(UUID id, ImportStatus status, Instant now) {
        jdbc.update("update history_imports set status = :status, finished_at = :now, updated_at = :now where id = :id",
                new MapSqlParameterSource("id", id).addValue("status", status.name()).addValue("now", ts(now)));
    }

    void addErrors(UUID id, int firstSeq, List<ImportError> errors) {
        SqlParameterSource[] rows = new SqlParameterSource[errors.size()];
        for (int i = 0; i < errors.size(); i++) {
            ImportError e = errors.get(i);
            rows[i] = new MapSqlParameterSource("id", id).addValue("seq", firstSeq + i)
                    .addValue("file", e.file(), Types.VARCHAR).addValue("line", e.line())
                    .addValue("key", cut(e.key(), 100), Types.VARCHAR).addValue("field", cut(e.field(), 100), Types.VARCHAR)
                    .addValue("message", cut(e.message(), 500));
        }
        jdbc.batchUpdate("insert into history_import_errors (import_id, seq, file, line, record_key, field, message)"
                + " values (:id, :seq, :file, :line, :key, :field, :message)", rows);
    }

    Optional<ImportView> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from history_imports where id = :id", Map.of("id", id),
                (rs, n) -> view(rs)).stream().findFirst();
    }

    List<ImportView> recent(int limit) {
        return jdbc.query("select " + COLUMNS + " from history_imports order by started_at desc, id fetch first :limit"
                + " rows only", Map.of("limit", limit), (rs, n) -> view(rs));
    }

    List<ImportError> errors(UUID id, int page, int size) {
        return jdbc.query("select file, line, record_key, field, message from history_import_errors where import_id = :id"
                + " order by seq offset :offset rows fetch next :size rows only", new MapSqlParameterSource("id", id)
                .addValue("offset", page * size).addValue("size", size), (rs, n) -> new ImportError(rs.getString(1),
                        rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5)));
    }

    private static ImportView view(ResultSet rs) throws SQLException {
        return new ImportView(rs.getObject("id", UUID.class), ImportFormat.valueOf(rs.getString("format")),
                OnBadLines.valueOf(rs.getString("on_bad_lines")), ImportStatus.valueOf(rs.getString("status")),
                rs.getString("started_by"), instant(rs, "started_at"), instant(rs, "updated_at"),
                instant(rs, "finished_at"), rs.getInt("lines_read"), rs.getInt("customers_created"),
                rs.getInt("invoices_created"), rs.getInt("payments_created"), rs.getInt("unchanged"),
                rs.getInt("errors"), null, null);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
