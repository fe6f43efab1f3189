package io.recollect.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer's collection case: open while something is overdue. {@code openCustomerId} is set
 * only while open, and its unique key lets the database, not a lock, keep one open case per customer.
 */
@Entity
@Table(name = "collection_cases")
class CollectionCase {

    @Id
    private UUID id;
    private UUID customerId;
    @Enumerated(EnumType.STRING)
    private CaseStatus status;
    private UUID openCustomerId;
    private int remindersSent;
    private Instant openedAt;
    private Instant closedAt;
    private Instant lastActionAt;
    /** When the last acting step's wait ends; the table holds until then unless something changes. */
    private Instant nextStepAt;
    private String agencyReference;
    private Instant handedToAgencyAt;
    @Version
    private Long version;

    protected CollectionCase() {
    }

    static CollectionCase open(UUID customerId, Instant now) {
        CollectionCase c = new CollectionCase();
        c.id = UUID.randomUUID();
        c.customerId = customerId;
        c.status = CaseStatus.OPEN;
        c.openCustomerId = customerId;
        c.openedAt = now;
        return c;
    }

    /** An acting step (not a hold) was taken; the next one waits until {@code nextStep}. */
    void acted(boolean reminder, Instant now, Instant nextStep) {
        requireOpen();
        if (reminder) {
            remindersSent++;
        }
        lastActionAt = now;
        nextStepAt = nextStep;
    }

    /**
     * Whether the last acting step's wait is still running: the next letter of the ladder never
     * goes out before it ends, whatever the table's rows say.
     */
    boolean waitingOutLastStep(Instant now) {
        return nextStepAt != null && nextStepAt.isAfter(now);
    }

    /** Something changed that the table must act on at once (a hardship report, say). */
    void clearSchedule() {
        nextStepAt = null;
    }

    void handOverToAgency(String reference, Instant now) {
        requireOpen();
        agencyReference = reference;
        handedToAgencyAt = now;
    }

    void close(Instant now) {
        requireOpen();
        status = CaseStatus.CLOSED;
        openCustomerId = null;
        closedAt = now;
    }

    private void requireOpen() {
        if (status != CaseStatus.OPEN) {
            throw new IllegalStateException("Case " + id + " is " + status);
        }
    }

    UUID getId() {
        return id;
    }

    UUID getCustomerId() {
        return customerId;
    }

    CaseStatus getStatus() {
        return status;
    }

    int getRemindersSent() {
        return remindersSent;
    }

    Instant getOpenedAt() {
        return openedAt;
    }

    Instant getClosedAt() {
        return closedAt;
    }

    Instant getLastActionAt() {
        return lastActionAt;
    }

    Instant getNextStepAt() {
        return nextStepAt;
    }

    boolean isWithAgency() {
        return handedToAgencyAt != null;
    }

    String getAgencyReference() {
        return agencyReference;
    }
}
