package fr.thdtracker.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.thdtracker.DemoDatabaseTest;
import fr.thdtracker.security.Role;

/**
 * The synthetic test demo on its own perimeter: the synthetic territory marks its private towns,
 * the programme's lines are all in the public communes, the private towns keep their premises
 * outside every programme figure but get eligibility answers, tranche 1 is rural first and the
 * annual report's first openings open tranche 2.
 */
class PerimeterDemoTest extends DemoDatabaseTest {

    private double number(String sql) {
        return jdbc.sql(sql).query(Double.class).single();
    }

    @Test
    void theSyntheticTerritoryMarksItsLargestTownsAsPrivate() {
        List<String> largest = jdbc.sql("SELECT insee FROM commune ORDER BY population DESC, insee LIMIT 8")
                .query(String.class).list();
        Map<String, String> kinds = new java.util.HashMap<>();
        jdbc.sql("SELECT insee, kind FROM commune_perimeter WHERE source = 'SYNTHETIC'")
                .query(rs -> {
                    kinds.put(rs.getString(1), rs.getString(2));
                });
        assertThat(kinds).containsKeys(largest.toArray(String[]::new));
        assertThat(kinds.values()).containsOnly("VERY_DENSE", "PRIVATE_L3313");
        assertThat(kinds.values().stream().filter("VERY_DENSE"::equals).count()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT DISTINCT operator_code FROM commune_perimeter ORDER BY 1").query(String.class).list())
                .containsExactly("FREE-FRTE-SFR0", "FRTE", "SFR0");
        // about 40 % of the premises are in the private towns, as in Brittany (Arcep 2018: 41 %)
        double share = (double) count(PerimeterSql.PRIVATE_PREMISES) / count("SELECT count(*) FROM premise");
        assertThat(share).isCloseTo(0.40, within(0.04));
    }

    @Test
    void theProgrammesLinesAreAllInThePublicCommunes() {
        assertThat(count(PerimeterSql.PROGRAMME_PREMISES)).isEqualTo(TEST_DEMO.targetLines());
        assertThat(count(PerimeterSql.PRIVATE_PREMISES_WITH_A_PM)).isZero();
        assertThat(count(PerimeterSql.PUBLIC_PREMISES_WITHOUT_A_PM)).isZero();
        assertThat(count(PerimeterSql.PM_AREAS_OVER_PRIVATE_TOWNS)).isZero();
        // the private towns have as many premises per dwelling as the public communes
        double publicRate = number("SELECT 1.0 * count(*) / (SELECT sum(c.dwellings) FROM commune c JOIN "
                + PerimeterSql.PERIMETER + " per USING (insee) WHERE per.kind = 'PUBLIC') FROM premise l JOIN building b ON b.id = l.building_id "
                + "WHERE b.pm_zone_id IS NOT NULL");
        double privateRate = number("SELECT 1.0 * (" + PerimeterSql.PRIVATE_PREMISES + ") / sum(c.dwellings) FROM commune c JOIN "
                + PerimeterSql.PERIMETER + " per USING (insee) WHERE per.kind <> 'PUBLIC'");
        assertThat(privateRate).isCloseTo(publicRate, within(publicRate * 0.01));
        // the programme's upgrades of the copper network are in its own perimeter only
        assertThat(count("SELECT count(*) FROM upgrade_operation o JOIN exchange cab ON cab.id = o.cabinet_id "
                + "JOIN " + PerimeterSql.PERIMETER + " per ON per.insee = cab.insee WHERE per.kind <> 'PUBLIC'")).isZero();
    }

    @Test
    void noProgrammeFigureCountsThePrivateTowns() {
        long programme = TEST_DEMO.targetLines();
        JsonNode region = http(Role.VIEWER).get().uri("/api/progress?by=region&asOf=2026-10-31").retrieve()
                .body(JsonNode.class).path("groups").path(0);
        assertThat(region.path("targeted").asLong()).isEqualTo(programme);
        JsonNode communes = http(Role.VIEWER).get().uri("/api/progress?by=commune&asOf=2026-10-31").retrieve()
                .body(JsonNode.class).path("groups");
        List<String> privateTowns = jdbc.sql("SELECT insee FROM " + PerimeterSql.PERIMETER + " WHERE kind <> 'PUBLIC'")
                .query(String.class).list();
        for (JsonNode g : communes) {
            assertThat(privateTowns).as("commune %s in the progress figures", g.path("code").asText())
                    .doesNotContain(g.path("code").asText());
        }
        long phases = 0;
        for (JsonNode phase : http().get().uri("/api/phases").retrieve().body(JsonNode.class)) {
            for (JsonNode tranche : phase.path("tranches")) {
                phases += tranche.path("lines").asLong();
            }
        }
        assertThat(phases).isEqualTo(programme);
        JsonNode curve = http(Role.VIEWER).get().uri("/api/progress/series?by=phase&from=2014-01-01&to=2026-10-31")
                .retrieve().body(JsonNode.class);
        assertThat(curve.toString()).doesNotContain("\"code\":null");
    }

    @Test
    void trancheOneIsRuralFirstAndNeverInAPrivateTown() {
        assertThat(count(PerimeterSql.TRANCHE_1_IN_PRIVATE_TOWNS)).isZero();
        double trancheOne = number(PerimeterSql.medianDensity("P1T1"));
        double programme = number(PerimeterSql.medianDensity("ALL"));
        double trancheTwo = number(PerimeterSql.medianDensity("P1T2"));
        // the criterion: the median tranche-1 line is in a commune less dense than the programme's median line
        assertThat(trancheOne).isLessThan(programme * 0.8).isLessThan(trancheTwo);
    }

    @Test
    void theAnnualReportsFirstOpeningsOpenTrancheTwo() {
        assertThat(count(PerimeterSql.NAMED_T2_PMS)).isPositive();
        assertThat(count(PerimeterSql.NAMED_PMS_OUTSIDE_T2)).isZero();
        // every PM area of the named places is delivered before those of the other places (a few days of jitter)
        assertThat(count(PerimeterSql.NAMED_LEAD_DAYS)).isGreaterThanOrEqualTo(-5);
        assertThat(jdbc.sql(PerimeterSql.FIRST_T2_COMMUNE).query(String.class).single())
                .isIn("Kerfot", "Paimpol", "Guipel", "Combourg", "Pontivy", "Ploërmel", "Lanmeur", "Pleyben");
    }

    @Test
    void thePrivateOperatorsNetworksGrewAsArcepSaw() {
        // Arcep 2018 T1: 42 % of the private towns' premises connectable; nearly all by the data date
        assertThat(number(PerimeterSql.privateConnectableShare("2018-03-31"))).isBetween(0.30, 0.55);
        assertThat(number(PerimeterSql.privateConnectableShare("2026-10-31"))).isGreaterThan(0.95);
        assertThat(count("SELECT count(*) FROM premise l JOIN building p ON p.id = l.building_id JOIN " + PerimeterSql.PERIMETER
                + " per ON per.insee = p.insee WHERE per.kind <> 'PUBLIC' AND (l.operator_id IS NOT NULL "
                + "OR p.state IN ('EN_COURS', 'SIGNE', 'ABANDONNE'))")).isZero();
    }

    @Test
    void aPrivateTownsPremiseGetsCopperAndTheOperatorsFibre() {
        record Premise(long id, String operator, String opening) {
        }
        Premise connectable = jdbc.sql("SELECT p.id, per.operator_code, p.commercial_opening_date::text FROM building p JOIN "
                        + PerimeterSql.PERIMETER
                        + " per ON per.insee = p.insee WHERE per.kind = 'PRIVATE_L3313' AND p.state = 'DEPLOYE' "
                        + "AND p.commercial_opening_date < DATE '2026-01-01' ORDER BY p.id LIMIT 1")
                .query((rs, i) -> new Premise(rs.getLong(1), rs.getString(2), rs.getString(3))).single();
        JsonNode now = eligibility(connectable.id(), "2026-10-31");
        assertThat(now.path("openToFibre").asBoolean()).isTrue();
        assertThat(now.path("best").path("technology").asText()).isEqualTo("FTTH");
        assertThat(now.path("best").path("servedBy").path("type").asText()).isEqualTo("PRIVATE_NETWORK");
        assertThat(now.path("best").path("servedBy").path("code").asText()).isEqualTo(connectable.operator());
        assertThat(now.path("best").path("servedBy").path("name").asText()).isIn("Orange", "SFR");
        assertThat(now.path("copper").path("technology").asText()).isIn("ADSL2PLUS", "VDSL2", "NONE");
        assertThat(now.path("commune").path("perimeter").path("kind").asText()).isEqualTo("PRIVATE_L3313");
        assertThat(now.path("programme").path("tranche").isNull()).isTrue();
        // before the operator's network reached it: copper only; the only date known is its own opening
        JsonNode before = eligibility(connectable.id(), "2013-06-01");
        assertThat(before.path("openToFibre").asBoolean()).isFalse();
        assertThat(before.path("best").path("technology").asText()).isNotEqualTo("FTTH");
        assertThat(before.path("programme").path("fibreForecastDate").asText()).isEqualTo(connectable.opening());

        long waiting = jdbc.sql("SELECT p.id FROM building p JOIN " + PerimeterSql.PERIMETER
                        + " per ON per.insee = p.insee WHERE per.kind <> 'PUBLIC' AND p.state = 'CIBLE' ORDER BY p.id LIMIT 1")
                .query(Long.class).single();
        JsonNode copperOnly = eligibility(waiting, "2026-10-31");
        assertThat(copperOnly.path("best").path("technology").asText()).isNotEqualTo("FTTH");
        assertThat(copperOnly.path("commune").path("perimeter").path("kind").asText()).isNotEqualTo("PUBLIC");
        // a premise of the programme says so too
        long publicPremise = jdbc.sql("SELECT min(id) FROM building WHERE pm_zone_id IS NOT NULL").query(Long.class).single();
        assertThat(eligibility(publicPremise, "2026-10-31").path("commune").path("perimeter").path("kind").asText()).isEqualTo("PUBLIC");
    }

    private JsonNode eligibility(long id, String asOf) {
        return http().get().uri("/api/eligibility/buildings/{id}?asOf={d}", id, asOf).retrieve().body(JsonNode.class);
    }
}
