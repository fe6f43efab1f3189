package io.recollect.cases;

import io.recollect.security.Roles;
import io.recollect.shared.Actors;
import io.recollect.shared.Money;
import java.math.BigDecimal;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Separation of duties for what collections asks people to decide. Checked where the decision
 * takes effect (task listeners, delegates, services), so it holds whichever way a task is
 * completed: Tasklist, the REST API, or code. Refusals are the engine's AuthorizationException,
 * which its REST API answers with 403 and which rolls the completion back.
 */
@Component
class Approvals {

    private final IdentityService identity;
    private final CollectionProperties properties;

    Approvals(IdentityService identity, CollectionProperties properties) {
        this.identity = identity;
        this.properties = properties;
    }

    /** Whoever raised a matter (a hardship report, a dispute, a request) never decides it. */
    void requireOtherThan(String raisedBy, String decider, String matter) {
        if (raisedBy != null && !Actors.SYSTEM.equals(decider) && raisedBy.equals(decider)) {
            throw new AuthorizationException(decider + " raised " + matter + " and may not also decide it;"
                    + " another member of the group decides");
        }
    }

    /** The group that approves a write-off of this amount: managers up to their limit, finance above it. */
    String writeOffApprovers(Money amount) {
        BigDecimal limit = properties.writeOffManagerLimits().get(amount.currency());
        return limit != null && amount.amount().compareTo(limit) <= 0 ? Roles.MANAGERS : Roles.FINANCE;
    }

    /** Finance may approve any write-off; collection managers only those up to their limit. */
    void requireMayApproveWriteOff(String approver, Money amount) {
        if (Actors.SYSTEM.equals(approver)) {
            return;
        }
        String group = writeOffApprovers(amount);
        if (!isMember(approver, group) && !isMember(approver, Roles.FINANCE)) {
            throw new AuthorizationException("A write-off of " + amount.display() + " is approved by " + group
                    + "; " + approver + " is not a member");
        }
    }

    boolean isMember(String user, String group) {
        return identity.createUserQuery().userId(user).memberOfGroup(group).count() > 0;
    }
}
