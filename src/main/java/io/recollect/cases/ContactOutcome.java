package io.recollect.cases;

import io.recollect.shared.BusinessRuleException;
import java.util.Arrays;

/** What the customer said on the contact task (the choices of the contact-customer form). */
enum ContactOutcome {
    PROMISE_TO_PAY, DISPUTE, HARDSHIP, WRONG_CONTACT_DETAILS, NO_CONTACT, WRITE_OFF_REQUESTED;

    static ContactOutcome of(String value) {
        return Arrays.stream(values()).filter(outcome -> outcome.name().equals(value)).findFirst()
                .orElseThrow(() -> new BusinessRuleException("invalid-" + CollectionCaseProcess.VAR_CONTACT_OUTCOME,
                        "The outcome of the contact must be one of " + Arrays.toString(values()) + ", not " + value));
    }
}
