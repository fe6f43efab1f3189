package io.recollect.reconciliation;

/** A line of an uploaded statement that cannot be imported, and why. */
public record BadLine(int line, String message) {
}
