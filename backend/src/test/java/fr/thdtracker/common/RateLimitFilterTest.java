package fr.thdtracker.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

class RateLimitFilterTest {

    private static final Map<String, RateLimitFilter.Family> FAMILIES = Map.of(
            "lookup", new RateLimitFilter.Family(List.of("/api/eligibility/lookup"), 3, 0.001),
            "tiles", new RateLimitFilter.Family(List.of("/tiles/**"), 10, 0.001));

    private static RateLimitFilter filter(Long floorBurst, Double floorRate, int maxClients) {
        return new RateLimitFilter(new RateLimitFilter.Settings(floorBurst, floorRate, maxClients, null, FAMILIES),
                new ProblemWriter(new ObjectMapper()));
    }

    private MockHttpServletResponse call(RateLimitFilter filter, String uri, String client) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.setRemoteAddr(client);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void eachAddressHasABucketPerRouteFamily() throws Exception {
        RateLimitFilter filter = filter(null, null, 1000);
        for (int i = 0; i < 3; i++) {
            assertThat(call(filter, "/api/eligibility/lookup", "10.0.0.1").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = call(filter, "/api/eligibility/lookup", "10.0.0.1");
        assertThat(refused.getStatus()).isEqualTo(429);
        // a token every 1,000 s: the client is told how long to wait
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(990L, 1000L);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"status\":429").contains("Trop de requêtes");
        // another client has its own bucket; the tiles family has its own, larger one; other routes are not limited
        assertThat(call(filter, "/api/eligibility/lookup", "10.0.0.2").getStatus()).isEqualTo(200);
        for (int i = 0; i < 10; i++) {
            assertThat(call(filter, "/tiles/communes/8/1/2.mvt", "10.0.0.1").getStatus()).isEqualTo(200);
        }
        assertThat(call(filter, "/tiles/communes/8/1/2.mvt", "10.0.0.1").getStatus()).isEqualTo(429);
        assertThat(call(filter, "/api/progress", "10.0.0.1").getStatus()).isEqualTo(200);
    }

    @Test
    void anEncodedOrDecoratedPathCountsInItsFamily() throws Exception {
        RateLimitFilter filter = filter(null, null, 1000);
        for (String uri : List.of("/api/eligibility/lookup", "/api/eligibility/look%75p", "/api/eligibility/lookup;x=1")) {
            assertThat(call(filter, uri, "10.0.0.3").getStatus()).isEqualTo(200);
        }
        assertThat(call(filter, "/api/eligibility/lookup", "10.0.0.3").getStatus()).isEqualTo(429);
    }

    @Test
    void theFloorRaisesEveryFamily() throws Exception {
        RateLimitFilter filter = filter(50L, 1000.0, 1000);
        for (int i = 0; i < 50; i++) {
            assertThat(call(filter, "/api/eligibility/lookup", "10.0.0.4").getStatus()).isEqualTo(200);
        }
    }
}
