package io.recollect.reconciliation;

import java.util.List;
import java.util.UUID;

/**
 * What an upload did. {@code refused}: nothing was recorded, because of the bad lines and the
 * choice to refuse the whole file. {@code alreadyImported}: lines whose id an earlier upload took.
 */
public record ImportReport(UUID statementId, StatementFormat format, boolean refused, int lines, int recorded,
        int suggested, int exceptions, int alreadyImported, List<BadLine> badLines, List<LineResult> results) {

    /** What matching made of one line; {@code taskId} is the finance task when a person must match it. */
    public record LineResult(int line, String lineId, LineOutcome outcome, String invoiceNumber, UUID paymentId,
            String taskId, List<String> suggestions) {
    }

    public enum LineOutcome {
        /** A structured reference named the invoice: the payment is recorded and allocated. */
        RECORDED,
        /** Amount and payer point at an open invoice: finance confirms it in Tasklist. */
        SUGGESTED,
        /** Nothing points at one invoice: finance matches it by hand in Tasklist. */
        EXCEPTION,
        /** An earlier upload took this line id. */
        ALREADY_IMPORTED
    }
}
