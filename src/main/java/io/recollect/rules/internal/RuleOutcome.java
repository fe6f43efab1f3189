package io.recollect.rules.internal;

/**
 * What a table's ACTION cells write to, declared in its sheet's {@code Variables} row as the
 * global {@code outcome}. Emptied between accounts of a batch, as one session decides many.
 */
public interface RuleOutcome {

    void clear();
}
