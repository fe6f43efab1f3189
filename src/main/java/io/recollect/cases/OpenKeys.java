package io.recollect.cases;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * Recognises a violation of one of the "open key" unique constraints (one open promise per
 * customer, one open dispute per invoice, one running pause per scope) by its name, which
 * PostgreSQL and H2 both put in their messages.
 */
final class OpenKeys {

    private OpenKeys() {
    }

    static boolean violated(DataIntegrityViolationException ex, String constraint) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains(constraint)) {
                return true;
            }
        }
        return false;
    }
}
