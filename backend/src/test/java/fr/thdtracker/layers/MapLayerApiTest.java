package fr.thdtracker.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import fr.thdtracker.DemoDatabaseTest;

class MapLayerApiTest extends DemoDatabaseTest {

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(String uri) {
        return http().get().uri(uri).retrieve().body(Map.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void communesAreServedInWgs84WithTheirLineCounts() {
        Map<String, Object> fc = get("/api/layers/communes");
        List<Map<String, Object>> features = (List<Map<String, Object>>) fc.get("features");
        assertThat(features).hasSize((int) count("SELECT count(*) FROM commune"));
        long lines = features.stream()
                .mapToLong(f -> ((Number) ((Map<String, Object>) f.get("properties")).get("lines")).longValue()).sum();
        assertThat(lines).isEqualTo(count("SELECT count(*) FROM premise"));
        List<?> ring = (List<?>) ((List<?>) ((Map<String, Object>) features.get(0).get("geometry")).get("coordinates")).get(0);
        Object first = ((List<?>) ring.get(0)).get(0);
        List<Number> lonLat = (List<Number>) (first instanceof List<?> ? first : ring.get(0));
        assertThat(lonLat.get(0).doubleValue()).isBetween(-5.5, -0.9);
        assertThat(lonLat.get(1).doubleValue()).isBetween(47.2, 49.0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void zonesCarryTrancheAndStatus() {
        List<Map<String, Object>> features = (List<Map<String, Object>>) get("/api/layers/zones").get("features");
        assertThat(features).hasSize((int) count("SELECT count(*) FROM deployment_zone"));
        Map<String, Object> props = (Map<String, Object>) features.get(0).get("properties");
        assertThat(props).containsKeys("code", "name", "tranche", "phase", "studyStatus", "contractor", "lines", "deployed");
    }

    @Test
    @SuppressWarnings("unchecked")
    void premisesInABoxAreCappedAndSaySo() {
        // the box around the commune with the most premises
        List<Double> box = jdbc.sql("""
                SELECT ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b) FROM (
                  SELECT ST_Transform(ST_Envelope(c.geom), 4326)::box2d AS b FROM commune c
                  JOIN (SELECT insee, count(*) n FROM building GROUP BY insee ORDER BY n DESC LIMIT 1) t USING (insee)) q
                """).query((rs, i) -> List.of(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4))).single();
        String bbox = box.get(0) + "," + box.get(1) + "," + box.get(2) + "," + box.get(3);
        Map<String, Object> fc = get("/api/layers/buildings?limit=50&bbox=" + bbox);
        assertThat(fc.get("truncated")).isEqualTo(true);
        assertThat((List<?>) fc.get("features")).hasSize(50);
        long matched = jdbc.sql("SELECT count(*) FROM building WHERE geom && ST_Transform(ST_MakeEnvelope(:a, :b, :c, :d, 4326), 2154)")
                .param("a", box.get(0)).param("b", box.get(1)).param("c", box.get(2)).param("d", box.get(3))
                .query(Long.class).single();
        assertThat(((Number) fc.get("numberMatched")).longValue()).isEqualTo(matched).isGreaterThan(50);
        Map<String, Object> feature = ((List<Map<String, Object>>) fc.get("features")).get(0);
        assertThat(feature).containsKey("id");
        assertThat((Map<String, Object>) feature.get("properties")).containsKeys("address", "commune", "state");

        Map<String, Object> all = get("/api/layers/buildings?limit=100000&bbox=" + bbox);
        assertThat((List<?>) all.get("features")).hasSize((int) Math.min(matched, 5000));
        assertThat(all.get("truncated")).isEqualTo(matched > 5000);
    }

    @Test
    void badRequestsGetAClearMessage() {
        ResponseEntity<String> noBox = http().get().uri("/api/layers/buildings").retrieve()
                .onStatus(s -> true, (req, res) -> { }).toEntity(String.class);
        assertThat(noBox.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noBox.getBody()).contains("bbox");

        ResponseEntity<String> badBox = http().get().uri("/api/layers/buildings?bbox=1,2,abc,4").retrieve()
                .onStatus(s -> true, (req, res) -> { }).toEntity(String.class);
        assertThat(badBox.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badBox.getBody()).contains("abc").contains("n'est pas un nombre");

        ResponseEntity<String> inverted = http().get().uri("/api/layers/buildings?bbox=-1,48,-2,47").retrieve()
                .onStatus(s -> true, (req, res) -> { }).toEntity(String.class);
        assertThat(inverted.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<String> unknown = http().get().uri("/api/layers/cables").retrieve()
                .onStatus(s -> true, (req, res) -> { }).toEntity(String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).contains("Couche inconnue : cables");
    }
}
