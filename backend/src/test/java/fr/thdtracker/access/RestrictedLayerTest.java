package fr.thdtracker.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.thdtracker.DemoDatabaseTest;
import fr.thdtracker.security.Role;

/**
 * The restricted catalog layer pm-areas (signed-in users) reaches no anonymous visitor by any
 * output (tiles, OGC, GeoJSON, listings, exports) nor by a disguised URL, while a viewer gets it,
 * which shows the URLs tried are the layer's real ones.
 */
class RestrictedLayerTest extends DemoDatabaseTest {

    private static final List<String> DIRECT = List.of(
            "/tiles/pm-areas/0/0/0.mvt", "/tiles/pm-areas/8/130/90.mvt",
            "/api/layers/pm-areas",
            "/ogc/collections/pm-areas", "/ogc/collections/pm-areas/items", "/ogc/collections/pm-areas/items?limit=1");

    /** The same resources, spelt so that a matcher on the literal URL might miss them. */
    private static final List<String> DISGUISED = List.of(
            "/tiles/pm%2Dareas/0/0/0.mvt", "/tiles/pm%2dareas/0/0/0.mvt", "/tiles/PM-AREAS/0/0/0.mvt",
            "/tiles/pm-areas;v=1/0/0/0.mvt", "/tiles/pm-areas/0/0/0.mvt;v=1", "/tiles//pm-areas/0/0/0.mvt",
            "/tiles/./pm-areas/0/0/0.mvt", "/tiles/x/../pm-areas/0/0/0.mvt", "/tiles/pm-areas/0/0/0.mvt/",
            "/api/layers/pm%2Dareas", "/api/layers/pm-areas/", "/api/layers/pm-areas;v=1", "/api/layers//pm-areas",
            "/ogc/collections/pm%2Dareas/items", "/ogc/collections/pm-areas/items/", "/ogc/collections/pm-areas;v=1/items",
            "/ogc/collections//pm-areas/items", "/ogc/collections/pm-areas/items?f=json");

    /** Listings anonymous visitors may read: they must not name the layer. */
    private static final List<String> LISTINGS = List.of("/ogc", "/ogc/collections", "/ogc/api", "/api/info", "/api/phases");

    @Test
    void aViewerGetsTheLayerByEachOutput() {
        Caller viewer = new Caller(Role.VIEWER, port);
        for (String path : DIRECT) {
            assertThat(viewer.send("GET", path).statusCode()).as(path).isBetween(200, 299);
        }
        assertThat(viewer.send("GET", "/ogc/collections").body()).contains("pm-areas");
    }

    @Test
    void anAnonymousVisitorGetsItByNoPath() {
        Caller anonymous = Caller.anonymous(port);
        List<String> leaks = new ArrayList<>();
        for (String path : DIRECT) {
            HttpResponse<String> answer = anonymous.send("GET", path);
            if (answer.statusCode() != 401) {
                leaks.add(path + " → " + answer.statusCode() + " (expected 401)");
            }
        }
        for (String path : DISGUISED) {
            HttpResponse<String> answer = anonymous.send("GET", path);
            if (answer.statusCode() < 400 || answer.statusCode() >= 500) {
                leaks.add(path + " → " + answer.statusCode() + " (expected a 4xx refusal)");
            }
        }
        for (String path : LISTINGS) {
            HttpResponse<String> answer = anonymous.send("GET", path);
            if (answer.statusCode() != 200 || answer.body().contains("pm-areas")) {
                leaks.add(path + " → " + answer.statusCode() + (answer.body().contains("pm-areas") ? " names pm-areas" : ""));
            }
        }
        // exports: every report is for signed-in users
        for (String path : List.of("/api/reports/progress.xlsx", "/api/reports/eligibility.xlsx")) {
            int status = anonymous.send("GET", path).statusCode();
            if (status != 401) {
                leaks.add(path + " → " + status + " (expected 401)");
            }
        }
        assertThat(leaks).isEmpty();
    }
}
