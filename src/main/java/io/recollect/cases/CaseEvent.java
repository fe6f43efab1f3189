package io.recollect.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of an account's history that is not a decision, an email or a payment. Append only. */
@Entity
@Table(name = "case_events")
class CaseEvent {

    @Id
    private UUID id;
    private UUID customerId;
    private UUID caseId;
    @Enumerated(EnumType.STRING)
    private CaseEventType type;
    private String detail;
    private String actor;
    private Instant occurredAt;

    protected CaseEvent() {
    }

    CaseEvent(UUID customerId, UUID caseId, CaseEventType type, String detail, String actor, Instant occurredAt) {
        this.id = UUID.randomUUID();
        this.customerId = customerId;
        this.caseId = caseId;
        this.type = type;
        this.detail = detail.length() > 2000 ? detail.substring(0, 2000) : detail;
        this.actor = actor;
        this.occurredAt = occurredAt;
    }

    CaseEventView view() {
        return new CaseEventView(id, caseId, type, detail, actor, occurredAt);
    }
}
