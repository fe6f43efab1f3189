package io.recollect.writeoffs;

import io.recollect.rules.RuleCitation;
import io.recollect.shared.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A write-off as the API, the account and the timeline see it.
 *
 * @param requested what the request fixed; approval never posts more
 * @param posted    what was written off, null until posted (less than requested when paid since)
 * @param approval  AUTO, COLLECTION_MANAGERS or FINANCE, from the cited table row
 * @param recovered what was received on its invoices after posting
 */
public record WriteOffView(UUID id, UUID customerId, UUID caseId, WriteOffReason reason, WriteOffStatus status,
        Money requested, Money posted, Money recovered, String note, String requestedBy, Instant requestedAt,
        String approval, String candidateGroup, String decidedBy, Instant decidedAt, String decisionNote,
        RuleCitation citation, List<Line> invoices) {

    /** One invoice of the write-off. */
    public record Line(UUID invoiceId, String invoiceNumber, Money requested, Money posted) {
    }
}
