package io.recollect.rules.internal;

/**
 * The words a Reason cell of the write-off-approval table may hold; a misspelt reason fails to
 * compile and is reported with its row.
 */
public final class WriteOffReasons {

    public static final String UNCOLLECTABLE = "UNCOLLECTABLE";
    public static final String DECEASED = "DECEASED";
    public static final String BANKRUPT = "BANKRUPT";
    public static final String SMALL_BALANCE = "SMALL_BALANCE";
    public static final String SETTLEMENT = "SETTLEMENT";
    public static final String CHARITY_CARE = "CHARITY_CARE";

    private WriteOffReasons() {
    }
}
