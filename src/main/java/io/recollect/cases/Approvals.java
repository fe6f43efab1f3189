package io.recollect.cases;

import io.recollect.security.Roles;
import io.recollect.shared.Actors;
import io.recollect.shared.Money;
import java.math.BigDecimal;
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
    private final CollectionProperties properties;

    Approvals(IdentityService identity, CollectionProperties properties) {
        this.identity = identity;
        this.properties = properties;
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

    /** The group that approves a write-off of this amount: managers up to their limit, finance above it. */
    String writeOffApprovers(Money amount) {
        BigDecimal limit = properties.writeOffManagerLimits().get(amount.currency());
        return limit != null && amount.amount().compareTo(limit) <= 0 ? Roles.MANAGERS : Roles.FINANCE;
    }

    /** Finance may approve any write-off; collection managers only those up to their limit. */
    Optional<String> mayApproveWriteOff(String approver, Money amount) {
        if (Actors.SYSTEM.equals(approver)) {
            return Optional.empty();
        }
        String group = writeOffApprovers(amount);
        return isMember(approver, group) || isMember(approver, Roles.FINANCE) ? Optional.empty()
                : Optional.of("A write-off of " + amount.display() + " is approved by " + group + "; " + approver
                        + " is not a member");
    }

    void requireMayApproveWriteOff(String approver, Money amount) {
        mayApproveWriteOff(approver, amount).ifPresent(Approvals::refuse);
    }

    boolean isMember(String user, String group) {
        return identity.createUserQuery().userId(user).memberOfGroup(group).count() > 0;
    }

    private static void refuse(String why) {
        throw new AuthorizationException(why);
    }
}
