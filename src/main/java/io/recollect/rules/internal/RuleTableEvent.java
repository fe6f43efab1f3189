package io.recollect.rules.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One entry of a table's audit trail; written in the transaction of what it records. */
@Entity
@Table(name = "rule_table_events")
public class RuleTableEvent {

    /** What happened to the table's policy. */
    public enum Kind {
        SEEDED, UPLOADED, REJECTED, REFUSED, SIMULATED, ACTIVATED, ROLLED_BACK, CHALLENGER_STARTED, CHALLENGER_ENDED,
        CHALLENGER_PROMOTED
    }

    @Id
    private UUID id;
    private String tableName;
    private UUID versionId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String actor;
    private Instant occurredAt;
    private String comment;
    private String detail;

    protected RuleTableEvent() {
    }

    public RuleTableEvent(String tableName, UUID versionId, Kind kind, String actor, Instant occurredAt,
            String comment, String detail) {
        this.id = UUID.randomUUID();
        this.tableName = tableName;
        this.versionId = versionId;
        this.kind = kind;
        this.actor = actor;
        this.occurredAt = occurredAt;
        this.comment = comment;
        this.detail = detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 3997) + "...";
    }

    public UUID getId() {
        return id;
    }

    public String getTableName() {
        return tableName;
    }

    public UUID getVersionId() {
        return versionId;
    }

    public Kind getKind() {
        return kind;
    }

    public String getActor() {
        return actor;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getComment() {
        return comment;
    }

    public String getDetail() {
        return detail;
    }
}
