package io.recollect.writeoffs;

/** Where a write-off stands: waiting for approval, approved (posting), posted, or rejected. */
public enum WriteOffStatus {
    REQUESTED, APPROVED, POSTED, REJECTED
}
