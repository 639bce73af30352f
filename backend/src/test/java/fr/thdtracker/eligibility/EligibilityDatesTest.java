package fr.thdtracker.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.thdtracker.DemoDatabaseTest;
import fr.thdtracker.security.Role;

/**
 * As-of answers honour the equipment's dates (V18): VDSL2 only from its opening at the exchange,
 * and an NRA-ZO's lines capped ADSL until its fibre backhaul, like an NRA's after it. The premises
 * are picked on the demo by SQL, the answers read over HTTP, the expected offers computed by the
 * speed model from the stored line length.
 */
class EligibilityDatesTest extends DemoDatabaseTest {

    @Autowired
    EligibilityRecompute recompute;

    /** A premise's line from its exchange, with the equipment's dates. */
    private record Line(long premiseId, String exchangeCode, String exchangeType, boolean vdsl2, float lengthM,
                        LocalDate vdsl2From, LocalDate fibreBackhaulFrom) {
    }

    private Line line(String where) {
        return jdbc.sql("""
                        SELECT e.building_id, ex.code, ex.type, ex.vdsl2, e.exchange_length_m, ex.vdsl2_from,
                               ex.fibre_backhaul_from
                        FROM eligibility e JOIN exchange ex ON ex.id = e.exchange_id
                        LEFT JOIN upgrade_operation o ON o.id = e.cabinet_operation_id
                        WHERE %s
                        ORDER BY e.building_id LIMIT 1
                        """.formatted(where))
                .query((rs, i) -> new Line(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getFloat(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class)))
                .single();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> best(long premiseId, LocalDate asOf) {
        Map<String, Object> answer = http().get().uri("/api/eligibility/buildings/" + premiseId + "?asOf=" + asOf)
                .retrieve().body(Map.class);
        assertThat(answer.get("openToFibre")).as("premise %s on %s", premiseId, asOf).isEqualTo(false);
        return (Map<String, Object>) answer.get("best");
    }

    @SuppressWarnings("unchecked")
    private static void assertOffer(Map<String, Object> best, SpeedModel.Offer expected, Line line) {
        assertThat(best.get("technology")).isEqualTo(expected.technology().name());
        assertThat(((Number) best.get("minMbps")).doubleValue()).isEqualTo((double) (float) expected.minMbps());
        assertThat(((Number) best.get("maxMbps")).doubleValue()).isEqualTo((double) (float) expected.maxMbps());
        assertThat(best.get("speedClass")).isEqualTo(expected.speedClass().name());
        Map<String, Object> servedBy = (Map<String, Object>) best.get("servedBy");
        assertThat(servedBy.get("code")).isEqualTo(line.exchangeCode());
        assertThat(servedBy.get("type")).isEqualTo(line.exchangeType());
    }

    @Test
    void vdsl2ShowsOnlyFromItsOpeningAtTheExchange() {
        // a line that gets VDSL2 from its exchange today, on copper from it on both sides of the date
        Line line = line("""
                e.exchange_technology = 'VDSL2' AND ex.type = 'NRA' AND ex.vdsl2_from IS NOT NULL
                AND (o.commissioned_on IS NULL OR o.commissioned_on > ex.vdsl2_from)
                AND (e.fibre_from IS NULL OR e.fibre_from > ex.vdsl2_from)
                """);
        SpeedModel model = recompute.model();
        double db = model.attenuationDb(line.lengthM());
        assertThat(db).isLessThan(22);
        LocalDate opening = line.vdsl2From();
        assertThat(opening).isBetween(LocalDate.of(2014, 11, 10), LocalDate.of(2017, 12, 31));

        Map<String, Object> before = best(line.premiseId(), opening.minusDays(1));
        assertOffer(before, model.copper(db, new SpeedModel.Equipment(false, false)), line);
        assertThat(before.get("technology")).isEqualTo("ADSL2PLUS");
        Map<String, Object> after = best(line.premiseId(), opening);
        assertOffer(after, model.copper(db, new SpeedModel.Equipment(true, false)), line);
        assertThat(after.get("technology")).isEqualTo("VDSL2");
    }

    @Test
    void anNraZoLineIsCappedAdslUntilItsFibreBackhaulThenLikeAnNra() {
        Line line = line("""
                ex.type = 'NRA_ZO' AND e.cabinet_operation_id IS NULL
                AND (e.fibre_from IS NULL OR e.fibre_from > ex.fibre_backhaul_from)
                """);
        assertThat(line.fibreBackhaulFrom()).isBetween(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31));
        SpeedModel model = recompute.model();
        double db = model.attenuationDb(line.lengthM());
        LocalDate fibre = line.fibreBackhaulFrom();

        Map<String, Object> before = best(line.premiseId(), fibre.minusDays(1));
        assertOffer(before, model.copper(db, new SpeedModel.Equipment(false, true)), line);
        assertThat(((Number) before.get("maxMbps")).doubleValue()).isLessThanOrEqualTo(2);
        assertThat(before.get("speedClass")).isIn("BELOW_3", "INELIGIBLE");
        // from the backhaul (and the VDSL2 that came with it) the NRA model
        LocalDate after = line.vdsl2From() != null && line.vdsl2From().isAfter(fibre) ? line.vdsl2From() : fibre;
        assertOffer(best(line.premiseId(), after), model.copper(db, new SpeedModel.Equipment(line.vdsl2(), false)), line);
        assertOffer(best(line.premiseId(), after.plusYears(1)),
                model.copper(db, new SpeedModel.Equipment(line.vdsl2(), false)), line);
    }

    /**
     * The aggregates choose by date in SQL what the premise answers choose: in a commune with an
     * NRA-ZO, the classes of its premises one by one add up to the commune's figures, before and
     * after the backhaul, and its lines were all below 3 Mbit/s before.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theAreasCountWhatThePremiseAnswersSayOnBothSidesOfABackhaulDate() {
        Map<String, Object> zo = jdbc.sql("""
                SELECT ex.insee, ex.fibre_backhaul_from FROM exchange ex
                WHERE ex.type = 'NRA_ZO' ORDER BY (SELECT count(*) FROM building WHERE insee = ex.insee), ex.id LIMIT 1
                """).query().singleRow();
        String insee = (String) zo.get("insee");
        LocalDate fibre = ((java.sql.Date) zo.get("fibre_backhaul_from")).toLocalDate();
        List<Long> premises = jdbc.sql("SELECT id FROM building WHERE insee = :insee ORDER BY id")
                .param("insee", insee).query(Long.class).list();
        assertThat(premises).isNotEmpty().hasSizeLessThan(400);
        for (LocalDate d : List.of(fibre.minusDays(1), fibre)) {
            Map<String, Long> fromPremises = new HashMap<>();
            for (long id : premises) {
                Map<String, Object> answer = http().get().uri("/api/eligibility/buildings/" + id + "?asOf=" + d)
                        .retrieve().body(Map.class);
                Map<String, Object> best = (Map<String, Object>) answer.get("best");
                // a building answers for its lines: the areas count them
                long lines = ((Number) ((Map<String, Object>) answer.get("building")).get("lines")).longValue();
                fromPremises.merge((String) best.get("speedClass"), lines, Long::sum);
                Map<String, Object> servedBy = (Map<String, Object>) ((Map<String, Object>) answer.get("copper")).get("servedBy");
                if ("NRA_ZO".equals(servedBy.get("type")) && d.isBefore(fibre) && !Boolean.TRUE.equals(answer.get("openToFibre"))) {
                    assertThat(best.get("speedClass")).isIn("BELOW_3", "INELIGIBLE");
                }
            }
            Map<String, Object> areas = http().get().uri("/api/eligibility/areas?level=commune&asOf=" + d)
                    .retrieve().body(Map.class);
            Map<String, Number> byClass = ((List<Map<String, Object>>) areas.get("areas")).stream()
                    .filter(a -> insee.equals(a.get("code"))).findFirst()
                    .map(a -> (Map<String, Number>) a.get("byClass")).orElseThrow();
            Map<String, Long> counted = new HashMap<>();
            byClass.forEach((k, v) -> {
                if (v.longValue() > 0) {
                    counted.put(k, v.longValue());
                }
            });
            assertThat(counted).as("commune %s on %s", insee, d).isEqualTo(fromPremises);
        }
    }

    /** The engineers' what-if of a ZO operation: the NRA-ZO's lines fed by copper, then by fibre. */
    @Test
    @SuppressWarnings("unchecked")
    void theWhatIfOfAZoOperationComparesCopperAndFibreBackhaul() {
        Map<String, Object> op = jdbc.sql("""
                SELECT o.code, o.cabinet_id, o.commissioned_on FROM upgrade_operation o WHERE o.kind = 'ZO'
                ORDER BY o.lines_concerned DESC, o.id LIMIT 1
                """).query().singleRow();
        LocalDate before = ((java.sql.Date) op.get("commissioned_on")).toLocalDate().minusDays(1);
        long lines = count("SELECT sum(b.lines) FROM eligibility e JOIN building b ON b.id = e.building_id WHERE e.exchange_id = "
                + op.get("cabinet_id"));
        assertThat(lines).isPositive();
        Map<String, Object> whatIf = http(Role.ENGINEER).get()
                .uri("/api/eligibility/what-if?operation=" + op.get("code") + "&asOf=" + before).retrieve().body(Map.class);
        assertThat(((Number) whatIf.get("premises")).longValue()).isEqualTo(lines);
        Map<String, Number> without = (Map<String, Number>) whatIf.get("before");
        long slow = without.get("BELOW_3").longValue() + without.get("INELIGIBLE").longValue();
        long openToFibre = without.get("FROM_1000").longValue();
        assertThat(slow + openToFibre).isEqualTo(lines);
        assertThat(((Number) whatIf.get("raised")).longValue()).isPositive().isLessThanOrEqualTo(slow);
    }
}
