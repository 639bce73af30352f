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
 * Runs import-scripts/import-territory.sh on the real Brittany data (../shared/data, or the
 * folder named by THD_SHARED_DATA) against a throwaway PostGIS database that this test creates,
 * migrates with Flyway and drops. No Spring context.
 *
 * <p>The server is the one of SPRING_DATASOURCE_URL/_USERNAME/_PASSWORD (default
 * jdbc:postgresql://127.0.0.1:5432/thd_test, user postgres, no password); only its host and port
 * are used. The test fails, naming what is missing, when a shared data file, ogr2ogr or psql is
 * absent: it is never skipped.
 */
class TerritoryImportScriptTest {

    private static final Pattern JDBC_URL =
            Pattern.compile("^jdbc:postgresql://(\\[[^]]*]|[^/:?]+)(?::(\\d+))?/([^?;]*).*$");
    private static final long TIMEOUT_SECONDS = 300;

    private static String host;
    private static int port;
    /** Creates and drops the scratch database: the cluster's administrator when ./test.sh names one. */
    private static String admin;
    private static String adminPassword;
    /** Migrates and imports, like the import scripts: the schema's owner (thd_owner) when there is one. */
    private static String user;
    private static String password;
    private static String dbName;
    private static String dbUrl;
    private static boolean dbCreated;

    private static Path projectRoot;
    private static Path script;
    private static Path data;
    private static Path communes;
    private static Path populations;
    private static Path movements;
    private static Path epci;
    private static Path departments;

    private static Result firstImport;
    private static long firstImportMillis;

    @BeforeAll
    static void createDatabaseAndImport() throws Exception {
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
    static void dropDatabase() throws SQLException {
        if (dbCreated) {
            try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), admin, adminPassword);
                 Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + dbName + " WITH (FORCE)");
            }
        }
    }

    @Test
    void importsTheRealBrittanyTerritory() throws SQLException {
        assertThat(firstImport.exitCode).as(firstImport.output).isZero();
        assertThat(firstImportMillis).as("import duration (ms)").isLessThan(60_000);

        assertThat(queryLong("SELECT count(*) FROM commune")).isEqualTo(1202);
        assertThat(queryLong("SELECT sum(population) FROM commune")).isEqualTo(3_449_370);
        assertThat(queryLong("SELECT count(*) FROM department")).isEqualTo(4);
        assertThat(queryMap("SELECT department_code, count(*) FROM commune GROUP BY 1"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("22", "344", "29", "277", "35", "332", "56", "249"));
        assertThat(queryMap("SELECT code, name FROM department"))
                .containsEntry("22", "Côtes-d'Armor").containsEntry("29", "Finistère")
                .containsEntry("35", "Ille-et-Vilaine").containsEntry("56", "Morbihan");

        // Rennes: population and a point of its centre.
        assertThat(queryString("SELECT name || '|' || population FROM commune WHERE insee = '35238'"))
                .isEqualTo("Rennes|230890");
        assertThat(queryString("SELECT insee FROM commune WHERE ST_Contains(geom, "
                + "ST_Transform(ST_SetSRID(ST_MakePoint(-1.6778, 48.1173), 4326), 2154))")).isEqualTo("35238");
        assertThat(queryString("SELECT population::text FROM commune WHERE insee = '29019'")).isEqualTo("142346");

        // The 30 COG 2018 codes merged since are gone; their land is in the commune nouvelle
        // (a point of the former Morieux, 22154, lies in Lamballe-Armor, 22093).
        assertThat(queryLong("SELECT count(*) FROM commune WHERE insee IN ('22154', '22173', '35113', '56016')"))
                .isZero();
        assertThat(queryString("SELECT insee FROM commune WHERE ST_Contains(geom, "
                + "ST_Transform(ST_SetSRID(ST_MakePoint(-2.6084, 48.5207), 4326), 2154))")).isEqualTo("22093");

        // Geometry: valid, non-empty MultiPolygons in Lambert-93, and communes tile the departments.
        for (String table : List.of("commune", "department", "epci")) {
            assertThat(queryLong("SELECT count(*) FROM " + table + " WHERE geom IS NULL OR NOT ST_IsValid(geom)"
                    + " OR ST_IsEmpty(geom) OR ST_SRID(geom) <> 2154 OR GeometryType(geom) <> 'MULTIPOLYGON'"))
                    .as("bad geometries in " + table).isZero();
        }
        assertThat(queryLong("SELECT count(*) FROM commune c JOIN department d ON d.code = c.department_code"
                + " WHERE NOT ST_Contains(d.geom, ST_PointOnSurface(c.geom))")).isZero();
        assertThat(queryLong("SELECT count(*) FROM commune a JOIN commune b ON a.insee < b.insee"
                + " AND ST_Overlaps(a.geom, b.geom) AND ST_Area(ST_Intersection(a.geom, b.geom)) > 10000"))
                .as("communes overlapping by more than 1 ha").isZero();

        // EPCI: all 60 of the file group communes; only the islands without EPCI have none.
        assertThat(queryLong("SELECT count(*) FROM epci")).isEqualTo(60);
        assertThat(queryList("SELECT insee FROM commune WHERE epci_siren IS NULL"))
                .isSubsetOf("22016", "29083", "29155");
        assertThat(queryString("SELECT epci_siren FROM commune WHERE insee = '35238'")).isEqualTo("243500139");

        assertThat(queryLong("SELECT count(*) FROM commune WHERE dwellings <> round(population * 0.54)")).isZero();
        assertThat(queryString("SELECT value FROM dataset_info WHERE key = 'territory.source'"))
                .isEqualTo("IGN ADMIN EXPRESS COG 2018 + INSEE populations légales");
        assertThat(queryLong("SELECT count(*) FROM pg_namespace WHERE nspname = 'territory_staging'")).isZero();
    }

    @Test
    void populationFileMissingARowAbortsAndChangesNothing(@TempDir Path tmp) throws Exception {
        assertThat(firstImport.exitCode).as(firstImport.output).isZero();
        Path truncated = tmp.resolve("populations-sans-rennes.csv");
        List<String> lines = Files.readAllLines(populations, StandardCharsets.UTF_8);
        List<String> kept = lines.stream().filter(l -> !l.contains(";35238;")).toList();
        assertThat(kept).hasSize(lines.size() - 1);
        Files.writeString(truncated, String.join("\r\n", kept) + "\r\n", StandardCharsets.UTF_8);

        String before = snapshot();
        Result r = runScript(pgEnv(), "--communes", communes, "--populations", truncated,
                "--movements", movements, "--epci", epci, "--departments", departments);

        assertThat(r.exitCode).as(r.output).isNotZero();
        assertThat(r.output).contains("35238").contains("sans population");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void populationRowWithoutGeometryAbortsAndChangesNothing(@TempDir Path tmp) throws Exception {
        assertThat(firstImport.exitCode).as(firstImport.output).isZero();
        Path extended = tmp.resolve("populations-plus-une.csv");
        Files.writeString(extended, Files.readString(populations, StandardCharsets.UTF_8)
                + "53;Bretagne;35;1;01;999;35999;Commune fantôme;12;0;12\r\n", StandardCharsets.UTF_8);

        String before = snapshot();
        Result r = runScript(pgEnv(), "--communes", communes, "--populations", extended, "--movements", movements);

        assertThat(r.exitCode).as(r.output).isNotZero();
        assertThat(r.output).contains("35999").contains("sans géométrie");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void movementsFileWithoutItsColumnsAbortsAndChangesNothing(@TempDir Path tmp) throws Exception {
        assertThat(firstImport.exitCode).as(firstImport.output).isZero();
        Path renamed = tmp.resolve("mouvements-sans-mod.csv");
        String original = Files.readString(movements, StandardCharsets.UTF_8);
        assertThat(original).startsWith("MOD,");
        Files.writeString(renamed, "MODIF," + original.substring("MOD,".length()), StandardCharsets.UTF_8);

        String before = snapshot();
        Result r = runScript(pgEnv(), "--communes", communes, "--populations", populations, "--movements", renamed);

        assertThat(r.exitCode).as(r.output).isNotZero();
        assertThat(r.output).contains("--movements").contains("MOD, DATE_EFF").contains(renamed.toString());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void missingInputFileFailsWithAClearMessage(@TempDir Path tmp) throws Exception {
        String before = snapshot();
        Path missing = tmp.resolve("pas-de-communes.geojson");
        Result r = runScript(pgEnv(), "--communes", missing, "--populations", populations);

        assertThat(r.exitCode).as(r.output).isNotZero();
        assertThat(r.output).contains("introuvable").contains(missing.toString());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void refusesWhenPremisesExist() throws Exception {
        assertThat(firstImport.exitCode).as(firstImport.output).isZero();
        execute("INSERT INTO premise (id, code, insee, street_name, building_type, dwellings, state, geom)"
                + " VALUES (-1, 'TEST-IMPORT', '35238', 'Rue de test', 'PAVILLON', 1, 'CIBLE',"
                + " ST_Transform(ST_SetSRID(ST_MakePoint(-1.6778, 48.1173), 4326), 2154))");
        try {
            String before = snapshot();
            Result r = runScript(springEnv(), "--communes", communes, "--populations", populations,
                    "--movements", movements);

            assertThat(r.exitCode).as(r.output).isNotZero();
            assertThat(r.output).contains("premise").contains("refusé");
            assertThat(snapshot()).isEqualTo(before);
        } finally {
            execute("DELETE FROM premise WHERE id = -1");
        }
    }

    // -----------------------------------------------------------------------------------------

    private record Result(int exitCode, String output) {
    }

    /** Runs the script from the project root; stdout and stderr together. */
    private static Result runScript(Map<String, String> env, Object... args) throws IOException, InterruptedException {
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
                throw new AssertionError("import-territory.sh still running after " + TIMEOUT_SECONDS + " s:\n"
                        + Files.readString(out, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Connection the way the application gets it. */
    private static Map<String, String> springEnv() {
        return Map.of("SPRING_DATASOURCE_URL", dbUrl, "SPRING_DATASOURCE_USERNAME", user,
                "SPRING_DATASOURCE_PASSWORD", password);
    }

    /** Connection through the libpq variables. */
    private static Map<String, String> pgEnv() {
        return Map.of("PGHOST", host, "PGPORT", Integer.toString(port), "PGDATABASE", dbName, "PGUSER", user,
                "PGPASSWORD", password);
    }

    /** Everything the import writes, so that a failed run can be shown to have changed nothing. */
    private static String snapshot() throws SQLException {
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

    private static Path findProjectRoot() {
        Path cwd = Path.of("").toAbsolutePath();
        for (Path p = cwd; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("import-scripts/import-territory.sh"))) {
                return p;
            }
        }
        throw new IllegalStateException("import-scripts/import-territory.sh not found above " + cwd);
    }

    private static boolean onPath(String tool) {
        String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static String jdbcUrl(String database) {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + h + ":" + port + "/" + database;
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(dbUrl, user, password);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long queryLong(String sql) throws SQLException {
        return Long.parseLong(queryString(sql));
    }

    private static String queryString(String sql) throws SQLException {
        List<String> values = queryList(sql);
        assertThat(values).as(sql).hasSize(1);
        return values.get(0);
    }

    private static List<String> queryList(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    private static Map<String, String> queryMap(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            Map<String, String> values = new LinkedHashMap<>();
            while (rs.next()) {
                values.put(rs.getString(1), rs.getString(2));
            }
            return values;
        }
    }
}
