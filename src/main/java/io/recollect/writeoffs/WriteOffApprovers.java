package io.recollect.writeoffs;

import io.recollect.security.Roles;
import io.recollect.shared.Actors;
import io.recollect.shared.Money;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Who may decide a write-off: never the person who requested it; a member of the group the
 * write-off-approval table named, or finance (who may approve any write-off). Admins operate the
 * engine; they do not approve money. Checked where the decision takes effect, so it holds
 * whichever way the task is completed; WriteOffApprovalCheck asks the same before the engine.
 */
@Component
class WriteOffApprovers {

    private final IdentityService identity;

    WriteOffApprovers(IdentityService identity) {
        this.identity = identity;
    }

    Optional<String> refusal(String requestedBy, String group, Money amount, String decider, boolean approving) {
        if (decider != null && decider.equals(requestedBy) && !Actors.SYSTEM.equals(decider)) {
            return Optional.of(decider + " requested this write-off and may not also decide it; another member of "
                    + group + " decides");
        }
        if (!approving || Actors.SYSTEM.equals(decider)) {
            return Optional.empty();
        }
        return group != null && (isMember(decider, group) || isMember(decider, Roles.FINANCE)) ? Optional.empty()
                : Optional.of("A write-off of " + amount.display() + " is approved by " + group + "; " + decider
                        + " is not a member");
    }

    /** @throws AuthorizationException when the decider may not, which rolls a task completion back */
    void require(String requestedBy, String group, Money amount, String decider, boolean approving) {
        refusal(requestedBy, group, amount, decider, approving).ifPresent(why -> {
            throw new AuthorizationException(why);
        });
    }

    /** Collectors and collection managers request write-offs. */
    boolean mayRequest(String user) {
        return isMember(user, Roles.COLLECTORS) || isMember(user, Roles.MANAGERS);
    }

    private boolean isMember(String user, String group) {
        return user != null && identity.createUserQuery().userId(user).memberOfGroup(group).count() > 0;
    }
}
