package fr.thdtracker.territory;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The throwaway database and the script runner of the territory import tests: creates a PostGIS
 * database, migrates it with Flyway, runs import-scripts/import-territory.sh once on the real
 * Brittany data, and drops the database afterwards. No Spring context. Public so that the tests of
 * what is built on the real territory (the demo on the real perimeter) use the same scratch database.
 */
public abstract class TerritoryImportFixture {

    static final Pattern JDBC_URL =
            Pattern.compile("^jdbc:postgresql://(\\[[^]]*]|[^/:?]+)(?::(\\d+))?/([^?;]*).*$");
    static final long TIMEOUT_SECONDS = 300;

    static String host;
    static int port;
    /** Creates and drops the scratch database: the cluster's administrator when ./test.sh names one. */
    static String admin;
    static String adminPassword;
    /** Migrates and imports, like the import scripts: the schema's owner (thd_owner) when there is one. */
    protected static String user;
    protected static String password;
    static String dbName;
    protected static String dbUrl;
    static boolean dbCreated;

    protected static Path projectRoot;
    static Path script;
    protected static Path data;
    static Path communes;
    static Path populations;
    protected static Path movements;
    static Path epci;
    static Path departments;

    protected static Result firstImport;
    static long firstImportMillis;

    @BeforeAll
    protected static void createDatabaseAndImport() throws Exception {
        projectRoot = findProjectRoot();
        script = projectRoot.resolve("import-scripts/import-territory.sh");
        String sharedData = System.getenv("THD_SHARED_DATA");
        data = (sharedData == null || sharedData.isBlank()
                ? projectRoot.resolve("../shared/data") : Path.of(sharedData)).toAbsolutePath().normalize();
        communes = data.resolve("admin/communes-bretagne.geojson");
        populations = data.resolve("population/populations-legales-communes-bretagne.csv");
        movements = data.resolve("population/mouvements-communes-bretagne-depuis-2018.csv");
        epci = data.resolve("admin/epci-bretagne-region-bretagne.geojson");
        departments = data.resolve("admin/departements-bretagne.geojson");
        for (Path p : List.of(communes, populations, movements, epci, departments)) {
            // the real data sits beside the project (CI has it too): its absence is a failure, not a skip
            assertThat(Files.isReadable(p)).as("real data not available: " + p + " (set THD_SHARED_DATA)").isTrue();
        }
        assertThat(onPath("ogr2ogr")).as("ogr2ogr is needed (Debian gdal-bin)").isTrue();
        assertThat(onPath("psql")).as("psql is needed (Debian postgresql-client)").isTrue();

        String url = env("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/thd_test");
        Matcher m = JDBC_URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("Unsupported SPRING_DATASOURCE_URL: " + url);
        }
        host = m.group(1).replace("[", "").replace("]", "");
        port = m.group(2) == null ? 5432 : Integer.parseInt(m.group(2));
        String datasourceUser = env("SPRING_DATASOURCE_USERNAME", "postgres");
        String datasourcePassword = Objects.requireNonNullElse(System.getenv("SPRING_DATASOURCE_PASSWORD"), "");
        admin = env("THD_PG_ADMIN", datasourceUser);
        adminPassword = System.getenv("THD_PG_ADMIN") != null
                ? Objects.requireNonNullElse(System.getenv("THD_PG_ADMIN_PASSWORD"), "") : datasourcePassword;
        user = env("THD_OWNER_USERNAME", admin);
        password = System.getenv("THD_OWNER_USERNAME") != null
                ? Objects.requireNonNullElse(System.getenv("THD_OWNER_PASSWORD"), "") : adminPassword;

        dbName = "thd_import_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), admin, adminPassword);
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + dbName + " OWNER " + user);
            dbCreated = true;
        }
        dbUrl = jdbcUrl(dbName);
        // PostGIS is the administrator's to install (V1 only checks it is there for the owner)
        try (Connection c = DriverManager.getConnection(dbUrl, admin, adminPassword); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS postgis");
        }
        Flyway.configure().dataSource(dbUrl, user, password).locations("classpath:db/migration")
                .placeholders(Map.of("app_role", env("THD_APP_ROLE", "none"))).load().migrate();

        long start = System.nanoTime();
        firstImport = runScript(springEnv(), "--communes", communes, "--populations", populations,
                "--movements", movements, "--epci", epci, "--departments", departments);
        firstImportMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(Locale.ROOT, "import-territory.sh took %d ms%n%s%n", firstImportMillis, firstImport.output);
    }

    @AfterAll
    protected static void dropDatabase() throws SQLException {
        if (dbCreated) {
            try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), admin, adminPassword);
                 Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + dbName + " WITH (FORCE)");
            }
        }
    }


    protected record Result(int exitCode, String output) {
    }

    /** Runs the territory script from the project root; stdout and stderr together. */
    static Result runScript(Map<String, String> env, Object... args) throws IOException, InterruptedException {
        return run(script, env, args);
    }

    /** Runs an import script from the project root; stdout and stderr together. */
    protected static Result run(Path script, Map<String, String> env, Object... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        for (Object a : args) {
            command.add(a.toString());
        }
        Path out = Files.createTempFile("import-territory", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(projectRoot.toFile())
                    .redirectErrorStream(true).redirectOutput(out.toFile());
            Map<String, String> penv = pb.environment();
            penv.keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("SPRING_DATASOURCE_"));
            penv.putAll(env);
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(script.getFileName() + " still running after " + TIMEOUT_SECONDS + " s:\n"
                        + Files.readString(out, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Connection the way the application gets it. */
    protected static Map<String, String> springEnv() {
        return Map.of("SPRING_DATASOURCE_URL", dbUrl, "SPRING_DATASOURCE_USERNAME", user,
                "SPRING_DATASOURCE_PASSWORD", password);
    }

    /** Connection through the libpq variables. */
    static Map<String, String> pgEnv() {
        return Map.of("PGHOST", host, "PGPORT", Integer.toString(port), "PGDATABASE", dbName, "PGUSER", user,
                "PGPASSWORD", password);
    }

    /** Everything the import writes, so that a failed run can be shown to have changed nothing. */
    static String snapshot() throws SQLException {
        return queryString("SELECT concat_ws(' | ',"
                + " (SELECT count(*) || ':' || coalesce(md5(string_agg(concat_ws(',', insee, name, department_code,"
                + "   epci_siren, population, dwellings, md5(ST_AsBinary(geom))), ';' ORDER BY insee)), '')"
                + "   FROM commune),"
                + " (SELECT count(*) || ':' || coalesce(md5(string_agg(concat_ws(',', code, name,"
                + "   md5(ST_AsBinary(geom))), ';' ORDER BY code)), '') FROM department),"
                + " (SELECT count(*) || ':' || coalesce(md5(string_agg(concat_ws(',', siren, name,"
                + "   md5(ST_AsBinary(geom))), ';' ORDER BY siren)), '') FROM epci),"
                + " (SELECT coalesce(string_agg(key || '=' || value, ';' ORDER BY key), '') FROM dataset_info),"
                + " (SELECT count(*) FROM import_batch),"
                + " (SELECT count(*) FROM pg_namespace WHERE nspname = 'territory_staging'))");
    }

    static Path findProjectRoot() {
        Path cwd = Path.of("").toAbsolutePath();
        for (Path p = cwd; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("import-scripts/import-territory.sh"))) {
                return p;
            }
        }
        throw new IllegalStateException("import-scripts/import-territory.sh not found above " + cwd);
    }

    static boolean onPath(String tool) {
        String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    static String jdbcUrl(String database) {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + h + ":" + port + "/" + database;
    }

    protected static Connection connect() throws SQLException {
        return DriverManager.getConnection(dbUrl, user, password);
    }

    protected static void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    protected static long queryLong(String sql) throws SQLException {
        return Long.parseLong(queryString(sql));
    }

    protected static String queryString(String sql) throws SQLException {
        List<String> values = queryList(sql);
        assertThat(values).as(sql).hasSize(1);
        return values.get(0);
    }

    protected static List<String> queryList(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    protected static Map<String, String> queryMap(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            Map<String, String> values = new LinkedHashMap<>();
            while (rs.next()) {
                values.put(rs.getString(1), rs.getString(2));
            }
            return values;
        }
    }
}
