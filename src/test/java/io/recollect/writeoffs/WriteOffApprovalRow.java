package io.recollect.writeoffs;

/** Spreadsheet rows of rules/write-off-approval.xlsx that the scenario tests cite. */
final class WriteOffApprovalRow {

    static final int R4 = 21;

    private WriteOffApprovalRow() {
    }
}
