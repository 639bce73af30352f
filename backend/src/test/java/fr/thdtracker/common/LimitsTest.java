package fr.thdtracker.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.thdtracker.DemoDatabaseTest;

/**
 * The limits as a client meets them over real HTTP, with small limits of its own (its own
 * application context): no floor under the families, 3 lookups then one per 1,000 s, one heavy
 * request at a time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"thd.eligibility.on-start=none", "thd.rate-limit.families.lookup.burst=3",
                "thd.rate-limit.families.lookup.per-second=0.001", "thd.heavy-requests.max-concurrent=1"})
class LimitsTest extends DemoDatabaseTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    HeavyWork heavy;

    private HttpResponse<String> send(String method, String path, boolean viewer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Cookie", "XSRF-TOKEN=t").header("X-XSRF-TOKEN", "t");
        if (viewer) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("t-viewer:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> problem(HttpResponse<String> answer) throws Exception {
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return json.readValue(answer.body(), Map.class);
    }

    @Test
    void aClientPastItsBurstGets429WithRetryAfterAsAProblem() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(send("GET", "/api/eligibility/lookup?q=rue", false).statusCode()).isEqualTo(200);
        }
        // signed in or not, the address's bucket is empty
        HttpResponse<String> refused = send("GET", "/api/eligibility/lookup?q=rue", true);
        assertThat(refused.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 1000L);
        Map<String, Object> problem = problem(refused);
        assertThat(problem).containsEntry("status", 429).containsEntry("title", "Trop de requêtes")
                .containsEntry("type", "urn:thd-tracker:trop-de-requetes");
        assertThat((String) problem.get("detail")).startsWith("Trop de requêtes depuis cette adresse");
        // the premises' answers share the lookup family's bucket; other families have their own
        assertThat(send("GET", "/api/eligibility/buildings/1", false).statusCode()).isEqualTo(429);
        assertThat(send("GET", "/api/eligibility/suggest?q=rue", false).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/tiles/departments/0/0/0.mvt", false).statusCode()).isBetween(200, 299);
    }

    @Test
    void aHeavyRequestBeyondTheBoundIsRefusedAtOnceWith503() throws Exception {
        try (HeavyWork.Permit taken = heavy.tryStart().orElseThrow()) {
            long start = System.nanoTime();
            HttpResponse<String> busy = send("GET", "/api/progress/series?from=2024-01-01&to=2024-03-01", true);
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(problem(busy)).containsEntry("status", 503).containsEntry("title", "Serveur occupé");
            assertThat(send("GET", "/api/reports/eligibility.xlsx?scope=department:01", true).statusCode()).isEqualTo(503);
            // a background report needs a permit too, for as long as it runs: none is queued
            HttpResponse<String> job = send("POST", "/api/reports/progress", true);
            assertThat(job.statusCode()).isEqualTo(503);
            assertThat(job.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(problem(job)).containsEntry("status", 503).containsEntry("title", "Serveur occupé");
            // refused at once, not after waiting for a permit
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
            // anonymous visitors are refused by the security chain first, whatever the bound
            assertThat(send("GET", "/api/progress/series", false).statusCode()).isEqualTo(401);
        }
        assertThat(send("GET", "/api/progress/series?from=2024-01-01&to=2024-03-01", true).statusCode()).isEqualTo(200);
        // the request gave its permit back
        assertThat(heavy.tryStart()).isPresent().get().satisfies(HeavyWork.Permit::close);
    }
}
