package fr.thdtracker.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.thdtracker.DemoDatabaseTest;

/**
 * The one error format, error by error, and the five answers found by a hostile visitor (an
 * out-of-memory series, SQL in the body of a pole lookup, a pole box, a far date, a report past
 * Excel's columns), each now a 4xx problem with a French detail.
 */
class ErrorFormatTest extends DemoDatabaseTest {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theFiveAnswersOfTheHostileVisitorAreProblems() throws Exception {
        assertProblem(get("/api/progress/series?by=commune&from=0001-01-01&to=9999-12-31", "t-viewer"), 400,
                "entre 2010-01-01 et 2040-12-31");
        assertProblem(get("/api/progress/series?by=commune&from=2010-01-01&to=2040-12-31", "t-viewer"), 400,
                "Série trop grande");
        assertProblem(get("/api/eligibility/lookup?lon=0&lat=-90", null), 404, "hors du territoire");
        assertProblem(get("/api/eligibility/lookup?lon=0&lat=-91", null), 400, "lat");
        assertProblem(get("/ogc/collections/communes/items?bbox=-180,-90,180,-89", null), 400, "en dehors du territoire");
        assertProblem(get("/api/eligibility/areas?level=commune&asOf=%2B5874898-01-01", null), 400, "AAAA-MM-JJ");
        assertProblem(get("/api/reports/progress.xlsx?asOf=9999-12-31", "t-viewer"), 400, "2040-12-31");
    }

    @Test
    void aWholeWorldBoxIsCutToTheTerritory() throws Exception {
        HttpResponse<String> world = get("/ogc/collections/communes/items?limit=1&bbox=-180,-90,180,90", null);
        assertThat(world.statusCode()).isEqualTo(200);
        assertThat(json.readTree(world.body()).get("numberMatched").asLong()).isEqualTo(count("SELECT count(*) FROM commune"));
    }

    @Test
    void everyKindOfErrorHasTheSameFormat() throws Exception {
        assertProblem(get("/api/nothing-here", "t-admin"), 404, "Adresse inconnue");
        assertProblem(send("DELETE", "/api/phases", "t-admin", null, null), 405, "Méthode DELETE");
        assertProblem(send("GET", "/api/phases", null, "Accept", "image/png"), 406, "Accept");
        assertProblem(send("GET", "/api/eligibility/suggest", null, null, null), 400, "« q » manquant");
        assertProblem(get("/api/eligibility/buildings/abc", null), 400, "« id » invalide");
        assertProblem(get("/api/me", null), 401, "connectez-vous");
        assertProblem(get("/api/eligibility/what-if?operation=x", "t-viewer"), 403, "rôle");
        assertProblem(get("/api/phases?q=" + "a".repeat(3000), null), 414, "trop longue");
        assertProblem(get("/api/eligibility/suggest?q=a%00b", null), 400, "contrôle");
        assertProblem(get("/tiles/buildings/99/0/0.mvt", null), 400, "zoom");
        // Tomcat's own refusal (an encoded slash in the path) in the same format
        assertProblem(get("/api/layers/a%2Fb", null), 400, "Requête invalide");
        // /error asked for directly is no page
        assertProblem(get("/error", null), 404, "Adresse inconnue");
    }

    @Test
    void aBodyWhereNoneIsReadIsRefusedBeforeTheHandlerRuns() throws Exception {
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reports/progress"))
                .header("Authorization", basic("t-viewer")).header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", "t").header("Cookie", "XSRF-TOKEN=t")
                .POST(HttpRequest.BodyPublishers.ofString("{\"asOf\":")).build();
        assertProblem(client.send(post, HttpResponse.BodyHandlers.ofString()), 415, "corps de requête");
    }

    private void assertProblem(HttpResponse<String> r, int status, String detailPart) throws IOException {
        assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asText()).contains(detailPart);
        assertThat(r.body()).doesNotContain("Exception", "SQL", "org.", "java.", "ERROR:");
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return send("GET", path, user, null, null);
    }

    private HttpResponse<String> send(String method, String path, String user, String header, String value)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("X-XSRF-TOKEN", "t").header("Cookie", "XSRF-TOKEN=t");
        if (user != null) {
            b.header("Authorization", basic(user));
        }
        if (header != null) {
            b.header(header, value);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes());
    }
}
