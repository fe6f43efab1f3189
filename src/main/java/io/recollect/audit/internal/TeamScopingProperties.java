package io.recollect.audit.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled when true, a collector sees and changes only the customers of their teams (and
 *                customers assigned to no team); off by default
 */
@ConfigurationProperties("recollect.security.team-scoping")
public record TeamScopingProperties(boolean enabled) {
}
