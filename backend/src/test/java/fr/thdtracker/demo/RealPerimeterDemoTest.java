package fr.thdtracker.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.thdtracker.territory.CommuneShape;
import fr.thdtracker.territory.TerritoryImportFixture;
import fr.thdtracker.territory.TerritoryRepository;

/**
 * The demo on the real territory and the real perimeter, in a scratch database: the territory
 * imported by import-territory.sh, then arcep_commune and commune_perimeter filled from the real
 * Arcep 2018 T1 per-commune file (until import-scripts/import-arcep.sh lands on main, this test
 * reads the file itself), then the demo generator at the test scale.
 */
class RealPerimeterDemoTest extends TerritoryImportFixture {

    static final DemoSettings SETTINGS = new DemoSettings(20210101L, 0.02, DemoSettings.DEFAULT_DATA_DATE);
    /** Logements + établissements of the 2018 communes without ZTD, L. 33-13 engagement or private intention. */
    static final long PUBLIC_PERIMETER_PREMISES_2018 = 1_155_378;

    static JdbcClient jdbc;

    @BeforeAll
    static void fillTheObservatoryAndLoadTheDemo() throws Exception {
        assertThat(firstImport.exitCode()).as(firstImport.output()).isZero();
        Path file = data.resolve("ftth-arcep/arcep-ftth-2018T1-communes-info-bretagne.csv");
        assertThat(Files.isReadable(file)).as("real data not available: " + file).isTrue();
        Set<String> current = new HashSet<>(queryList("SELECT insee FROM commune"));
        Map<String, String> mergedInto = mergers();
        Map<String, String[]> perimeter = new HashMap<>();
        try (Connection c = connect();
             PreparedStatement arcep = c.prepareStatement("""
                     INSERT INTO arcep_commune (arcep_code, insee, vintage, name, department_code, epci_siren, logements,
                         etablissements, very_dense, l3313_operator, private_intention, rural, mountain, building_operator)
                     VALUES (?, ?, '2018T1', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<CSVRecord> rows = CSVFormat.DEFAULT.parse(in).getRecords();
            for (CSVRecord r : rows.subList(5, rows.size())) {
                String code = r.get(0).trim();
                String insee = code;
                while (!current.contains(insee) && mergedInto.containsKey(insee)) {
                    insee = mergedInto.get(insee);
                }
                assertThat(current).as("Arcep commune %s joins a current commune", code).contains(insee);
                boolean veryDense = flag(r.get(7));
                String l3313 = text(r.get(8));
                String intention = text(r.get(9));
                arcep.setString(1, code);
                arcep.setString(2, insee);
                arcep.setString(3, r.get(1).trim());
                arcep.setString(4, r.get(3).trim());
                arcep.setString(5, text(r.get(4)));
                arcep.setInt(6, count(r.get(5)));
                arcep.setInt(7, count(r.get(6)));
                arcep.setBoolean(8, veryDense);
                arcep.setString(9, l3313);
                arcep.setString(10, intention);
                arcep.setBoolean(11, flag(r.get(10)));
                arcep.setBoolean(12, flag(r.get(11)));
                arcep.setString(13, text(r.get(12)));
                arcep.addBatch();
                // the strongest private claim of the commune's 2018 rows wins
                String[] kind = veryDense ? new String[]{"VERY_DENSE", text(r.get(12))}
                        : l3313 != null ? new String[]{"PRIVATE_L3313", l3313}
                        : intention != null ? new String[]{"PRIVATE_INTENTION", null} : null;
                if (kind != null && rank(kind) > rank(perimeter.get(insee))) {
                    perimeter.put(insee, kind);
                }
            }
            arcep.executeBatch();
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO commune_perimeter (insee, kind, operator_code, valid_from, source)
                    VALUES (?, ?, ?, DATE '2011-04-27', 'ARCEP')""")) {
                for (Map.Entry<String, String[]> e : perimeter.entrySet()) {
                    p.setString(1, e.getKey());
                    p.setString(2, e.getValue()[0]);
                    p.setString(3, e.getValue()[1]);
                    p.addBatch();
                }
                p.executeBatch();
            }
        }
        OwnerDatabase owner = new OwnerDatabase(dbUrl, user, password);
        jdbc = owner.jdbc();
        new DemoGenerator(owner).generate(SETTINGS);
    }

    private static int rank(String[] kind) {
        return kind == null ? 0 : switch (kind[0]) {
            case "VERY_DENSE" -> 3;
            case "PRIVATE_L3313" -> 2;
            default -> 1;
        };
    }

    /** Old code → new code of the communes merged since COG 2018 (INSEE movements, commune to commune). */
    private static Map<String, String> mergers() throws Exception {
        Map<String, String> into = new HashMap<>();
        try (Reader in = Files.newBufferedReader(movements, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                if (r.get("TYPECOM_AV").equals("COM") && r.get("TYPECOM_AP").equals("COM")
                        && !r.get("COM_AV").equals(r.get("COM_AP"))) {
                    into.put(r.get("COM_AV"), r.get("COM_AP"));
                }
            }
        }
        return into;
    }

    /** " 121\u00a0335    " → 121335; "-" → 0. */
    private static int count(String cell) {
        String digits = cell.replace("\u00a0", "").trim();
        return digits.equals("-") || digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    private static String text(String cell) {
        String t = cell.trim();
        return t.equals("-") || t.isEmpty() ? null : t;
    }

    private static boolean flag(String cell) {
        return text(cell) != null;
    }

    private static double number(String sql) {
        return jdbc.sql(sql).query(Double.class).single();
    }

    private static long lines(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void thePublicPerimeterOfTheRealFileIsTheProgrammesSixtyPerCent() {
        assertThat(lines("SELECT sum(a.logements + a.etablissements) FROM arcep_commune a JOIN " + PerimeterSql.PERIMETER
                + " per ON per.insee = a.insee WHERE per.kind = 'PUBLIC'")).isEqualTo(PUBLIC_PERIMETER_PREMISES_2018);
    }

    @Test
    void programmeLinesGoToPublicCommunesInProportionToTheirLogementsAndEtablissements() {
        assertThat(lines(PerimeterSql.PROGRAMME_PREMISES)).isEqualTo(SETTINGS.targetLines());
        assertThat(lines(PerimeterSql.PRIVATE_PREMISES_WITH_A_PM)).isZero();
        assertThat(lines(PerimeterSql.PUBLIC_PREMISES_WITHOUT_A_PM)).isZero();
        assertThat(lines(PerimeterSql.PM_AREAS_OVER_PRIVATE_TOWNS)).isZero();
        double perWeight = SETTINGS.targetLines() / (double) PUBLIC_PERIMETER_PREMISES_2018;
        // every commune, public or private, holds its logements + établissements × the same factor (±1)
        assertThat(lines("""
                WITH w AS (SELECT insee, sum(logements + etablissements) AS w FROM arcep_commune GROUP BY insee),
                     n AS (SELECT insee, sum(lines) AS n FROM building GROUP BY insee)
                SELECT count(*) FROM w LEFT JOIN n USING (insee) WHERE abs(coalesce(n.n, 0) - w.w * %s) > 1
                """.formatted(perWeight))).isZero();
        assertThat((double) lines("SELECT sum(lines) FROM building WHERE insee = '35238' AND pm_zone_id IS NULL"))
                .isCloseTo((121_335 + 6_469) * perWeight, within(1.0));
        // établissements become business premises: Pontivy's split follows its Arcep figures (8,062 + 603)
        List<CommuneShape> communes = new TerritoryRepository(jdbc).communes();
        CommuneLines[] split = LineApportionment.apportion(
                CommunePerimeters.weights(jdbc, communes, SETTINGS.dataDate()), SETTINGS.targetLines());
        int pontivy = java.util.stream.IntStream.range(0, communes.size())
                .filter(i -> communes.get(i).insee().equals("56178")).findFirst().orElseThrow();
        assertThat(split[pontivy].inProgramme()).isTrue();
        assertThat((double) split[pontivy].businesses())
                .isCloseTo(split[pontivy].total() * 603.0 / 8_665, within(1.0));
        // ... and every commune's business premises are its share of établissements
        assertThat(lines("""
                WITH w AS (SELECT insee, sum(logements + etablissements) AS w, sum(etablissements) AS e
                           FROM arcep_commune GROUP BY insee),
                     n AS (SELECT insee, sum(lines) AS n, sum(business_premises) AS e FROM building GROUP BY insee)
                SELECT count(*) FROM w JOIN n USING (insee) WHERE abs(n.e - n.n * w.e / w.w::float8) > 1
                """)).isZero();
    }

    @Test
    void trancheOneIsRuralAndMixedAndTrancheTwoOpensInTheNamedPlaces() {
        assertThat(lines(PerimeterSql.TRANCHE_1_IN_PRIVATE_TOWNS)).isZero();
        assertThat(number(PerimeterSql.medianDensity("P1T1")))
                .isLessThan(number(PerimeterSql.medianDensity("ALL")) * 0.8);
        assertThat(lines(PerimeterSql.NAMED_T2_PMS)).isPositive();
        assertThat(lines(PerimeterSql.NAMED_PMS_OUTSIDE_T2)).isZero();
        assertThat(lines(PerimeterSql.NAMED_LEAD_DAYS)).isGreaterThanOrEqualTo(-5);
        assertThat(jdbc.sql(PerimeterSql.FIRST_T2_COMMUNE).query(String.class).single())
                .isIn("Kerfot", "Paimpol", "Guipel", "Combourg", "Pontivy", "Ploërmel", "Lanmeur", "Pleyben");
    }

    @Test
    void theFiguresOfFirstJanuary2021StillHold() throws Exception {
        double s = SETTINGS.scale();
        Map<String, long[]> f = new HashMap<>();
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(DemoDataSetTest.AS_OF_2021)) {
            while (rs.next()) {
                f.put(rs.getString("code"), new long[]{rs.getLong("built"), rs.getLong("open"), rs.getLong("subscribed"),
                        rs.getLong("lines")});
            }
        }
        long open = f.values().stream().mapToLong(v -> v[1]).sum();
        long subscribed = f.values().stream().mapToLong(v -> v[2]).sum();
        assertThat((double) f.get("P1T1")[0]).isCloseTo(70_000 * s, within(70_000 * s * 0.03));
        assertThat((double) f.get("P1T2")[3]).isCloseTo(170_000 * s, within(170_000 * s * 0.03));
        assertThat((double) open).isCloseTo(74_000 * s, within(74_000 * s * 0.04));
        assertThat((double) subscribed / open).isCloseTo(0.43, within(0.04));
        assertThat(LocalDate.parse(jdbc.sql("SELECT value FROM dataset_info WHERE key = 'data.refresh_date'")
                .query(String.class).single())).isEqualTo(SETTINGS.dataDate());
    }
}
