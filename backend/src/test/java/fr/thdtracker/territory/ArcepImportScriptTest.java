package fr.thdtracker.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs import-scripts/import-arcep.sh on the real Arcep observatory of 2018 T1
 * (../shared/data/ftth-arcep, COG 2018 codes) after the real territory import of the fixture, in
 * the fixture's throwaway database: what it loads, what it reports, that the figures add up as
 * Arcep published them, that a re-run changes nothing, that a broken file is refused with nothing
 * changed, and that the perimeter it derives never overwrites an administrator's edit. Missing
 * data, ogr2ogr or psql fail the test (never a skip).
 */
class ArcepImportScriptTest extends TerritoryImportFixture {

    static Path arcepScript;
    static Path arcepDir;
    static Result firstArcepImport;

    @BeforeAll
    static void importTheObservatory() throws Exception {
        assertThat(firstImport.exitCode()).as(firstImport.output()).isZero();
        arcepScript = projectRoot.resolve("import-scripts/import-arcep.sh");
        arcepDir = data.resolve("ftth-arcep");
        for (String f : files()) {
            Path p = arcepDir.resolve(f);
            assertThat(Files.isReadable(p)).as("real data not available: " + p + " (set THD_SHARED_DATA)").isTrue();
        }
        long start = System.nanoTime();
        firstArcepImport = importArcep(arcepDir);
        System.out.printf(Locale.ROOT, "import-arcep.sh took %d ms%n%s%n", (System.nanoTime() - start) / 1_000_000,
                firstArcepImport.output());
    }

    static List<String> files() {
        return List.of("arcep-ftth-2018T1-communes-info-bretagne.csv", "arcep-ftth-2018T1-deploiement-communes-bretagne.csv",
                "arcep-ftth-2018T1-epci-info-bretagne.csv", "arcep-ftth-2018T1-deploiement-epci-bretagne.csv",
                "arcep-ftth-2018T1-deploiement-departements-bretagne.csv");
    }

    static Result importArcep(Path dir, Object... more) throws Exception {
        List<Object> args = new ArrayList<>(List.of("--dir", dir, "--movements", movements));
        args.addAll(List.of(more));
        return run(arcepScript, springEnv(), args.toArray());
    }

    /** Everything the Arcep import writes, ids and write times included. */
    static String arcepSnapshot() throws SQLException {
        return queryString("SELECT concat_ws(' | ',"
                + " (SELECT count(*) || ':' || coalesce(md5(string_agg(a::text, ';' ORDER BY arcep_code)), '') FROM arcep_commune a),"
                + " (SELECT count(*) || ':' || coalesce(md5(string_agg(e::text, ';' ORDER BY siren)), '') FROM arcep_epci e),"
                + " (SELECT count(*) || ':' || coalesce(md5(string_agg(d::text, ';' ORDER BY level, code, quarter)), '')"
                + "   FROM arcep_deployment d),"
                + " (SELECT count(*) || ':' || coalesce(md5(string_agg(p::text, ';' ORDER BY id)), '') FROM commune_perimeter p),"
                + " (SELECT coalesce(string_agg(key || '=' || value, ';' ORDER BY key), '') FROM dataset_info),"
                + " (SELECT count(*) FROM import_batch),"
                + " (SELECT count(*) FROM pg_namespace WHERE nspname = 'arcep_staging'))");
    }

    /** A copy of the five files in {@code tmp}, one of them changed line by line. */
    static Path copyWith(Path tmp, String file, UnaryOperator<List<String>> change) throws Exception {
        for (String f : files()) {
            List<String> lines = Files.readAllLines(arcepDir.resolve(f), StandardCharsets.UTF_8);
            Files.write(tmp.resolve(f), f.equals(file) ? change.apply(new ArrayList<>(lines)) : lines,
                    StandardCharsets.UTF_8);
        }
        return tmp;
    }

    /** The 1-based line number of the first line starting with {@code prefix}. */
    static int lineOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line starts with " + prefix);
    }

    @Test
    void loadsTheObservatoryAndJoinsEveryRowToItsCurrentCommune() throws SQLException {
        assertThat(firstArcepImport.exitCode()).as(firstArcepImport.output()).isZero();

        // the data README: 1,232 communes (COG 2018), 60 EPCI, 2 deployment lines per code and 3 quarters
        assertThat(queryLong("SELECT count(*) FROM arcep_commune")).isEqualTo(1232);
        assertThat(queryLong("SELECT count(DISTINCT insee) FROM arcep_commune")).isEqualTo(1202);
        assertThat(queryLong("SELECT count(*) FROM arcep_epci")).isEqualTo(60);
        assertThat(queryMap("SELECT level, count(*) FROM arcep_deployment GROUP BY 1"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("COMMUNE", "3696", "EPCI", "180", "DEPARTMENT", "12"));
        assertThat(queryList("SELECT DISTINCT quarter FROM arcep_deployment ORDER BY 1"))
                .containsExactly("2017T3", "2017T4", "2018T1");
        assertThat(queryString("SELECT value FROM dataset_info WHERE key = 'arcep.vintage'")).isEqualTo("2018T1");

        // figures as the README gives them: Logements 1,859,807; 391,239 connectable in T1 2018
        assertThat(queryLong("SELECT sum(logements) FROM arcep_commune")).isEqualTo(1_859_807);
        assertThat(queryLong("SELECT sum(connectable) FROM arcep_deployment WHERE level = 'COMMUNE' AND quarter = '2018T1'"))
                .isEqualTo(391_239);
        // NBSP thousands and padding read: Rennes " 121 335    " logements, Acigné « - » not very dense
        assertThat(queryString("SELECT logements || '|' || etablissements || '|' || very_dense || '|' || building_operator"
                + " FROM arcep_commune WHERE arcep_code = '35238'")).isEqualTo("121335|6469|true|FREE-FRTE-SFR0");
        assertThat(queryString("SELECT very_dense || '|' || l3313_operator || '|' || rural FROM arcep_commune"
                + " WHERE arcep_code = '35001'")).isEqualTo("false|FRTE|false");

        // one to one: every row joins a current commune of its department; a merged 2018 commune joins
        // its commune nouvelle (Morieux 22154 → Lamballe-Armor 22093) and is reported so
        assertThat(queryLong("SELECT count(*) FROM arcep_commune a JOIN commune c USING (insee)"
                + " WHERE c.department_code = a.department_code")).isEqualTo(1232);
        assertThat(queryList("SELECT arcep_code FROM arcep_commune WHERE insee = '22093' ORDER BY 1"))
                .containsExactly("22093", "22154", "22173");
        assertThat(queryLong("SELECT count(*) FROM arcep_commune WHERE arcep_code <> insee")).isEqualTo(30);
        assertThat(firstArcepImport.output())
                .contains("30 communes de 2018 rattachées à 21 communes actuelles")
                .contains("22093 Lamballe-Armor ← 22093 Lamballe, 22154 Morieux (commune nouvelle)")
                .doesNotContain("sans ligne dans l'observatoire");

        // the perimeter, one ARCEP row per current commune from the AMII's close (2011-01-31)
        assertThat(queryLong("SELECT count(*) FROM commune_perimeter WHERE source = 'ARCEP' AND valid_from = '2011-01-31'"
                + " AND valid_to IS NULL")).isEqualTo(1202);
        assertThat(queryString("SELECT kind || ' ' || operator_code FROM commune_perimeter WHERE insee = '35238'"))
                .isEqualTo("VERY_DENSE FREE-FRTE-SFR0");
        // the README: L. 33-13 engagements FRTE 113 and SFR0 23 (no merged commune holds one)
        assertThat(queryMap("SELECT operator_code, count(*) FROM commune_perimeter WHERE kind = 'PRIVATE_L3313' GROUP BY 1"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("FRTE", "113", "SFR0", "23"));
        assertThat(queryString("SELECT thd_perimeter_label(kind, operator_code) FROM thd_commune_perimeter('2024-01-01')"
                + " WHERE insee = '29019'")).isEqualTo("zone d'initiative privée — Orange");
        // domain reference §1b: the 2018 communes of neither ZTD, engagement nor intention hold
        // 1,155,378 of the 1,949,859 logements + établissements
        assertThat(queryLong("SELECT sum(logements + etablissements) FROM arcep_commune")).isEqualTo(1_949_859);
        assertThat(queryLong("SELECT sum(logements + etablissements) FROM arcep_commune WHERE NOT very_dense"
                + " AND l3313_operator IS NULL AND private_intention IS NULL")).isEqualTo(1_155_378);
        assertThat(queryLong("SELECT count(*) FROM pg_namespace WHERE nspname = 'arcep_staging'")).isZero();
        assertThat(queryLong("SELECT count(*) FROM import_batch WHERE kind = 'ARCEP'")).isEqualTo(1);
    }

    @Test
    void theDepartmentTotalsRebuiltFromTheCommuneRowsAreTheDepartmentFile() throws SQLException {
        assertThat(firstArcepImport.exitCode()).as(firstArcepImport.output()).isZero();
        // every department and quarter: the commune rows summed by their department, beside the file
        List<String> rebuilt = queryList("""
                SELECT a.department_code || ' ' || d.quarter || ' ' || sum(d.connectable)
                FROM arcep_commune a JOIN arcep_deployment d ON d.level = 'COMMUNE' AND d.code = a.arcep_code
                GROUP BY a.department_code, d.quarter ORDER BY 1""");
        List<String> published = queryList("SELECT code || ' ' || quarter || ' ' || connectable FROM arcep_deployment"
                + " WHERE level = 'DEPARTMENT' ORDER BY 1");
        assertThat(rebuilt).hasSize(12).isEqualTo(published);
        // and the figures of T1 2018 the data README quotes from the department file
        assertThat(published).contains("22 2018T1 44482", "29 2018T1 129026", "35 2018T1 136157", "56 2018T1 81574");
        // the summary printed by the script says the same
        assertThat(firstArcepImport.output()).contains("22 Côtes-d'Armor : 44482 locaux raccordables en 2018T1"
                + " (somme des communes) ; publié : 44482");

        // per EPCI the sums match too, except the EPCI that straddles the border (Pays de Redon):
        // its communes of Loire-Atlantique are not in the Breton file
        assertThat(queryList("""
                SELECT e.code FROM arcep_deployment e
                LEFT JOIN (SELECT a.epci_siren, d.quarter, sum(d.connectable) AS n FROM arcep_commune a
                           JOIN arcep_deployment d ON d.level = 'COMMUNE' AND d.code = a.arcep_code GROUP BY 1, 2) s
                       ON s.epci_siren = e.code AND s.quarter = e.quarter
                WHERE e.level = 'EPCI' AND coalesce(s.n, 0) <> e.connectable GROUP BY e.code"""))
                .containsExactly("244400610");

        // Arcep's coverage class of connectable ÷ (logements + établissements) is V19's rule, for every
        // class the files publish (communes, EPCI, departments): what merged communes get computed
        assertThat(queryLong("""
                SELECT count(*) FROM arcep_deployment d JOIN arcep_commune a ON a.arcep_code = d.code
                WHERE d.level = 'COMMUNE'
                  AND d.coverage_class = thd_arcep_coverage_class(d.connectable, a.logements + a.etablissements)"""))
                .isEqualTo(3696);
        assertThat(queryLong("""
                SELECT count(*) FROM arcep_deployment d JOIN arcep_epci e ON e.siren = d.code
                WHERE d.level = 'EPCI'
                  AND d.coverage_class = thd_arcep_coverage_class(d.connectable, e.logements + e.etablissements)"""))
                .isEqualTo(180);
        assertThat(queryLong("""
                SELECT count(*) FROM arcep_deployment d
                JOIN (SELECT department_code, sum(logements + etablissements) AS p FROM arcep_commune GROUP BY 1) s
                  ON s.department_code = d.code
                WHERE d.level = 'DEPARTMENT' AND d.coverage_class = thd_arcep_coverage_class(d.connectable, s.p)"""))
                .isEqualTo(12);
    }

    @Test
    void theCommunesWhosePublicNetworkOperatesTheBuildingsAreCounted() throws SQLException {
        assertThat(firstArcepImport.exitCode()).as(firstArcepImport.output()).isZero();
        // "OI 2018 T1" = THDB, Mégalis' Bretagne Très Haut Débit: the data README counts 126 communes,
        // those whose only building operator is THDB; one more (FRTE-THDB) shares the communes with Orange
        assertThat(queryLong("SELECT count(*) FROM arcep_commune WHERE building_operator = 'THDB'")).isEqualTo(126);
        assertThat(queryLong("SELECT count(*) FROM arcep_commune WHERE 'THDB' = ANY (string_to_array(building_operator, '-'))"))
                .isEqualTo(127);
        // the public network builds only in the public perimeter: every one of them is in it
        assertThat(queryLong("SELECT count(*) FROM arcep_commune a JOIN thd_commune_perimeter('2018-03-31') p USING (insee)"
                + " WHERE 'THDB' = ANY (string_to_array(a.building_operator, '-')) AND p.kind <> 'PUBLIC'")).isZero();
    }

    @Test
    void importingTheSameFilesAgainChangesNothing() throws Exception {
        assertThat(firstArcepImport.exitCode()).as(firstArcepImport.output()).isZero();
        String before = arcepSnapshot();
        Result again = importArcep(arcepDir);
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("aucun changement");
        assertThat(arcepSnapshot()).isEqualTo(before);
    }

    @Test
    void aBadNumberIsRefusedWithItsFileLineAndColumnAndNothingChanges(@TempDir Path tmp) throws Exception {
        List<String> original = Files.readAllLines(arcepDir.resolve(files().get(0)), StandardCharsets.UTF_8);
        int rennes = lineOf(original, "35238,");
        int acigne = lineOf(original, "35001,");
        Path dir = copyWith(tmp, files().get(0), lines -> {
            lines.set(rennes - 1, lines.get(rennes - 1).replace("121\u00a0335", "12l\u00a0335"));
            lines.set(acigne - 1, lines.get(acigne - 1).replace(",FRTE ,", ",Orange ,"));
            return lines;
        });
        String before = arcepSnapshot();
        Result r = importArcep(dir);

        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        // every bad value, each with its file, line and column
        assertThat(r.output()).contains("Import refusé : 2 problème(s)")
                .contains(dir.resolve(files().get(0)) + ", ligne " + rennes + ", colonne « Logements » : nombre entier attendu")
                .contains(", ligne " + acigne + ", colonne « Engagements L. 33-13 » : code opérateur Arcep")
                .contains("« 12l\u00a0335 »").contains("la base n'a pas été modifiée");
        assertThat(arcepSnapshot()).isEqualTo(before);
    }

    @Test
    void aMissingColumnIsRefusedAndNothingChanges(@TempDir Path tmp) throws Exception {
        // the EPCI file without its Établissements column (last column: drop the last field of each line)
        Path dir = copyWith(tmp, files().get(2), lines -> {
            lines.replaceAll(l -> l.substring(0, l.lastIndexOf(',')));
            return lines;
        });
        String before = arcepSnapshot();
        Result r = importArcep(dir);

        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        assertThat(r.output()).contains("Fichiers de l'observatoire illisibles")
                .contains(dir.resolve(files().get(2)) + ", ligne 5, colonne « Établissements » : colonne absente de l'en-tête");
        assertThat(arcepSnapshot()).isEqualTo(before);
    }

    @Test
    void anUnknownCommuneCodeIsRefusedAndNothingChanges(@TempDir Path tmp) throws Exception {
        Path dir = copyWith(tmp, files().get(0), lines -> {
            lines.add("35999,Commune fantôme,53,35,243500139, 12    , 1    , -    , -    , -    , 1    , -    ,");
            return lines;
        });
        int ghost = Files.readAllLines(dir.resolve(files().get(0)), StandardCharsets.UTF_8).size();
        String before = arcepSnapshot();
        Result r = importArcep(dir);

        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        assertThat(r.output()).contains(", ligne " + ghost + ", colonne « Code commune » : commune inconnue du territoire")
                .contains("« 35999 »");
        assertThat(arcepSnapshot()).isEqualTo(before);
    }

    @Test
    void aCommuneMadeOfPartsOfDifferentPerimetersTakesItsLargestPartsAndIsReported(@TempDir Path tmp) throws Exception {
        // La Chapelle-Fleurigné (35062) = La Chapelle-Janson (35062, 639 logements) + Fleurigné (35112, 419):
        // with La Chapelle-Janson made an Orange engagement, the larger part is private
        List<String> original = Files.readAllLines(arcepDir.resolve(files().get(0)), StandardCharsets.UTF_8);
        int janson = lineOf(original, "35062,");
        Path dir = copyWith(tmp, files().get(0), lines -> {
            String l = lines.get(janson - 1);
            List<String> f = new ArrayList<>(List.of(l.split(",", -1)));
            f.set(8, "FRTE ");
            lines.set(janson - 1, String.join(",", f));
            return lines;
        });
        try {
            Result r = importArcep(dir);
            assertThat(r.exitCode()).as(r.output()).isZero();
            assertThat(queryString("SELECT kind || ' ' || operator_code FROM commune_perimeter WHERE insee = '35062'"))
                    .isEqualTo("PRIVATE_L3313 FRTE");
            assertThat(r.output()).contains("35062 La Chapelle-Fleurigné : parties de périmètres différents (35062 La"
                    + " Chapelle-Janson PRIVATE_L3313 FRTE").contains("35112 Fleurigné PUBLIC")
                    .contains("→ PRIVATE_L3313 FRTE, celui de la plus grande part");
            assertThat(queryLong("SELECT count(*) FROM commune_perimeter WHERE insee = '35062'")).isEqualTo(1);
        } finally {
            Result back = importArcep(arcepDir);
            assertThat(back.exitCode()).as(back.output()).isZero();
        }
        assertThat(queryString("SELECT kind FROM commune_perimeter WHERE insee = '35062'")).isEqualTo("PUBLIC");
    }

    @Test
    void anAdministratorsEditIsNeverOverwrittenAndThePerimeterDateIsAnOption() throws Exception {
        assertThat(firstArcepImport.exitCode()).as(firstArcepImport.output()).isZero();
        // Brest (29019, Orange's engagement) handed back to the public network from 2020-01-01
        execute("UPDATE commune_perimeter SET valid_to = '2020-01-01' WHERE insee = '29019'");
        execute("INSERT INTO commune_perimeter (insee, kind, valid_from, source, username)"
                + " VALUES ('29019', 'PUBLIC', '2020-01-01', 'ADMIN', 'test-admin')");
        String brest = "SELECT string_agg(concat_ws(' ', kind, operator_code, valid_from, valid_to, source), '; '"
                + " ORDER BY valid_from) FROM commune_perimeter WHERE insee = '29019'";
        String edited = queryString(brest);
        try {
            Result r = importArcep(arcepDir, "--perimeter-from", "2012-06-01");
            assertThat(r.exitCode()).as(r.output()).isZero();
            assertThat(queryString(brest)).isEqualTo(edited);
            assertThat(r.output()).contains("1 commune(s) au périmètre saisi par un administrateur, laissé tel quel : 29019")
                    .contains("29019 Brest : PRIVATE_L3313 FRTE selon l'observatoire, PUBLIC aujourd'hui (saisie ADMIN)");
            // every other commune now holds from the date given
            assertThat(queryLong("SELECT count(*) FROM commune_perimeter WHERE source = 'ARCEP' AND valid_from = '2012-06-01'"))
                    .isEqualTo(1201);
            assertThat(queryString("SELECT value FROM dataset_info WHERE key = 'arcep.perimeter_from'"))
                    .isEqualTo("2012-06-01");
            Result refused = importArcep(arcepDir, "--perimeter-from", "2011-02-30");
            assertThat(refused.exitCode()).as(refused.output()).isEqualTo(2);
            assertThat(refused.output()).contains("--perimeter-from").contains("2011-02-30");
        } finally {
            execute("DELETE FROM commune_perimeter WHERE insee = '29019' AND source = 'ADMIN'");
            execute("UPDATE commune_perimeter SET valid_to = NULL WHERE insee = '29019'");
            Result back = importArcep(arcepDir);
            assertThat(back.exitCode()).as(back.output()).isZero();
        }
        assertThat(queryLong("SELECT count(*) FROM commune_perimeter WHERE source = 'ARCEP' AND valid_from = '2011-01-31'"))
                .isEqualTo(1202);
    }
}
