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
class TerritoryImportScriptTest extends TerritoryImportFixture {

    @Test
    void importsTheRealBrittanyTerritory() throws SQLException {
        assertThat(firstImport.exitCode()).as(firstImport.output()).isZero();
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
        assertThat(firstImport.exitCode()).as(firstImport.output()).isZero();
        Path truncated = tmp.resolve("populations-sans-rennes.csv");
        List<String> lines = Files.readAllLines(populations, StandardCharsets.UTF_8);
        List<String> kept = lines.stream().filter(l -> !l.contains(";35238;")).toList();
        assertThat(kept).hasSize(lines.size() - 1);
        Files.writeString(truncated, String.join("\r\n", kept) + "\r\n", StandardCharsets.UTF_8);

        String before = snapshot();
        Result r = runScript(pgEnv(), "--communes", communes, "--populations", truncated,
                "--movements", movements, "--epci", epci, "--departments", departments);

        assertThat(r.exitCode()).as(r.output()).isNotZero();
        assertThat(r.output()).contains("35238").contains("sans population");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void populationFileWithADuplicateCommuneAbortsAndChangesNothing(@TempDir Path tmp) throws Exception {
        assertThat(firstImport.exitCode()).as(firstImport.output()).isZero();
        Path doubled = tmp.resolve("populations-rennes-deux-fois.csv");
        String original = Files.readString(populations, StandardCharsets.UTF_8);
        String rennes = original.lines().filter(l -> l.contains(";35238;")).findFirst().orElseThrow();
        Files.writeString(doubled, original + rennes + "\r\n", StandardCharsets.UTF_8);

        String before = snapshot();
        Result r = runScript(pgEnv(), "--communes", communes, "--populations", doubled, "--movements", movements);

        assertThat(r.exitCode()).as(r.output()).isNotZero();
        assertThat(r.output()).contains("Populations : code INSEE en double : 35238");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void populationRowWithoutGeometryAbortsAndChangesNothing(@TempDir Path tmp) throws Exception {
        assertThat(firstImport.exitCode()).as(firstImport.output()).isZero();
        Path extended = tmp.resolve("populations-plus-une.csv");
        Files.writeString(extended, Files.readString(populations, StandardCharsets.UTF_8)
                + "53;Bretagne;35;1;01;999;35999;Commune fantôme;12;0;12\r\n", StandardCharsets.UTF_8);

        String before = snapshot();
        Result r = runScript(pgEnv(), "--communes", communes, "--populations", extended, "--movements", movements);

        assertThat(r.exitCode()).as(r.output()).isNotZero();
        assertThat(r.output()).contains("35999").contains("sans géométrie");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void movementsFileWithoutItsColumnsAbortsAndChangesNothing(@TempDir Path tmp) throws Exception {
        assertThat(firstImport.exitCode()).as(firstImport.output()).isZero();
        Path renamed = tmp.resolve("mouvements-sans-mod.csv");
        String original = Files.readString(movements, StandardCharsets.UTF_8);
        assertThat(original).startsWith("MOD,");
        Files.writeString(renamed, "MODIF," + original.substring("MOD,".length()), StandardCharsets.UTF_8);

        String before = snapshot();
        Result r = runScript(pgEnv(), "--communes", communes, "--populations", populations, "--movements", renamed);

        assertThat(r.exitCode()).as(r.output()).isNotZero();
        assertThat(r.output()).contains("--movements").contains("MOD, DATE_EFF").contains(renamed.toString());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void missingInputFileFailsWithAClearMessage(@TempDir Path tmp) throws Exception {
        String before = snapshot();
        Path missing = tmp.resolve("pas-de-communes.geojson");
        Result r = runScript(pgEnv(), "--communes", missing, "--populations", populations);

        assertThat(r.exitCode()).as(r.output()).isNotZero();
        assertThat(r.output()).contains("introuvable").contains(missing.toString());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void refusesWhenPremisesExist() throws Exception {
        assertThat(firstImport.exitCode()).as(firstImport.output()).isZero();
        execute("INSERT INTO building (id, code, insee, street_name, building_type, dwellings, state, geom)"
                + " VALUES (-1, 'IMB/35238/X/TEST', '35238', 'Rue de test', 'PAVILLON', 1, 'CIBLE',"
                + " ST_Transform(ST_SetSRID(ST_MakePoint(-1.6778, 48.1173), 4326), 2154))");
        execute("INSERT INTO premise (id, code, building_id, kind) VALUES (-1, 'IMB/35238/X/TEST-01', -1, 'DWELLING')");
        try {
            String before = snapshot();
            Result r = runScript(springEnv(), "--communes", communes, "--populations", populations,
                    "--movements", movements);

            assertThat(r.exitCode()).as(r.output()).isNotZero();
            assertThat(r.output()).contains("premise").contains("refusé");
            assertThat(snapshot()).isEqualTo(before);
        } finally {
            execute("DELETE FROM premise WHERE id = -1");
            execute("DELETE FROM building WHERE id = -1");
        }
    }

}
