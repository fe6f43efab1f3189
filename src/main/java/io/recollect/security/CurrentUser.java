package io.recollect.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The user behind the current request and their Camunda groups, as {@link CamundaIdentityAuthentication}
 * turned them into roles. Empty for the engine's jobs and other work of the application itself.
 */
public record CurrentUser(String id, Set<String> groups) {

    private static final String ROLE = "ROLE_";

    public static Optional<CurrentUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        Set<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(role -> role.startsWith(ROLE)).map(role -> role.substring(ROLE.length()))
                .collect(Collectors.toUnmodifiableSet());
        return Optional.of(new CurrentUser(authentication.getName(), groups));
    }

    public boolean inAny(String... candidates) {
        return Arrays.stream(candidates).anyMatch(groups::contains);
    }

    /** A machine account of an integrating system: in integrations and in no group of people. */
    public boolean machine() {
        return groups.contains(Roles.INTEGRATIONS)
                && !inAny(Roles.ADMIN, Roles.COLLECTORS, Roles.MANAGERS, Roles.FINANCE, Roles.AUDITORS);
    }

    /** The teams whose customers the user works, from their groups {@code team-<name>}. */
    public Set<String> teams() {
        return groups.stream().filter(group -> group.startsWith(Roles.TEAM_PREFIX))
                .map(group -> group.substring(Roles.TEAM_PREFIX.length())).collect(Collectors.toUnmodifiableSet());
    }
}
