package io.recollect.cases;

public enum DisputeStatus {
    OPEN, UPHELD, CREDITED;
}
