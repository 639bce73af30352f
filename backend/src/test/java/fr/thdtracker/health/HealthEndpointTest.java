package fr.thdtracker.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.thdtracker.DemoDatabaseTest;

class HealthEndpointTest extends DemoDatabaseTest {

    @Test
    @SuppressWarnings("unchecked")
    void healthReportsTheDatabaseAndThePostgisVersion() {
        Map<String, Object> health = http().get().uri("/actuator/health").retrieve().body(Map.class);
        assertThat(health).containsEntry("status", "UP");
        Map<String, Object> components = (Map<String, Object>) health.get("components");
        assertThat((Map<String, Object>) components.get("db")).containsEntry("status", "UP");
        Map<String, Object> postgis = (Map<String, Object>) components.get("postgis");
        assertThat(postgis).containsEntry("status", "UP");
        String version = (String) ((Map<String, Object>) postgis.get("details")).get("postgisVersion");
        assertThat(version).matches("3\\.\\d+\\.\\d+.*")
                .isEqualTo(jdbc.sql("SELECT postgis_lib_version()").query(String.class).single());
    }
}
