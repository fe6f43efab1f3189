package io.recollect.reconciliation;

/** The statement formats Recollect reads. */
public enum StatementFormat {
    /** ISO 20022 bank-to-customer statement, camt.053.001.08. */
    CAMT053,
    /** ISO 20022 debit/credit notification (batch bookings), camt.054.001.08. */
    CAMT054,
    /** A spreadsheet export with a header row; the columns are named in the upload. */
    CSV
}
