package io.recollect.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** Checks passwords against Camunda's identity store; a user's groups become roles. */
@Component
class CamundaIdentityAuthentication implements AuthenticationProvider {

    private final IdentityService identity;

    CamundaIdentityAuthentication(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object password = authentication.getCredentials();
        if (password == null || !identity.checkPassword(user, password.toString())) {
            throw new BadCredentialsException("Bad credentials");
        }
        List<SimpleGrantedAuthority> roles = identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).map(id -> new SimpleGrantedAuthority("ROLE_" + id)).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, roles);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
