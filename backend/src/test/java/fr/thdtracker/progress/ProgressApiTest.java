package fr.thdtracker.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
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

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> lateZones(String asOf) {
        Map<String, Object> answer = http(Role.VIEWER).get().uri("/api/progress/late-zones?asOf=" + asOf).retrieve().body(Map.class);
        assertThat(answer.get("lateBuiltShare")).as("the default rule").isEqualTo(0.95);
        return (List<Map<String, Object>>) answer.get("zones");
    }

    private static LocalDate date(Map<String, Object> g, String key) {
        return g.get(key) == null ? null : LocalDate.parse((String) g.get(key));
    }

    private static Map<String, Object> group(List<Map<String, Object>> groups, String code) {
        return groups.stream().filter(g -> code.equals(g.get("code"))).findFirst().orElseThrow();
    }

    @Test
    void lateZonesArePastTheirPlannedEndWithFewerThan95PercentOfTheirLinesBuilt() {
        List<Map<String, Object>> zones = lateZones("2022-06-30");
        assertThat(zones).isNotEmpty();
        for (Map<String, Object> z : zones) {
            assertThat((String) z.get("planned_end_date")).isLessThan("2022-06-30");
            assertThat(((Number) z.get("built")).doubleValue()).isLessThan(0.95 * ((Number) z.get("lines")).longValue());
            // still unfinished, so when it should be: never before the date
            assertThat(date(z, "forecastCompletion")).isAfter(LocalDate.parse("2022-06-30"));
        }
        List<String> expected = jdbc.sql("""
                SELECT z.code FROM deployment_zone z JOIN pm_zone pm ON pm.zone_id = z.id JOIN building p ON p.pm_zone_id = pm.id
                JOIN premise_milestone m ON m.building_id = p.id
                WHERE z.planned_end_date < DATE '2022-06-30' AND (m.abandoned_on IS NULL OR m.abandoned_on > DATE '2022-06-30')
                GROUP BY z.id
                HAVING count(*) FILTER (WHERE m.built_on <= DATE '2022-06-30') < 0.95 * count(*)
                ORDER BY z.planned_end_date, z.code
                """).query(String.class).list();
        assertThat(zones).extracting(z -> (String) z.get("code")).containsExactlyElementsOf(expected);
    }

    /**
     * On 1 January 2021 the straight line of the last 12 months put the region's completion in the
     * 22nd century: tranche 2 had only begun delivering, Phases 2 and 3 not at all. From the zones'
     * planned ends and the contractors' pace, the forecasts are a programme's again.
     */
    @Test
    void onFirstJanuary2021TheForecastsFollowTheZonesPlansAndTheContractorsPace() {
        LocalDate d = LocalDate.parse("2021-01-01");
        Map<String, Object> region = groups("region", "2021-01-01").get(0);
        @SuppressWarnings("unchecked")
        double lastYear = ((Map<String, Number>) region.get("builtPerMonth")).get("last12Months").doubleValue();
        LocalDate straightLine = d.plusDays(Math.round(((Number) region.get("remaining")).longValue() / lastYear * 30.44));
        assertThat(straightLine.getYear()).as("the issue's case: the 12-month straight line").isGreaterThan(2100);

        // the region: no earlier than the latest planned end of a zone with lines left, no later than 2028
        LocalDate latestPlan = jdbc.sql("""
                SELECT max(z.planned_end_date) FROM deployment_zone z JOIN pm_zone pm ON pm.zone_id = z.id
                JOIN building p ON p.pm_zone_id = pm.id JOIN premise_milestone m ON m.building_id = p.id
                WHERE (m.built_on IS NULL OR m.built_on > DATE '2021-01-01') AND (m.abandoned_on IS NULL OR m.abandoned_on > DATE '2021-01-01')
                """).query(LocalDate.class).single();
        LocalDate regionForecast = date(region, "forecastCompletion");
        assertThat(regionForecast).isAfterOrEqualTo(latestPlan).isBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31));

        // tranche 2: no earlier than its plans, and within a year of when the demo's history really finished it
        Map<String, Object> t2 = group(groups("tranche", "2021-01-01"), "P1T2");
        LocalDate t2Forecast = date(t2, "forecastCompletion");
        LocalDate t2Plan = jdbc.sql("""
                SELECT max(z.planned_end_date) FROM deployment_zone z JOIN tranche t ON t.id = z.tranche_id WHERE t.code = 'P1T2'
                """).query(LocalDate.class).single();
        LocalDate t2Built = jdbc.sql("""
                SELECT max(m.built_on) FROM premise_milestone m JOIN building p ON p.id = m.building_id
                JOIN pm_zone_programme zp ON zp.pm_zone_id = p.pm_zone_id WHERE zp.tranche_code = 'P1T2'
                """).query(LocalDate.class).single();
        assertThat(t2Forecast).isAfterOrEqualTo(t2Plan).isBetween(LocalDate.of(2021, 1, 1), LocalDate.of(2023, 12, 31));
        assertThat(Math.abs(java.time.temporal.ChronoUnit.DAYS.between(t2Forecast, t2Built))).isLessThanOrEqualTo(365);
        // against its target (end 2020), tranche 2 is late, and says by how much
        assertThat(((Number) t2.get("forecastDelayDays")).longValue())
                .isEqualTo(java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse("2020-12-31"), t2Forecast));
    }

    /**
     * A contractor's overdue zones are caught up one after the other at its recent pace: the last
     * of them ends when its pace has built all their remaining lines (computed here from SQL).
     */
    @Test
    void overdueZonesAreCaughtUpAtTheirContractorsRecentPace() {
        String asOf = "2022-01-01";
        LocalDate d = LocalDate.parse(asOf);
        List<Map<String, Object>> zones = lateZones(asOf);
        Map<String, List<Map<String, Object>>> byContractor = new java.util.TreeMap<>();
        zones.forEach(z -> byContractor.computeIfAbsent((String) z.get("contractor"), c -> new java.util.ArrayList<>()).add(z));
        assertThat(byContractor).hasSizeGreaterThanOrEqualTo(2);
        for (Map.Entry<String, List<Map<String, Object>>> e : byContractor.entrySet()) {
            List<Map<String, Object>> late = e.getValue();
            for (int i = 1; i < late.size(); i++) {
                assertThat(date(late.get(i), "forecastCompletion")).isAfterOrEqualTo(date(late.get(i - 1), "forecastCompletion"));
            }
            Map<String, Object> last = late.get(late.size() - 1);
            // its pace, and the lines of its overdue zones up to that one (oldest planned end first)
            Map<String, Object> backlog = jdbc.sql("""
                    SELECT count(*) FILTER (WHERE m.built_on > CAST(:d AS date) - interval '6 months' AND m.built_on <= CAST(:d AS date)) / 6.0 AS pace,
                           count(*) FILTER (WHERE z.planned_end_date < CAST(:d AS date)
                                            AND (z.planned_end_date, z.code) <= (CAST(:end AS date), :zone)
                                            AND (m.built_on IS NULL OR m.built_on > CAST(:d AS date))
                                            AND (m.abandoned_on IS NULL OR m.abandoned_on > CAST(:d AS date))) AS overdue_lines
                    FROM building p JOIN premise_milestone m ON m.building_id = p.id
                    JOIN pm_zone_programme zp ON zp.pm_zone_id = p.pm_zone_id JOIN deployment_zone z ON z.id = zp.zone_id
                    WHERE zp.contractor = :c
                    """).param("d", asOf).param("c", e.getKey()).param("end", last.get("planned_end_date"))
                    .param("zone", last.get("code")).query().singleRow();
            double pace = ((Number) backlog.get("pace")).doubleValue();
            assertThat(pace).as("%s built lately", e.getKey()).isPositive();
            LocalDate expected = d.plusDays(Math.round(((Number) backlog.get("overdue_lines")).longValue() / pace * 30.44));
            assertThat(date(last, "forecastCompletion")).as(e.getKey()).isBetween(expected.minusDays(1), expected.plusDays(1));
        }
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
