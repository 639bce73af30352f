package fr.thdtracker.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import fr.thdtracker.DemoDatabaseTest;
import fr.thdtracker.security.Role;

class ProgressApiTest extends DemoDatabaseTest {

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> groups(String by, String asOf) {
        Map<String, Object> answer = http(Role.VIEWER).get().uri("/api/progress?by=" + by + "&asOf=" + asOf)
                .retrieve().body(Map.class);
        assertThat(answer.get("asOf")).isEqualTo(asOf);
        return (List<Map<String, Object>>) answer.get("groups");
    }

    private static long sum(List<Map<String, Object>> groups, String key) {
        return groups.stream().mapToLong(g -> ((Number) g.get(key)).longValue()).sum();
    }

    /** Figures on a date straight from the histories, independently of the milestones. */
    private long fromHistory(String predicate, String date) {
        return jdbc.sql("""
                WITH s AS (SELECT DISTINCT ON (building_id) building_id, new_value FROM building_event
                           WHERE field = 'state' AND effective_on <= CAST(:d AS date)
                           ORDER BY building_id, effective_on DESC, id DESC)
                SELECT count(*) FROM s JOIN building p ON p.id = s.building_id JOIN premise l ON l.building_id = p.id WHERE p.pm_zone_id IS NOT NULL AND %s
                """.formatted(predicate)).param("d", date).query(Long.class).single();
    }

    @Test
    void onFirstJanuary2021TheDemoMatchesTheAnnualReport() {
        double s = TEST_DEMO.scale();
        List<Map<String, Object>> tranches = groups("tranche", "2021-01-01");
        Map<String, Object> p1t1 = tranches.stream().filter(g -> g.get("code").equals("P1T1")).findFirst().orElseThrow();
        assertThat(((Number) p1t1.get("built")).doubleValue()).isCloseTo(70_000 * s, within(70_000 * s * 0.03));
        long open = sum(tranches, "openForSale");
        assertThat((double) open).isCloseTo(74_000 * s, within(74_000 * s * 0.04));
        assertThat((double) sum(tranches, "subscribed") / open).isCloseTo(0.43, within(0.04));
        // against the histories
        assertThat(sum(tranches, "built")).isEqualTo(fromHistory("s.new_value IN ('DEPLOYE', 'RACCORDABLE_DEMANDE')", "2021-01-01"));
        assertThat(sum(tranches, "inWorks")).isEqualTo(fromHistory("s.new_value = 'EN_COURS'", "2021-01-01"));
        assertThat(sum(tranches, "inStudy")).isEqualTo(fromHistory("s.new_value IN ('CIBLE', 'SIGNE')", "2021-01-01"));
        assertThat(sum(tranches, "openForSale")).isEqualTo(fromHistory(
                "s.new_value IN ('DEPLOYE', 'RACCORDABLE_DEMANDE') AND p.commercial_opening_date <= DATE '2021-01-01'", "2021-01-01"));
        assertThat(sum(tranches, "subscribed")).isEqualTo(count(
                "SELECT count(DISTINCT premise_id) FROM premise_event WHERE field = 'subscription' AND effective_on <= DATE '2021-01-01'"));
        Map<String, Object> p1t2 = tranches.stream().filter(g -> g.get("code").equals("P1T2")).findFirst().orElseThrow();
        assertThat(p1t2.get("targetDate")).isEqualTo("2020-12-31");
    }

    @Test
    @SuppressWarnings("unchecked")
    void paceAndForecastFollowFromTheBuiltDates() {
        List<Map<String, Object>> phases = groups("phase", "2023-06-30");
        for (Map<String, Object> g : phases) {
            Map<String, Number> pace = (Map<String, Number>) g.get("builtPerMonth");
            long builtIn3 = jdbc.sql("""
                    SELECT count(*) FROM premise_milestone m JOIN building p ON p.id = m.building_id
                    JOIN pm_zone pm ON pm.id = p.pm_zone_id JOIN deployment_zone z ON z.id = pm.zone_id
                    JOIN tranche t ON t.id = z.tranche_id JOIN phase ph ON ph.id = t.phase_id
                    WHERE ph.code = :code AND m.built_on > DATE '2023-03-30' AND m.built_on <= DATE '2023-06-30'
                    """).param("code", g.get("code")).query(Long.class).single();
            assertThat(pace.get("last3Months").doubleValue()).isCloseTo(builtIn3 / 3.0, within(0.001));
        }
        Map<String, Object> p3 = phases.stream().filter(g -> g.get("code").equals("P3")).findFirst().orElseThrow();
        assertThat(p3.get("completed")).isEqualTo(false);
        assertThat(p3.get("forecastCompletion")).isNotNull();
        assertThat(p3.get("targetDate")).isEqualTo("2026-12-31");
        Map<String, Object> p1 = phases.stream().filter(g -> g.get("code").equals("P1")).findFirst().orElseThrow();
        assertThat(((Number) p1.get("targeted")).longValue()).isPositive();
    }

    @Test
    void everyLevelCoversEveryPremise() {
        long premises = count("SELECT count(*) FROM premise");
        for (String by : List.of("phase", "tranche", "department", "epci", "commune", "zone", "contractor", "region")) {
            List<Map<String, Object>> groups = groups(by, "2024-01-01");
            assertThat(groups.stream().mapToLong(g -> ((Number) g.get("inStudy")).longValue()
                    + ((Number) g.get("inWorks")).longValue() + ((Number) g.get("built")).longValue()
                    + ((Number) g.get("abandoned")).longValue()).sum())
                    .as("every targeted premise is in exactly one step, by %s", by)
                    .isEqualTo(sum(groups, "targeted"));
            assertThat(sum(groups, "targeted")).isLessThanOrEqualTo(premises);
        }
        assertThat(sum(groups("contractor", "2024-01-01"), "targeted")).isEqualTo(sum(groups("phase", "2024-01-01"), "targeted"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void lateZonesArePastTheirPlannedEndAndNotBuilt() {
        Map<String, Object> answer = http(Role.VIEWER).get().uri("/api/progress/late-zones?asOf=2022-06-30").retrieve().body(Map.class);
        List<Map<String, Object>> zones = (List<Map<String, Object>>) answer.get("zones");
        assertThat(zones).isNotEmpty();
        for (Map<String, Object> z : zones) {
            assertThat((String) z.get("planned_end_date")).isLessThan("2022-06-30");
            assertThat(((Number) z.get("built")).longValue()).isLessThan(((Number) z.get("lines")).longValue());
        }
        long expected = count("""
                SELECT count(*) FROM (
                  SELECT z.id FROM deployment_zone z JOIN pm_zone pm ON pm.zone_id = z.id JOIN building p ON p.pm_zone_id = pm.id
                  JOIN premise_milestone m ON m.building_id = p.id
                  WHERE z.planned_end_date < DATE '2022-06-30' AND (m.abandoned_on IS NULL OR m.abandoned_on > DATE '2022-06-30')
                  GROUP BY z.id HAVING bool_or(m.built_on IS NULL OR m.built_on > DATE '2022-06-30')) q
                """);
        assertThat((long) zones.size()).isEqualTo(expected);
    }

    @Test
    @SuppressWarnings("unchecked")
    void sCurvesAreCumulativeAndEndAtTheFiguresOfTheirLastDay() {
        Map<String, Object> answer = http(Role.VIEWER).get()
                .uri("/api/progress/series?by=phase&from=2018-01-01&to=2021-01-31").retrieve().body(Map.class);
        List<String> months = (List<String>) answer.get("months");
        assertThat(months).startsWith("2018-01").endsWith("2021-01").hasSize(37);
        List<Map<String, Object>> series = (List<Map<String, Object>>) answer.get("series");
        long builtAtEnd = 0;
        for (Map<String, Object> s : series) {
            for (String kind : List.of("built", "openForSale", "subscribed")) {
                List<Number> values = (List<Number>) s.get(kind);
                assertThat(values).hasSize(37);
                for (int i = 1; i < values.size(); i++) {
                    assertThat(values.get(i).longValue()).isGreaterThanOrEqualTo(values.get(i - 1).longValue());
                }
            }
            builtAtEnd += ((List<Number>) s.get("built")).get(36).longValue();
        }
        // the programme's premises only: the private towns' networks are not the programme's
        assertThat(builtAtEnd).isEqualTo(count("SELECT count(*) FROM premise_milestone m JOIN building p ON p.id = m.building_id "
                + "WHERE m.built_on <= DATE '2021-01-31' AND p.pm_zone_id IS NOT NULL"));
    }

    @Test
    void progressIsForSignedInUsers() {
        assertThat(http().get().uri("/api/progress").retrieve().onStatus(s -> true, (req, res) -> { })
                .toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http(Role.VIEWER).get().uri("/api/progress?by=canton").retrieve().onStatus(s -> true, (req, res) -> { })
                .toEntity(String.class).getBody()).contains("by doit valoir");
    }
}
