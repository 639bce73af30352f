package fr.thdtracker.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import fr.thdtracker.DemoDatabaseTest;

/**
 * The server's role (thd_app, docs/database-roles.md) on a plain JDBC connection, as the running
 * application gets it: it may append to the premise history but not rewrite it, not disable its
 * triggers, not change the schema. Each refusal is PostgreSQL's own (SQLSTATE 42501, insufficient
 * privilege), not the history's triggers, which only the owner's connections ever reach.
 */
class ApplicationRoleTest extends DemoDatabaseTest {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Value("${spring.datasource.url}")
    String url;
    @Value("${spring.datasource.username}")
    String user;
    @Value("${spring.datasource.password}")
    String password;
    @Value("${spring.flyway.user}")
    String ownerRole;

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void refused(String sql) {
        assertThatThrownBy(() -> {
            try (Connection c = connect(); Statement st = c.createStatement()) {
                st.execute(sql);
            }
        }).as(sql).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).as(sql + " : " + e.getMessage()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    }

    @Test
    void theServerRunsAsARoleThatOwnsNoSourceTableAndIsNoSuperuser() throws SQLException {
        try (Connection c = connect()) {
            assertThat(query(c, "SELECT current_user")).isEqualTo(user).isNotEqualTo(ownerRole);
            assertThat(query(c, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user")).isEqualTo("false");
            assertThat(query(c, "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'premise_event'::regclass"))
                    .isEqualTo(ownerRole);
            assertThat(query(c, "SELECT pg_has_role(current_user, '" + ownerRole + "', 'USAGE')::text")).isEqualTo("false");
            // the derived tables are its own: it truncates and rebuilds them
            assertThat(query(c, "SELECT string_agg(DISTINCT pg_get_userbyid(relowner), ',') FROM pg_class WHERE relname IN "
                    + "('eligibility', 'address_index', 'premise_cell', 'premise_milestone')")).isEqualTo(user);
        }
    }

    @Test
    void theHistoryCannotBeRewritten() {
        refused("UPDATE premise_event SET new_value = 'CIBLE' WHERE id = 1");
        refused("DELETE FROM premise_event WHERE id = 1");
        refused("TRUNCATE premise_event");
        refused("UPDATE building_event SET new_value = 'CIBLE' WHERE id = 1");
        refused("DELETE FROM building_event WHERE id = 1");
        refused("TRUNCATE building_event");
        refused("DELETE FROM building WHERE id = -1");
        refused("ALTER TABLE building_event DISABLE TRIGGER building_event_append_only");
        assertThat(count("SELECT count(*) FROM premise_event WHERE id = 1")).isEqualTo(1);
    }

    @Test
    void theHistoryTriggersCannotBeDisabled() {
        refused("ALTER TABLE premise_event DISABLE TRIGGER premise_event_append_only");
        refused("ALTER TABLE premise_event DISABLE TRIGGER ALL");
        // the other way round the triggers: replica mode, a superuser's setting
        refused("SET session_replication_role = replica");
        refused("DROP TRIGGER premise_event_append_only ON premise_event");
    }

    @Test
    void theSchemaCannotBeChanged() {
        refused("ALTER TABLE premise ADD COLUMN note text");
        refused("ALTER TABLE premise_event OWNER TO " + user);
        refused("DROP TABLE premise_event");
        refused("CREATE TABLE intruder (id int)");
        refused("CREATE FUNCTION intruder() RETURNS int LANGUAGE sql AS 'SELECT 1'");
        refused("DELETE FROM premise WHERE id = -1");
    }

    /** Appending is what the server does; rolled back, so the database is left as found. */
    @Test
    void anEventCanStillBeAppended() throws SQLException {
        long before = count("SELECT count(*) FROM building_event");
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                int rows = st.executeUpdate("""
                        INSERT INTO building_event (building_id, field, old_value, new_value, effective_on, source, username)
                        SELECT id, 'state', state, 'ABANDONNE', DATE '2026-10-01', 'EDIT', 't-engineer'
                        FROM building WHERE state <> 'ABANDONNE' ORDER BY id LIMIT 1
                        """);
                assertThat(rows).isEqualTo(1);
                assertThat(query(c, "SELECT count(*) FROM building_event")).isEqualTo(Long.toString(before + 1));
            } finally {
                c.rollback();
            }
        }
        assertThat(count("SELECT count(*) FROM building_event")).isEqualTo(before);
    }
}
