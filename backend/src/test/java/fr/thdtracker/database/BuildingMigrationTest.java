package fr.thdtracker.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * V17 upgrades an existing database: in a scratch database migrated to V16, premises written the
 * old way (one row per line, a block of flats as rows sharing one point) become buildings holding
 * their lines, their building-level history moves to building_event and their subscriptions stay.
 */
class BuildingMigrationTest {

    private static String admin;
    private static String adminPassword;
    private static String base;
    private static String dbName;
    private static String dbUrl;

    @BeforeAll
    static void migrateOldPremisesToV17() throws SQLException {
        String url = Objects.requireNonNullElse(System.getenv("SPRING_DATASOURCE_URL"), "jdbc:postgresql://127.0.0.1:5432/thd_test");
        base = url.substring(0, url.lastIndexOf('/') + 1);
        admin = Objects.requireNonNullElse(System.getenv("THD_PG_ADMIN"),
                Objects.requireNonNullElse(System.getenv("SPRING_DATASOURCE_USERNAME"), "postgres"));
        adminPassword = Objects.requireNonNullElse(System.getenv("THD_PG_ADMIN_PASSWORD"),
                Objects.requireNonNullElse(System.getenv("SPRING_DATASOURCE_PASSWORD"), ""));
        dbName = "thd_migration_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(base + "postgres", admin, adminPassword);
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + dbName);
        }
        dbUrl = base + dbName;
        execute("CREATE EXTENSION IF NOT EXISTS postgis");
        flyway("16").migrate();
        execute("""
                INSERT INTO department (code, name, geom) VALUES ('35', 'Ille-et-Vilaine',
                    ST_Multi(ST_Buffer(ST_Transform(ST_SetSRID(ST_MakePoint(-1.68, 48.11), 4326), 2154), 5000)));
                INSERT INTO commune (insee, name, department_code, population, dwellings, geom)
                SELECT '35238', 'Rennes', '35', 1000, 500, geom FROM department;
                INSERT INTO operator (name, arcep_code, kind, arrived_on) VALUES ('Orange', 'FRTE', 'RETAIL', DATE '2016-12-01');
                INSERT INTO import_batch (kind, source_name, status) VALUES ('DEMO', 'test', 'DONE');
                -- a block of three flats at one point, a house beside it
                INSERT INTO premise (id, code, insee, street_number, street_name, complement, building_type, dwellings,
                                     state, cabling_date, commercial_opening_date, operator_id, subscribed_on, geom)
                SELECT i, 'IMB/35238/X/000' || i, '35238', CASE WHEN i <= 3 THEN 12 ELSE 14 END, 'Rue de la Mairie',
                       CASE WHEN i <= 3 THEN 'Appt ' || i END, CASE WHEN i <= 3 THEN 'IMMEUBLE' ELSE 'PAVILLON' END,
                       CASE WHEN i <= 3 THEN 3 ELSE 1 END, 'DEPLOYE', DATE '2019-03-01', DATE '2019-06-01',
                       CASE WHEN i = 2 THEN 1 END, CASE WHEN i = 2 THEN DATE '2019-09-01' END,
                       ST_Transform(ST_SetSRID(ST_MakePoint(CASE WHEN i <= 3 THEN -1.68 ELSE -1.679 END, 48.11), 4326), 2154)
                FROM generate_series(1, 4) i;
                INSERT INTO premise_event (premise_id, field, old_value, new_value, effective_on, source, batch_id)
                SELECT i, 'state', NULL, 'CIBLE', DATE '2018-01-01', 'DEMO', 1 FROM generate_series(1, 4) i
                UNION ALL SELECT i, 'state', 'CIBLE', 'DEPLOYE', DATE '2019-03-01', 'DEMO', 1 FROM generate_series(1, 4) i
                UNION ALL SELECT 2, 'subscription', NULL, 'FRTE', DATE '2019-09-01', 'DEMO', 1;
                """);
        flyway("17").migrate();
    }

    private static Flyway flyway(String target) {
        return Flyway.configure().dataSource(dbUrl, admin, adminPassword).locations("classpath:db/migration")
                .placeholders(Map.of("app_role", "none")).target(target).load();
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(base + "postgres", admin, adminPassword);
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + dbName + " WITH (FORCE)");
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(dbUrl, admin, adminPassword); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(dbUrl, admin, adminPassword); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    sb.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    @Test
    void thePremisesAtOnePointBecomeOneBuildingHoldingItsLines() throws SQLException {
        assertThat(rows("SELECT id, code, building_type, dwellings, business_premises, lines, state, street_number FROM building ORDER BY id"))
                .containsExactly("1|IMB/35238/X/0001|IMMEUBLE|3|0|3|DEPLOYE|12", "4|IMB/35238/X/0004|PAVILLON|1|0|1|DEPLOYE|14");
        assertThat(rows("SELECT id, building_id, kind, complement, operator_id FROM premise ORDER BY id")).containsExactly(
                "1|1|DWELLING|Appt 1|null", "2|1|DWELLING|Appt 2|1", "3|1|DWELLING|Appt 3|null", "4|4|DWELLING|null|null");
    }

    @Test
    void theBuildingHistoryIsItsFirstLinesAndTheSubscriptionsStayWithTheirLines() throws SQLException {
        assertThat(rows("SELECT building_id, new_value, effective_on FROM building_event ORDER BY building_id, effective_on"))
                .containsExactly("1|CIBLE|2018-01-01", "1|DEPLOYE|2019-03-01", "4|CIBLE|2018-01-01", "4|DEPLOYE|2019-03-01");
        assertThat(rows("SELECT premise_id, field, new_value FROM premise_event ORDER BY id")).containsExactly("2|subscription|FRTE");
        // the line history takes subscriptions only from now on, and both histories stay append-only
        assertThat(rows("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'premise_event_field_check'"))
                .singleElement().asString().contains("subscription").doesNotContain("state");
        assertThat(rows("SELECT tgname FROM pg_trigger WHERE tgrelid IN ('premise_event'::regclass, 'building_event'::regclass) "
                + "AND NOT tgisinternal AND tgenabled = 'O' ORDER BY 1")).containsExactly("building_event_append_only",
                "building_event_no_truncate", "premise_event_append_only", "premise_event_no_truncate");
    }
}
