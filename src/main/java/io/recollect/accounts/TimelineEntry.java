package io.recollect.accounts;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of an account's history.
 *
 * @param kind what happened: DECISION, EMAIL, CALL_NOTE, TASK_CREATED, TASK_COMPLETED, PAYMENT,
 *     CASE_OPENED, CASE_CLOSED, WRITE_OFF_REQUESTED, WRITE_OFF_POSTED, WRITE_OFF_REJECTED, RECOVERY,
 *     or a case event such as PROMISE_KEPT or DISPUTE_RAISED
 * @param caseId the collection case it belongs to, when it belongs to one
 * @param ref what the entry is about, when it can be opened: an email's communication id, a decision's id
 * @param detail more for a person who asks (the inputs a decision saw), or null
 */
public record TimelineEntry(Instant at, String kind, String summary, String actor, UUID caseId, UUID ref,
        String detail) {

    public TimelineEntry(Instant at, String kind, String summary, String actor, UUID caseId) {
        this(at, kind, summary, actor, caseId, null, null);
    }
}
