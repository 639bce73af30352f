package fr.thdtracker.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.thdtracker.territory.CommuneShape;
import fr.thdtracker.territory.TerritoryImportFixture;
import fr.thdtracker.territory.TerritoryRepository;

/**
 * The demo on the real territory and the real perimeter, in a scratch database: the territory
 * imported by import-territory.sh, then the real Arcep 2018 T1 observatory by import-arcep.sh
 * (as ./run.sh does), then the demo generator at the test scale.
 */
class RealPerimeterDemoTest extends TerritoryImportFixture {

    static final DemoSettings SETTINGS = new DemoSettings(20210101L, 0.02, DemoSettings.DEFAULT_DATA_DATE);
    /** Logements + établissements of the 2018 communes without ZTD, L. 33-13 engagement or private intention. */
    static final long PUBLIC_PERIMETER_PREMISES_2018 = 1_155_378;

    static JdbcClient jdbc;

    @BeforeAll
    static void importTheObservatoryAndLoadTheDemo() throws Exception {
        assertThat(firstImport.exitCode()).as(firstImport.output()).isZero();
        Path dir = data.resolve("ftth-arcep");
        assertThat(Files.isDirectory(dir)).as("real data not available: " + dir).isTrue();
        // the real import, as ./run.sh runs it: public perimeter and figures per commune
        Result arcep = run(projectRoot.resolve("import-scripts/import-arcep.sh"), springEnv(),
                "--dir", dir, "--movements", movements);
        assertThat(arcep.exitCode()).as(arcep.output()).isZero();
        OwnerDatabase owner = new OwnerDatabase(dbUrl, user, password);
        jdbc = owner.jdbc();
        new DemoGenerator(owner).generate(SETTINGS);
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
