package io.recollect.cases;

public enum CaseStatus {
    OPEN, CLOSED
}
