package fr.thdtracker.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;

/**
 * VIEWER ⊂ ENGINEER, OPERATOR ⊂ ADMIN. Not tied to the web security configuration: the catalog's
 * access checks are beans in the command-line runs too (migration, demo load), which have no
 * filter chain.
 */
@Configuration
class RoleHierarchyConfig {

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_ADMIN > ROLE_ENGINEER
                ROLE_ADMIN > ROLE_OPERATOR
                ROLE_ENGINEER > ROLE_VIEWER
                ROLE_OPERATOR > ROLE_VIEWER
                """);
    }
}
