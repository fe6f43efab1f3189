package io.recollect.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An import and how far it got. {@code linesRead} counts the records read (an invoice of three
 * CSV rows is one); {@code unchanged}: records an earlier import (or the API) already holds
 * exactly so; {@code errors}: lines not imported, listed page by page in {@code errorPage};
 * {@code note}: for an interrupted import, what went in and how to finish it.
 */
public record ImportView(UUID id, ImportFormat format, OnBadLines onBadLines, ImportStatus status, String startedBy,
        Instant startedAt, Instant updatedAt, Instant finishedAt, int linesRead, int customersCreated,
        int invoicesCreated, int paymentsCreated, int unchanged, int errors, String note, ErrorPage errorPage) {

    public record ErrorPage(int page, int size, int total, List<ImportError> items) {
    }

    ImportView withErrors(ErrorPage page) {
        return new ImportView(id, format, onBadLines, status, startedBy, startedAt, updatedAt, finishedAt, linesRead,
                customersCreated, invoicesCreated, paymentsCreated, unchanged, errors, note, page);
    }

    /**
     * As an operator should see it: RUNNING with no progress since before {@code staleBefore}
     * means no node runs it any more (any node may read this, none needs to remember it started it).
     */
    ImportView asSeenAt(Instant staleBefore) {
        if (status != ImportStatus.RUNNING || !updatedAt.isBefore(staleBefore)) {
            return this;
        }
        String went = customersCreated + invoicesCreated + paymentsCreated + unchanged == 0
                ? "nothing of it was recorded"
                : "what it committed stays: " + customersCreated + " customer(s), " + invoicesCreated + " invoice(s) and "
                        + paymentsCreated + " payment(s) created, " + unchanged + " record(s) already held";
        return new ImportView(id, format, onBadLines, ImportStatus.INTERRUPTED, startedBy, startedAt, updatedAt,
                finishedAt, linesRead, customersCreated, invoicesCreated, paymentsCreated, unchanged, errors,
                "Interrupted: no progress since " + updatedAt + ", so the node running it stopped; " + went
                        + ". Upload the same file again to finish it: records already in count as unchanged.",
                errorPage);
    }
}
