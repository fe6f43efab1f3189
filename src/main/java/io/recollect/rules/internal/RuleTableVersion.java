package io.recollect.rules.internal;

import io.recollect.rules.RuleTableStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One immutable version of a rule table: the workbook's exact bytes and who brought it. Only its
 * status moves, and only through {@link #activate} and {@link #retire}; the database keeps one
 * ACTIVE per table through {@code active_table}.
 */
@Entity
@Table(name = "rule_table_versions")
public class RuleTableVersion {

    @Id
    private UUID id;
    private String tableName;
    private byte[] content;
    private String sha256;
    private String uploadedBy;
    private Instant uploadedAt;
    private String comment;
    @Enumerated(EnumType.STRING)
    private RuleTableStatus status;
    private String errors;
    private String activeTable;
    private String activatedBy;
    private Instant activatedAt;

    protected RuleTableVersion() {
    }

    public RuleTableVersion(UUID id, String tableName, byte[] content, String uploadedBy, Instant uploadedAt,
            String comment, String errors) {
        this.id = id;
        this.tableName = tableName;
        this.content = content.clone();
        this.sha256 = Sha256.hex(content);
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
        this.comment = comment;
        this.errors = errors;
        this.status = errors == null ? RuleTableStatus.CANDIDATE : RuleTableStatus.REJECTED;
    }

    public void activate(String by, Instant at) {
        if (status == RuleTableStatus.REJECTED) {
            throw new IllegalStateException("A rejected version is never activated");
        }
        status = RuleTableStatus.ACTIVE;
        activeTable = tableName;
        activatedBy = by;
        activatedAt = at;
    }

    public void retire() {
        if (status != RuleTableStatus.ACTIVE) {
            throw new IllegalStateException("Only the active version retires");
        }
        status = RuleTableStatus.RETIRED;
        activeTable = null;
    }

    public UUID getId() {
        return id;
    }

    public String getTableName() {
        return tableName;
    }

    public byte[] getContent() {
        return content.clone();
    }

    public String getSha256() {
        return sha256;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public String getComment() {
        return comment;
    }

    public RuleTableStatus getStatus() {
        return status;
    }

    public String getErrors() {
        return errors;
    }

    public String getActivatedBy() {
        return activatedBy;
    }

    public Instant getActivatedAt() {
        return activatedAt;
    }
}
