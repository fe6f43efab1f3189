package io.recollect.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.recollect.rules.internal.ArmBuckets;
import io.recollect.rules.internal.RuleTableVersions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The version each table decides with right now, read from the database on every call (one
 * indexed lookup of an id) and compiled once per version. An activation on any node is
 * therefore used by every node from its next decision or batch, with no restart and no message.
 * A running challenger is read the same way.
 */
@Component
public class ActiveRuleTables {

    private record Compiled(UUID versionId, Object table) {
    }

    /**
     * A challenger as the deciding code needs it: its compiled version and which accounts it decides.
     *
     * @param segment null when the challenger takes its share of every segment
     */
    public record Challenger<T>(String tableName, T table, UUID versionId, int sharePercent, String segment) {

        /** The arm that decides this account: reproducible from the customer id alone (and the segment, if set). */
        public Arm armOf(UUID customerId, String accountSegment) {
            boolean inSegment = segment == null || segment.equals(accountSegment);
            return inSegment && ArmBuckets.inShare(tableName, customerId, sharePercent) ? Arm.CHALLENGER : Arm.CHAMPION;
        }
    }

    private record Running(UUID versionId, int sharePercent, String segment) {
    }

    private final JdbcTemplate jdbc;
    private final RuleTableVersions versions;
    private final RuleTableSeeding seeding;
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();
    private final Map<String, Compiled> challengers = new ConcurrentHashMap<>();

    ActiveRuleTables(JdbcTemplate jdbc, RuleTableVersions versions, RuleTableSeeding seeding) {
        this.jdbc = jdbc;
        this.versions = versions;
        this.seeding = seeding;
    }

    /** The active version of the table, compiled. */
    public <T> T get(RuleTableDefinition<T> definition) {
        UUID active = activeId(definition.name());
        if (active == null) {
            seeding.seed(definition);
            active = activeId(definition.name());
        }
        return compiled(definition, active, compiled);
    }

    /** The challenger running beside the active version, compiled; empty when none runs. */
    public <T> Optional<Challenger<T>> challenger(RuleTableDefinition<T> definition) {
        List<Running> running = jdbc.query("select version_id, share_percent, segment from rule_table_challengers"
                + " where running_table = ?", (rs, n) -> new Running(rs.getObject(1, UUID.class), rs.getInt(2),
                rs.getString(3)), definition.name());
        if (running.isEmpty()) {
            return Optional.empty();
        }
        Running challenge = running.get(0);
        return Optional.of(new Challenger<>(definition.name(), compiled(definition, challenge.versionId(), challengers),
                challenge.versionId(), challenge.sharePercent(), challenge.segment()));
    }

    private <T> T compiled(RuleTableDefinition<T> definition, UUID versionId, Map<String, Compiled> cache) {
        Compiled current = cache.get(definition.name());
        if (current == null || !current.versionId().equals(versionId)) {
            current = compile(definition, versionId, cache);
        }
        @SuppressWarnings("unchecked")
        T table = (T) current.table();
        return table;
    }

    /** Compiles one version at a time per table: a freshly activated version is compiled once, not per caller. */
    private synchronized Compiled compile(RuleTableDefinition<?> definition, UUID versionId, Map<String, Compiled> cache) {
        Compiled current = cache.get(definition.name());
        if (current != null && current.versionId().equals(versionId)) {
            return current;
        }
        // A promoted challenger is already compiled: reuse it rather than compile it again.
        Compiled fresh = java.util.stream.Stream.of(compiled.get(definition.name()), challengers.get(definition.name()))
                .filter(c -> c != null && c.versionId().equals(versionId)).findFirst()
                .orElseGet(() -> new Compiled(versionId, definition.compile(
                        versions.findById(versionId).orElseThrow().getContent(), versionId)));
        cache.put(definition.name(), fresh);
        return fresh;
    }

    private UUID activeId(String table) {
        return jdbc.query("select id from rule_table_versions where active_table = ?",
                rs -> rs.next() ? rs.getObject(1, UUID.class) : null, table);
    }
}
