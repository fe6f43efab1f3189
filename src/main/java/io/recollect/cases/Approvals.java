package io.recollect.cases;

import io.recollect.shared.Actors;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Separation of duties for what collections asks people to decide. Checked where the decision
 * takes effect (task listeners, delegates, services), so it holds whichever way a task is
 * completed; ApprovalTaskCheck asks the same before an HTTP completion reaches the engine.
 * Refusals are the engine's AuthorizationException, which rolls the completion back.
 */
@Component
class Approvals {

    private final IdentityService identity;

    Approvals(IdentityService identity) {
        this.identity = identity;
    }

    /** Whoever raised a matter (a hardship report, a dispute, a request) never decides it. */
    Optional<String> otherThan(String raisedBy, String decider, String matter) {
        return raisedBy != null && !Actors.SYSTEM.equals(decider) && raisedBy.equals(decider)
                ? Optional.of(decider + " raised " + matter + " and may not also decide it; another member of the"
                        + " group decides")
                : Optional.empty();
    }

    void requireOtherThan(String raisedBy, String decider, String matter) {
        otherThan(raisedBy, decider, matter).ifPresent(Approvals::refuse);
    }

    boolean isMember(String user, String group) {
        return identity.createUserQuery().userId(user).memberOfGroup(group).count() > 0;
    }

    private static void refuse(String why) {
        throw new AuthorizationException(why);
    }
}
