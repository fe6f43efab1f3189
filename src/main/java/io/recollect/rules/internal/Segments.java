package io.recollect.rules.internal;

/**
 * The words a Segment cell may hold. The sheet's snippet turns "CONSUMER, PATIENT" into
 * {@code Segments.CONSUMER, Segments.PATIENT}, so a misspelt segment fails to compile and is
 * reported with its row, instead of quietly making the row match nobody.
 */
public final class Segments {

    public static final String CONSUMER = "CONSUMER";
    public static final String SMALL_BUSINESS = "SMALL_BUSINESS";
    public static final String ENTERPRISE = "ENTERPRISE";
    public static final String PATIENT = "PATIENT";

    private Segments() {
    }
}
