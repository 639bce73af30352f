package fr.thdtracker.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RateLimitFilterTest {

    private MockHttpServletResponse call(RateLimitFilter filter, String uri, String client) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.setRemoteAddr(client);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void anonymousCallersAreLimitedPerAddress() throws Exception {
        RateLimitFilter filter = new RateLimitFilter(3, 0.001);
        for (int i = 0; i < 3; i++) {
            assertThat(call(filter, "/api/eligibility/lookup", "10.0.0.1").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = call(filter, "/api/eligibility/lookup", "10.0.0.1");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentAsString()).contains("Trop de requêtes");
        // another client has its own bucket; other endpoints are not limited
        assertThat(call(filter, "/api/eligibility/lookup", "10.0.0.2").getStatus()).isEqualTo(200);
        assertThat(call(filter, "/api/phases", "10.0.0.1").getStatus()).isEqualTo(200);
    }
}
