package io.recollect.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure Recollect's groups exist with what each may see in the Camunda webapps, and
 * offers {@link #ensureUser} to whoever provisions people (the demo, tests, an operator).
 * Idempotent: it only adds what is missing.
 */
@Component
@Order(0)
public class IdentitySetup implements ApplicationRunner {

    private static final String ALL_RESOURCES = Authorization.ANY;

    private final IdentityService identity;
    private final AuthorizationService authorizations;

    IdentitySetup(IdentityService identity, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureGroup(Roles.ADMIN, "Administrators", "SYSTEM");
        ensureGroup(Roles.COLLECTORS, "Collectors", "WORKFLOW");
        ensureGroup(Roles.MANAGERS, "Collection managers", "WORKFLOW");
        ensureGroup(Roles.FINANCE, "Finance", "WORKFLOW");
        ensureGroup(Roles.INTEGRATIONS, "Integrating systems", "SYSTEM");
        ensureGroup(Roles.AUDITORS, "Auditors", "SYSTEM");
        ensureGroup(Roles.OPERATORS, "Operators", "SYSTEM");
        for (Resources resource : Resources.values()) {
            grant(Roles.ADMIN, resource, ALL_RESOURCES, Permissions.ALL);
        }
        for (String group : List.of(Roles.COLLECTORS, Roles.MANAGERS, Roles.FINANCE)) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.FILTER, ALL_RESOURCES, Permissions.READ);
            grant(group, Resources.PROCESS_DEFINITION, ALL_RESOURCES, Permissions.READ);
        }
        grant(Roles.MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Roles.MANAGERS, Resources.PROCESS_DEFINITION, ALL_RESOURCES, Permissions.READ_INSTANCE,
                Permissions.READ_HISTORY);
        grant(Roles.MANAGERS, Resources.PROCESS_INSTANCE, ALL_RESOURCES, Permissions.READ);
        grant(Roles.MANAGERS, Resources.TASK, ALL_RESOURCES, Permissions.READ);
        grant(Roles.MANAGERS, Resources.DEPLOYMENT, ALL_RESOURCES, Permissions.READ);
        grant(Roles.MANAGERS, Resources.DECISION_DEFINITION, ALL_RESOURCES, Permissions.READ);
    }

    /** Creates the user if missing, with the given groups; an existing user keeps their password. */
    public void ensureUser(String id, String password, String firstName, String lastName, String email,
            List<String> groups) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setPassword(password);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(email);
            identity.saveUser(user);
        }
        for (String group : groups) {
            if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
                identity.createMembership(id, group);
            }
        }
    }

    /** Creates the group of a team of collectors if missing (see {@link Roles#team}). */
    public void ensureTeam(String name) {
        ensureGroup(Roles.team(name), "Team " + name, "WORKFLOW");
    }

    private void ensureGroup(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }
}
