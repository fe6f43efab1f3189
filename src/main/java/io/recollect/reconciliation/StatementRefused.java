package io.recollect.reconciliation;

import io.recollect.shared.BusinessRuleException;

/** The file as a whole cannot be imported; nothing of it was recorded. The API answers 422. */
class StatementRefused extends BusinessRuleException {

    StatementRefused(String code, String message) {
        super(code, message);
    }
}
