package io.recollect.customers;

/** The kind of customer; collection policy differs by segment. */
public enum Segment {
    CONSUMER, SMALL_BUSINESS, ENTERPRISE, PATIENT
}
