package io.recollect.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An import and how far it got. {@code linesRead} counts the records read (an invoice of three
 * CSV rows is one); {@code unchanged}: records an earlier import (or the API) already holds
 * exactly so; {@code errors}: lines not imported, listed page by page in {@code errorPage}.
 */
public record ImportView(UUID id, ImportFormat format, OnBadLines onBadLines, ImportStatus status, String startedBy,
        Instant startedAt, Instant updatedAt, Instant finishedAt, int linesRead, int customersCreated,
        int invoicesCreated, int paymentsCreated, int unchanged, int errors, ErrorPage errorPage) {

    public record ErrorPage(int page, int size, int total, List<ImportError> items) {
    }

    ImportView withErrors(ErrorPage page) {
        return new ImportView(id, format, onBadLines, status, startedBy, startedAt, updatedAt, finishedAt, linesRead,
                customersCreated, invoicesCreated, paymentsCreated, unchanged, errors, page);
    }
}
