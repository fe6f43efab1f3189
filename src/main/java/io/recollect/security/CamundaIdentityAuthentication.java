package io.recollect.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks passwords against Camunda's identity store, behind the {@link LoginThrottle}; a user's
 * groups become roles.
 */
@Component
class CamundaIdentityAuthentication implements AuthenticationProvider {

    private static final String UNKNOWN_ADDRESS = "unknown";

    private final IdentityService identity;
    private final LoginThrottle throttle;

    CamundaIdentityAuthentication(IdentityService identity, LoginThrottle throttle) {
        this.identity = identity;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : UNKNOWN_ADDRESS;
        throttle.checkAllowed(user, address);
        Object password = authentication.getCredentials();
        if (password == null || !identity.checkPassword(user, password.toString())) {
            throttle.failed(user, address);
            throw new BadCredentialsException("Bad credentials");
        }
        throttle.succeeded(user, address);
        List<SimpleGrantedAuthority> roles = identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).map(id -> new SimpleGrantedAuthority("ROLE_" + id)).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, roles);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
