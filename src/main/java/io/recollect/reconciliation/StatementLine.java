package io.recollect.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One credit booked on the company's account, as a statement reports it.
 *
 * @param lineNo where it stands in the file (the entry's position for camt, the row for CSV)
 * @param lineId the bank's own id for it, which makes importing idempotent
 */
record StatementLine(int lineNo, String lineId, LocalDate bookedOn, BigDecimal amount, String currency,
        String reference, String payerName, String payerIban) {
}
