package fr.thdtracker.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.thdtracker.DemoDatabaseTest;

/**
 * With loopback no longer a trusted proxy, forwarded headers sent from it are ignored: no fake TLS,
 * no fake client address. The same application allows two sites to embed the public map.
 */
@TestPropertySource(properties = {
        "thd.security.trusted-proxies=10\\.255\\.255\\.254",
        "thd.security.frame-ancestors=https://www.example.fr, https://carte.example.org"})
class SecurityUntrustedProxyTest extends DemoDatabaseTest {

    @Test
    void forwardedHeadersFromAnUntrustedAddressAreIgnored() throws Exception {
        SecurityHttp client = new SecurityHttp(port, "203.0.113.9");
        ResponseEntity<String> page = client.get("/", h -> h.add("X-Forwarded-Proto", "https"));
        assertThat(page.getHeaders().get("Strict-Transport-Security")).isNull();
        assertThat(SecurityHeadersTest.cookie(page, "XSRF-TOKEN")).doesNotContain("Secure");

        // the audit records the real peer, not the address the request claims
        client.formLogin("t-viewer", PASSWORD);
        String address = jdbc.sql("SELECT client_address FROM audit_event WHERE actor = 't-viewer'"
                + " AND details = 'formulaire' ORDER BY id DESC LIMIT 1").query(String.class).single();
        assertThat(address).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        Map<?, ?> me = new ObjectMapper().readValue(client.get("/api/me", SecurityHttp.basic("t-viewer", PASSWORD)).getBody(),
                Map.class);
        assertThat(me.get("username")).isEqualTo("t-viewer");
    }

    @Test
    void onlyThePublicMapMayBeEmbeddedAndOnlyByTheConfiguredSites() {
        SecurityHttp client = new SecurityHttp(port, "203.0.113.10");
        ResponseEntity<String> map = client.get("/", h -> { });
        assertThat(map.getHeaders().getFirst("Content-Security-Policy"))
                .endsWith("; frame-ancestors https://www.example.fr https://carte.example.org");
        assertThat(map.getHeaders().get("X-Frame-Options")).isNull();
        ResponseEntity<String> dashboard = client.get("/dashboard.html", SecurityHttp.basic("t-viewer", PASSWORD));
        assertThat(dashboard.getHeaders().getFirst("Content-Security-Policy")).endsWith("; frame-ancestors 'none'");
        assertThat(dashboard.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
    }
}
