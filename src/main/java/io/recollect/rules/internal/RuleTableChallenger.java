package io.recollect.rules.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A candidate version deciding a share of a table's accounts beside the active version. It runs
 * until it is ended or promoted; the database keeps one running per table through
 * {@code running_table}.
 */
@Entity
@Table(name = "rule_table_challengers")
public class RuleTableChallenger {

    /** Why a challenge stopped. */
    public enum EndReason {
        ENDED, PROMOTED
    }

    @Id
    private UUID id;
    private String tableName;
    private UUID versionId;
    private int sharePercent;
    private String segment;
    private String startedBy;
    private Instant startedAt;
    private String comment;
    private String endedBy;
    private Instant endedAt;
    @Enumerated(EnumType.STRING)
    private EndReason endReason;
    private String runningTable;

    protected RuleTableChallenger() {
    }

    public RuleTableChallenger(String tableName, UUID versionId, int sharePercent, String segment, String startedBy,
            Instant startedAt, String comment) {
        this.id = UUID.randomUUID();
        this.tableName = tableName;
        this.versionId = versionId;
        this.sharePercent = sharePercent;
        this.segment = segment;
        this.startedBy = startedBy;
        this.startedAt = startedAt;
        this.comment = comment;
        this.runningTable = tableName;
    }

    public void end(EndReason reason, String by, Instant at) {
        if (endedAt != null) {
            throw new IllegalStateException("The challenge already ended");
        }
        endReason = reason;
        endedBy = by;
        endedAt = at;
        runningTable = null;
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

    public int getSharePercent() {
        return sharePercent;
    }

    public String getSegment() {
        return segment;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public String getComment() {
        return comment;
    }

    public String getEndedBy() {
        return endedBy;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public EndReason getEndReason() {
        return endReason;
    }
}
