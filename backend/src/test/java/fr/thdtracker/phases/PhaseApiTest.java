package fr.thdtracker.phases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

import fr.thdtracker.DemoDatabaseTest;

class PhaseApiTest extends DemoDatabaseTest {

    @Test
    void phasesCountLinesPerStateAsTheDatabaseDoes() {
        List<Map<String, Object>> phases = http().get().uri("/api/phases").retrieve()
                .body(new ParameterizedTypeReference<>() {
                });
        assertThat(phases).extracting(p -> p.get("code")).containsExactly("P1", "P2", "P3");
        long total = 0;
        for (Map<String, Object> phase : phases) {
            long lines = ((Number) phase.get("lines")).longValue();
            @SuppressWarnings("unchecked")
            Map<String, Number> byState = (Map<String, Number>) phase.get("byState");
            assertThat(byState.keySet()).containsExactly("CIBLE", "SIGNE", "EN_COURS", "DEPLOYE",
                    "RACCORDABLE_DEMANDE", "ABANDONNE");
            assertThat(byState.values().stream().mapToLong(Number::longValue).sum()).isEqualTo(lines);
            long deployed = jdbc.sql("""
                            SELECT count(*) FROM premise l JOIN building p ON p.id = l.building_id JOIN pm_zone pm ON pm.id = p.pm_zone_id
                            JOIN deployment_zone z ON z.id = pm.zone_id JOIN tranche t ON t.id = z.tranche_id
                            JOIN phase ph ON ph.id = t.phase_id WHERE ph.code = :code AND p.state = 'DEPLOYE'
                            """).param("code", phase.get("code")).query(Long.class).single();
            assertThat(byState.get("DEPLOYE").longValue()).isEqualTo(deployed);
            total += lines;
        }
        // the programme's lines: a private town's premise (no PM area) is in no phase
        assertThat(total).isEqualTo(count("SELECT sum(lines) FROM building WHERE pm_zone_id IS NOT NULL"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tranches = (List<Map<String, Object>>) phases.get(0).get("tranches");
        assertThat(tranches).extracting(t -> t.get("code")).containsExactly("P1T1", "P1T2");
        assertThat(tranches.get(0)).containsEntry("targetEndDate", "2018-12-31");
    }
}
