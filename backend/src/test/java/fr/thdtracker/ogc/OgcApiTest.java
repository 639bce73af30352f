package fr.thdtracker.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.thdtracker.DemoDatabaseTest;

/** OGC API – Features against real clients: GDAL's OAPIF driver, and plain HTTP. */
class OgcApiTest extends DemoDatabaseTest {

    @TempDir
    Path dir;

    private String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private String base() {
        return "http://localhost:" + port + "/ogc";
    }

    @Test
    void gdalListsEveryCollection() throws Exception {
        String out = run("ogrinfo", "-ro", "-so", "OAPIF:" + base());
        for (String id : List.of("zones", "communes", "exchanges", "cabinets", "ruhd-sites", "ruhd-links", "buildings")) {
            assertThat(out).contains(": " + id + " (title:");
        }
        String communes = run("ogrinfo", "-ro", "-so", "OAPIF:" + base(), "communes");
        assertThat(communes).contains("Feature Count: " + count("SELECT count(*) FROM commune"));
    }

    @Test
    void gdalFollowsTheNextLinksThroughEveryPage() throws Exception {
        Path out = dir.resolve("zones.geojson");
        run("ogr2ogr", "-f", "GeoJSON", out.toString(), "OAPIF:" + base(), "zones", "-oo", "PAGE_SIZE=37");
        JsonNode fc = new ObjectMapper().readTree(Files.readString(out));
        assertThat(fc.get("features").size()).isEqualTo((int) count("SELECT count(*) FROM deployment_zone"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void landingConformanceAndOpenApiAreWhatQgisNeeds() {
        Map<String, Object> landing = http().get().uri("/ogc").retrieve().body(Map.class);
        List<Map<String, String>> links = (List<Map<String, String>>) landing.get("links");
        assertThat(links).anySatisfy(l -> {
            assertThat(l.get("rel")).isEqualTo("service-desc");
            assertThat(l.get("type")).isEqualTo("application/vnd.oai.openapi+json;version=3.0");
        });
        assertThat(links).anySatisfy(l -> assertThat(l.get("rel")).isEqualTo("data"));
        Map<String, Object> conformance = http().get().uri("/ogc/conformance").retrieve().body(Map.class);
        assertThat((List<String>) conformance.get("conformsTo")).contains(
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");
        Map<String, Object> api = http().get().uri("/ogc/api").retrieve().body(Map.class);
        assertThat(api.get("openapi")).isEqualTo("3.0.3");
        assertThat(api.toString()).contains("maximum=10000");
    }

    @Test
    void itemsArePagedFilteredAndIdentified() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ResponseEntity<String> page = http().get().uri("/ogc/collections/buildings/items?limit=50&bbox=-2.0,47.9,-1.4,48.3")
                .retrieve().toEntity(String.class);
        assertThat(page.getHeaders().getContentType().toString()).startsWith("application/geo+json");
        JsonNode fc = json.readTree(page.getBody());
        long matched = count("""
                SELECT count(*) FROM building WHERE geom && ST_Transform(ST_MakeEnvelope(-2.0, 47.9, -1.4, 48.3, 4326), 2154)
                """);
        assertThat(fc.get("numberMatched").asLong()).isEqualTo(matched).isGreaterThan(50);
        assertThat(fc.get("numberReturned").asInt()).isEqualTo(50);
        JsonNode first = fc.get("features").get(0);
        assertThat(first.get("id").asText()).isNotEmpty();
        assertThat(first.get("geometry").get("type").asText()).isEqualTo("Point");
        String next = null;
        for (JsonNode l : fc.get("links")) {
            if (l.get("rel").asText().equals("next")) {
                next = l.get("href").asText();
                assertThat(l.get("type").asText()).isEqualTo("application/geo+json");
            }
        }
        assertThat(next).contains("offset=50");
        JsonNode second = json.readTree(http().get().uri(java.net.URI.create(next)).retrieve().body(String.class));
        assertThat(second.get("features").get(0).get("id").asText()).isNotEqualTo(first.get("id").asText());

        JsonNode item = json.readTree(http().get().uri("/ogc/collections/buildings/items/" + first.get("id").asText())
                .retrieve().body(String.class));
        assertThat(item.get("properties").get("state").asText()).isEqualTo(first.get("properties").get("state").asText());

        // datetime filters on the cabling date
        JsonNode dated = json.readTree(http().get().uri("/ogc/collections/buildings/items?limit=1&datetime=2019-01-01/2019-12-31")
                .retrieve().body(String.class));
        assertThat(dated.get("numberMatched").asLong()).isEqualTo(
                count("SELECT count(*) FROM building WHERE cabling_date BETWEEN DATE '2019-01-01' AND DATE '2019-12-31'"));
    }

    @Test
    void badRequestsGetAClearMessage() {
        for (String[] c : new String[][]{
                {"/ogc/collections/cables/items", "404", "Collection inconnue"},
                {"/ogc/collections/zones/items?limit=abc", "400", "limit"},
                {"/ogc/collections/zones/items?bbox=1,2,3", "400", "bbox"},
                {"/ogc/collections/zones/items?datetime=yesterday", "400", "datetime"},
                {"/ogc/collections/communes/items?datetime=2020-01-01", "400", "n'a pas de date"},
                {"/ogc/collections/zones/items/999999", "404", "Objet inconnu"}}) {
            ResponseEntity<String> r = http().get().uri(c[0]).retrieve().onStatus(s -> true, (req, res) -> { })
                    .toEntity(String.class);
            assertThat(r.getStatusCode().value()).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
            assertThat(r.getBody()).as(c[0]).contains(c[2]);
        }
    }
}
