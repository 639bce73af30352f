package fr.thdtracker.health;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Says at start-up under which roles the server runs (docs/database-roles.md): as a role without
 * DDL, the history append-only; or, when the operator chose a one-role installation (or the
 * datasource is a superuser), as a role that could alter the schema and bypass the history's
 * triggers, which must not pass unnoticed.
 */
@Component
class DatabaseRoles {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRoles.class);

    private final JdbcClient jdbc;
    private final String migrationUser;

    DatabaseRoles(JdbcClient jdbc, @Value("${spring.flyway.user}") String migrationUser) {
        this.jdbc = jdbc;
        this.migrationUser = migrationUser;
    }

    record Session(String user, boolean superuser, boolean ownsHistory) {
    }

    Session session() {
        return jdbc.sql("""
                        SELECT current_user, r.rolsuper,
                               pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'premise_event'::regclass), 'USAGE')
                        FROM pg_roles r WHERE r.rolname = current_user
                        """)
                .query((rs, i) -> new Session(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3))).single();
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        Session s = session();
        if (s.superuser() || s.ownsHistory()) {
            log.warn("Base : installation à UN SEUL RÔLE — le serveur se connecte en {} ({}), qui peut modifier le schéma "
                            + "et contourner l'historique en ajout seul. Pour séparer les rôles, voir docs/database-roles.md",
                    s.user(), s.superuser() ? "superutilisateur" : "propriétaire des tables");
        } else {
            log.info("Base : le serveur se connecte en {} (sans droit DDL, historique en ajout seul) ; migrations et "
                    + "chargement de la démo en {}", s.user(), migrationUser);
        }
    }
}
