package io.recollect.cases;

public enum PromiseStatus {
    OPEN, KEPT, BROKEN
}
