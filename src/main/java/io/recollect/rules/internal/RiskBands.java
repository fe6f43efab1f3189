package io.recollect.rules.internal;

/** The words a Risk band cell may hold; like {@link Segments}, so a typo is a compile error with its row. */
public final class RiskBands {

    public static final String A = "A";
    public static final String B = "B";
    public static final String C = "C";
    public static final String D = "D";

    private RiskBands() {
    }
}
