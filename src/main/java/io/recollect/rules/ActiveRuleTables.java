package io.recollect.rules;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.recollect.rules.internal.RuleTableVersions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The version each table decides with right now, read from the database on every call (one
 * indexed lookup of an id) and compiled once per version. An activation on any node is
 * therefore used by every node from its next decision or batch, with no restart and no message.
 */
@Component
public class ActiveRuleTables {

    private record Compiled(UUID versionId, Object table) {
    }

    private final JdbcTemplate jdbc;
    private final RuleTableVersions versions;
    private final RuleTableSeeding seeding;
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

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
        Compiled current = compiled.get(definition.name());
        if (current == null || !current.versionId().equals(active)) {
            current = compile(definition, active);
        }
        @SuppressWarnings("unchecked")
        T table = (T) current.table();
        return table;
    }

    /** Compiles one version at a time per table: a freshly activated version is compiled once, not per caller. */
    private synchronized Compiled compile(RuleTableDefinition<?> definition, UUID versionId) {
        Compiled current = compiled.get(definition.name());
        if (current != null && current.versionId().equals(versionId)) {
            return current;
        }
        byte[] content = versions.findById(versionId).orElseThrow().getContent();
        Compiled fresh = new Compiled(versionId, definition.compile(content, versionId));
        compiled.put(definition.name(), fresh);
        return fresh;
    }

    private UUID activeId(String table) {
        return jdbc.query("select id from rule_table_versions where active_table = ?",
                rs -> rs.next() ? rs.getObject(1, UUID.class) : null, table);
    }
}
