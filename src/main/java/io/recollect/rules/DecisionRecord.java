package io.recollect.rules;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/** One automated decision: what the table saw, what it answered, and which version and row said so. */
@Entity
@Table(name = "decision_records")
class DecisionRecord implements Persistable<UUID> {

    @Id
    private UUID id;
    private UUID customerId;
    private UUID caseId;
    private String tableName;
    private String tableVersion;
    private int tableRow;
    private UUID tableVersionId;
    private String ruleLabel;
    private String inputs;
    @Enumerated(EnumType.STRING)
    private CollectionAction action;
    private int dunningLevel;
    private String template;
    private int waitDays;
    private int priority;
    private String candidateGroup;
    private String reason;
    @Enumerated(EnumType.STRING)
    private Arm arm;
    private Instant decidedAt;
    // A record is written once and never updated: without this, saveAll reads every new id first.
    @Transient
    private boolean fresh = true;

    protected DecisionRecord() {
        this.fresh = false;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void stored() {
        fresh = false;
    }

    DecisionRecord(UUID customerId, UUID caseId, String inputs, CollectionDecision decision, Arm arm,
            Instant decidedAt) {
        this.id = UUID.randomUUID();
        this.customerId = customerId;
        this.caseId = caseId;
        this.tableName = decision.citation().table();
        this.tableVersion = decision.citation().version();
        this.tableRow = decision.citation().row();
        this.tableVersionId = decision.citation().versionId();
        this.ruleLabel = decision.citation().label();
        this.inputs = inputs;
        this.action = decision.action();
        this.dunningLevel = decision.dunningLevel();
        this.template = decision.template();
        this.waitDays = decision.waitDays();
        this.priority = decision.priority();
        this.candidateGroup = decision.candidateGroup();
        this.reason = decision.reason();
        this.arm = arm;
        this.decidedAt = decidedAt;
    }

    DecisionRecordView view() {
        return new DecisionRecordView(id, caseId, decidedAt, inputs, action, dunningLevel, template, waitDays,
                priority, candidateGroup, reason, new RuleCitation(tableName, tableVersion, tableRow, ruleLabel, tableVersionId),
                arm);
    }

    @Override
    public UUID getId() {
        return id;
    }
}
