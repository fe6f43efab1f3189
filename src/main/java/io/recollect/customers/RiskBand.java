package io.recollect.customers;

/** Credit risk as scored upstream: A is the safest. */
public enum RiskBand {
    A, B, C, D
}
