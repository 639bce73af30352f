package fr.thdtracker.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.thdtracker.DemoDatabaseTest;
import fr.thdtracker.security.Role;

/**
 * Every layer of the catalog, requested from each of the three outputs over HTTP: a layer is
 * served with real features by every output it declares, and by no other; a restricted layer
 * by none to an anonymous visitor.
 */
class CatalogOutputsTest extends DemoDatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int Z = 12;

    private static ResponseEntity<byte[]> get(RestClient client, String uri) {
        return client.get().uri(uri).retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(byte[].class);
    }

    private static JsonNode json(ResponseEntity<byte[]> response) throws Exception {
        return JSON.readTree(response.getBody());
    }

    /** A point of the layer's first feature, in longitude and latitude. */
    private double[] aFeaturePoint(Layer layer) {
        return jdbc.sql("""
                        SELECT ST_X(q.p), ST_Y(q.p) FROM (
                          SELECT ST_Transform(ST_PointOnSurface(%1$s), 4326) AS p FROM %2$s
                          WHERE %1$s IS NOT NULL ORDER BY %3$s LIMIT 1) q
                        """.formatted(layer.geometry(), layer.from(), layer.sortKey()))
                .query((rs, i) -> new double[]{rs.getDouble(1), rs.getDouble(2)}).single();
    }

    private String tileUri(Layer layer) {
        double[] p = aFeaturePoint(layer);
        double n = 1 << Z;
        int x = (int) Math.floor((p[0] + 180) / 360 * n);
        double lat = Math.toRadians(p[1]);
        int y = (int) Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n);
        return "/tiles/" + layer.id() + "/" + Z + "/" + x + "/" + y + ".mvt";
    }

    private String geoJsonUri(Layer layer) {
        if (!layer.geoJson().boxRequired()) {
            return "/api/layers/" + layer.id();
        }
        double[] p = aFeaturePoint(layer);
        return "/api/layers/" + layer.id() + "?bbox=" + (p[0] - 0.01) + "," + (p[1] - 0.01) + "," + (p[0] + 0.01) + ","
                + (p[1] + 0.01);
    }

    @Test
    void everyLayerIsServedByTheOutputsItDeclaresAndByNoOther() throws Exception {
        assertThat(LayerCatalog.LAYERS).hasSizeGreaterThanOrEqualTo(10);
        for (Layer layer : LayerCatalog.LAYERS) {
            RestClient client = layer.isPublic() ? http() : http(layer.minimumRole());
            String id = layer.id();

            ResponseEntity<byte[]> tile = get(client, layer.servedBy(Output.TILES) ? tileUri(layer) : "/tiles/" + id + "/0/0/0.mvt");
            if (layer.servedBy(Output.TILES)) {
                assertThat(tile.getStatusCode()).as(id + " tile").isEqualTo(HttpStatus.OK);
                assertThat(tile.getHeaders().getContentType().toString()).isEqualTo("application/vnd.mapbox-vector-tile");
                assertThat(Long.parseLong(tile.getHeaders().getFirst("X-Tile-Features"))).as(id + " tile features").isPositive();
                assertThat(tile.getBody()).isNotEmpty();
            } else {
                assertThat(tile.getStatusCode()).as(id + " tile").isEqualTo(HttpStatus.NOT_FOUND);
            }

            ResponseEntity<byte[]> items = get(client, "/ogc/collections/" + id + "/items?limit=2");
            List<String> listed = json(get(client, "/ogc/collections")).findValuesAsText("id");
            if (layer.servedBy(Output.OGC)) {
                assertThat(items.getStatusCode()).as(id + " OGC items").isEqualTo(HttpStatus.OK);
                JsonNode page = json(items);
                assertThat(page.get("numberReturned").asInt()).as(id + " OGC items").isEqualTo(2);
                assertThat(page.get("features").get(0).get("properties").size()).isEqualTo(layer.attributes(Output.OGC).size());
                String first = page.get("features").get(0).get("id").asText();
                assertThat(get(client, "/ogc/collections/" + id + "/items/" + first).getStatusCode()).isEqualTo(HttpStatus.OK);
                assertThat(listed).as("OGC collections").contains(id);
            } else {
                assertThat(items.getStatusCode()).as(id + " OGC items").isEqualTo(HttpStatus.NOT_FOUND);
                assertThat(listed).as("OGC collections").doesNotContain(id);
            }

            ResponseEntity<byte[]> geoJson = get(client, layer.servedBy(Output.GEOJSON) ? geoJsonUri(layer) : "/api/layers/" + id);
            if (layer.servedBy(Output.GEOJSON)) {
                assertThat(geoJson.getStatusCode()).as(id + " GeoJSON").isEqualTo(HttpStatus.OK);
                JsonNode fc = json(geoJson);
                assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
                assertThat(fc.get("features").size()).as(id + " GeoJSON features").isPositive();
            } else {
                assertThat(geoJson.getStatusCode()).as(id + " GeoJSON").isEqualTo(HttpStatus.NOT_FOUND);
            }
        }
    }

    @Test
    void aRestrictedLayerIsServedByNoOutputToAnAnonymousVisitorButToASignedInViewer() throws Exception {
        List<Layer> restricted = LayerCatalog.LAYERS.stream().filter(l -> !l.isPublic()).toList();
        assertThat(restricted).extracting(Layer::id).contains("pm-areas");
        for (Layer layer : restricted) {
            String id = layer.id();
            String firstId = jdbc.sql("SELECT " + layer.featureId() + " FROM " + layer.from() + " ORDER BY " + layer.sortKey()
                    + " LIMIT 1").query(String.class).single();
            List<String> uris = List.of(tileUri(layer), "/ogc/collections/" + id, "/ogc/collections/" + id + "/items",
                    "/ogc/collections/" + id + "/items/" + firstId, geoJsonUri(layer));
            for (String uri : uris) {
                assertThat(get(http(), uri).getStatusCode()).as("anonymous " + uri).isEqualTo(HttpStatus.UNAUTHORIZED);
                ResponseEntity<byte[]> viewer = get(http(Role.VIEWER), uri);
                assertThat(viewer.getStatusCode()).as("viewer " + uri).isEqualTo(HttpStatus.OK);
                assertThat(viewer.getBody()).as("viewer " + uri).isNotEmpty();
            }
            // never in a shared cache
            assertThat(get(http(Role.VIEWER), tileUri(layer)).getHeaders().getCacheControl()).contains("private")
                    .doesNotContain("public");
            assertThat(json(get(http(), "/ogc/collections")).findValuesAsText("id")).doesNotContain(id);
            assertThat(new String(get(http(), "/ogc/api").getBody())).doesNotContain("\"" + id + "\"");
            assertThat(json(get(http(Role.VIEWER), "/ogc/collections")).findValuesAsText("id")).contains(id);
        }
        // public tiles still skip the security chain: no session, no CSRF cookie
        Layer communes = LayerCatalog.find("communes", Output.TILES).orElseThrow();
        assertThat(get(http(), tileUri(communes)).getHeaders().get("Set-Cookie")).isNull();
    }
}
