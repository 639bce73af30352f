package fr.thdtracker.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The provisioning functions of import-scripts/lib/database.sh, which ./run.sh --reset and
 * ./test.sh use, run for real against the local cluster on scratch databases this test creates and
 * drops itself: a database they create carries the marker and may be dropped by them; one without
 * the marker, or named by SPRING_DATASOURCE_URL, is never dropped.
 */
class ProvisioningScriptTest {

    private static final String HOST = env("PGHOST", "127.0.0.1");
    private static final String PORT = env("PGPORT", "5432");
    private static final String ADMIN = env("THD_PG_ADMIN", "postgres");
    private static final String ADMIN_PASSWORD = env("THD_PG_ADMIN_PASSWORD", "");

    private final String scratch = "thd_provtest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private record Result(int exitCode, String output) {
    }

    /** Sources database.sh as the scripts do, for database {@code db}, and runs {@code commands}. */
    private static Result shell(String db, Map<String, String> extraEnv, String commands)
            throws IOException, InterruptedException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("import-scripts/lib/database.sh"))) {
            root = Objects.requireNonNull(root.getParent(), "import-scripts/lib/database.sh not found");
        }
        ProcessBuilder pb = new ProcessBuilder("bash", "-c",
                "set -euo pipefail; source import-scripts/lib/database.sh; thd_db_env thd; " + commands)
                .directory(root.toFile()).redirectErrorStream(true);
        Map<String, String> e = pb.environment();
        // the suite's own database settings (./test.sh exports them) must not leak into the scratch runs
        e.keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("SPRING_DATASOURCE_") || k.startsWith("THD_"));
        e.putAll(Map.of("PGHOST", HOST, "PGPORT", PORT, "THD_PG_ADMIN", ADMIN, "THD_PG_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "THD_DB", db));
        e.putAll(extraEnv);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", ADMIN, ADMIN_PASSWORD);
    }

    private static List<String> database(String name) throws SQLException {
        try (Connection c = admin(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_get_userbyid(datdba), coalesce(shobj_description(oid, 'pg_database'), '')"
                     + " FROM pg_database WHERE datname = '" + name + "'")) {
            return rs.next() ? List.of(rs.getString(1), rs.getString(2)) : List.of();
        }
    }

    private static void adminExecute(String sql) throws SQLException {
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @AfterEach
    void dropScratch() throws SQLException {
        adminExecute("DROP DATABASE IF EXISTS " + scratch + " WITH (FORCE)");
    }

    @Test
    void aDatabaseTheScriptsCreateCarriesTheMarkerAndTheyMayDropIt() throws Exception {
        Result created = shell(scratch, Map.of(), "thd_provision_local_postgis");
        assertThat(created.exitCode()).as(created.output()).isZero();
        assertThat(database(scratch)).as("owner, comment").containsExactly("thd_owner", "thd-tracker: created by bash");

        Result dropped = shell(scratch, Map.of(), "thd_drop_own_database");
        assertThat(dropped.exitCode()).as(dropped.output()).isZero();
        assertThat(dropped.output()).contains("Suppression de la base " + scratch);
        assertThat(database(scratch)).isEmpty();
    }

    @Test
    void aDatabaseWithoutTheMarkerIsNeitherDroppedNorUsed() throws Exception {
        adminExecute("CREATE DATABASE " + scratch);
        Result drop = shell(scratch, Map.of(), "thd_drop_own_database");
        assertThat(drop.exitCode()).isNotZero();
        assertThat(drop.output()).contains("Refus de supprimer la base locale " + scratch)
                .contains("n'a pas été créée par les scripts de THD Tracker").contains("dropdb");
        assertThat(database(scratch)).isNotEmpty();

        // nor migrated as if it were ours: it belongs to another role
        Result use = shell(scratch, Map.of(), "thd_provision_local_postgis");
        assertThat(use.exitCode()).isNotZero();
        assertThat(use.output()).contains("n'est pas utilisée");
        assertThat(database(scratch)).isNotEmpty();
    }

    @Test
    void aMarkedDatabaseNamedBySpringDatasourceUrlIsNotDropped() throws Exception {
        assertThat(shell(scratch, Map.of(), "thd_provision_local_postgis").exitCode()).isZero();
        Result drop = shell(scratch, Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://" + HOST + ":" + PORT + "/" + scratch,
                "SPRING_DATASOURCE_USERNAME", ADMIN), "thd_drop_own_database");
        assertThat(drop.exitCode()).isNotZero();
        assertThat(drop.output()).contains("désignée par SPRING_DATASOURCE_URL");
        assertThat(database(scratch)).isNotEmpty();
    }

    @Test
    void anAbsentDatabaseIsNothingToDrop() throws Exception {
        Result drop = shell(scratch, Map.of(), "thd_drop_own_database");
        assertThat(drop.exitCode()).as(drop.output()).isZero();
        assertThat(drop.output()).doesNotContain("Suppression");
    }
}
