package io.recollect.security;

/**
 * The groups of Recollect's users. They live in Camunda's identity store, so Tasklist, Cockpit,
 * the REST API and the app all see the same people and groups.
 */
public final class Roles {

    public static final String ADMIN = "camunda-admin";
    public static final String COLLECTORS = "collectors";
    public static final String MANAGERS = "collection-managers";
    public static final String FINANCE = "finance";
    /** Machine users of integrating systems (billing, bank feeds). */
    public static final String INTEGRATIONS = "integrations";
    /** Read the access log (who saw which customer); nothing else. */
    public static final String AUDITORS = "auditors";
    /** A team of collectors is the group {@code team-<name>}; customers may be assigned to one. */
    public static final String TEAM_PREFIX = "team-";

    /** The group of the named team. */
    public static String team(String name) {
        return TEAM_PREFIX + name;
    }
    /** People who run Recollect: metrics and the other Actuator endpoints beyond health. */
    public static final String OPERATORS = "operators";

    private Roles() {
    }
}
