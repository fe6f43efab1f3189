package io.recollect.audit;

import io.recollect.audit.internal.AccessRecorder;
import io.recollect.audit.internal.CustomerAccessDenied;
import io.recollect.audit.internal.TeamScopingProperties;
import io.recollect.security.CurrentUser;
import io.recollect.security.Roles;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The one check before a customer's data is served to a user, or changed by one: with team
 * scoping on, a collector outside the customer's team is refused (403); either way the access is
 * recorded in the access log. The engine's own work (no user) passes unrecorded.
 */
@Service
public class CustomerAccess {

    private final CustomerTeams teams;
    private final AccessRecorder recorder;
    private final TeamScopingProperties scoping;

    CustomerAccess(CustomerTeams teams, AccessRecorder recorder, TeamScopingProperties scoping) {
        this.teams = teams;
        this.recorder = recorder;
        this.scoping = scoping;
    }

    /** For callers that hold only the customer's id. */
    public void check(UUID customerId) {
        CurrentUser.get().ifPresent(user -> decide(user, customerId,
                scoping.enabled() && teamBound(user) ? teams.teamOf(customerId).orElse(null) : null));
    }

    /** For callers that already loaded the customer and know its team (null: none). */
    public void check(UUID customerId, String team) {
        CurrentUser.get().ifPresent(user -> decide(user, customerId, team));
    }

    /**
     * For lists and searches: the teams whose customers the current user may see besides the
     * customers of no team, or empty when they may see every customer.
     */
    public java.util.Optional<java.util.Set<String>> visibleTeams() {
        return CurrentUser.get().filter(user -> scoping.enabled() && teamBound(user)).map(CurrentUser::teams);
    }

    private void decide(CurrentUser user, UUID customerId, String team) {
        boolean allowed = !scoping.enabled() || team == null || !teamBound(user) || user.teams().contains(team);
        recorder.record(user, customerId, allowed);
        if (!allowed) {
            throw new CustomerAccessDenied(customerId);
        }
    }

    /**
     * Team scoping binds collectors only: managers, finance, admins, auditors and integrating
     * systems oversee or feed the whole portfolio, and a collector who is also one of those is not bound.
     */
    private static boolean teamBound(CurrentUser user) {
        return user.inAny(Roles.COLLECTORS)
                && !user.inAny(Roles.ADMIN, Roles.MANAGERS, Roles.FINANCE, Roles.AUDITORS, Roles.INTEGRATIONS);
    }
}
