package io.recollect.web;

import io.recollect.security.CurrentUser;
import io.recollect.security.Roles;

/**
 * The person looking at a page, as the layout needs them: a name for the header and which
 * parts of the app their groups open. Pages still check roles in their controllers and services;
 * this only decides which links to show.
 */
public record Viewer(String id, boolean collector, boolean manager, boolean finance, boolean admin, boolean auditor) {

    static Viewer of(CurrentUser user) {
        return new Viewer(user.id(), user.inAny(Roles.COLLECTORS), user.inAny(Roles.MANAGERS),
                user.inAny(Roles.FINANCE), user.inAny(Roles.ADMIN), user.inAny(Roles.AUDITORS));
    }

    /** Managers and admins change rule tables and read the portfolio. */
    public boolean governs() {
        return manager || admin;
    }

    /** Who may look up customers and their accounts. */
    public boolean worksAccounts() {
        return collector || manager || finance || admin;
    }
}
