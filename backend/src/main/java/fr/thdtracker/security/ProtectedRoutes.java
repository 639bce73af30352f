package fr.thdtracker.security;

import java.util.List;

/**
 * Routes a feature restricts to a role, beyond the defaults of {@code SecurityConfig}: the feature
 * that owns the routes declares them (as a Spring bean), so security depends on no feature. Rules
 * are applied before the public defaults, since their URLs may sit under a public prefix.
 */
public interface ProtectedRoutes {

    /** URL patterns (Spring path patterns, any method) that need {@code role} or a role above it. */
    record Rule(Role role, List<String> patterns) {
    }

    List<Rule> rules();
}
